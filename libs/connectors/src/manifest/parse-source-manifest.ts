import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { findConnector, CONNECTOR_REGISTRY } from '../connectors/connector-registry';
import { isHostAllowed } from '../http/network-guard';
import { type SourceManifest, sourceManifestSchema } from './manifest-schema';

/** One problem found in a manifest. */
export interface ManifestIssue {
  /** Dotted path of the offending key (`mapping.indicators.0.code`); empty for the whole document. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** A manifest failed validation; `issues` lists every problem, not only the first. */
export class ManifestValidationError extends Error {
  readonly code = 'manifest_invalid';

  constructor(
    readonly origin: string,
    readonly issues: readonly ManifestIssue[],
  ) {
    super(
      `invalid source manifest ${origin}:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ManifestValidationError';
  }
}

type ZodIssue = z.core.$ZodIssue;

function joinPath(prefix: readonly PropertyKey[], path: readonly PropertyKey[]): string {
  return [...prefix, ...path].map(String).join('.');
}

/** Turns zod issues into readable ones; for unions, reports the branch that came closest. */
function toIssues(issues: readonly ZodIssue[], prefix: readonly PropertyKey[] = []): ManifestIssue[] {
  const out: ManifestIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0] ?? [];
      out.push(...toIssues(best, path));
    } else if (issue.code === 'unrecognized_keys') {
      out.push({
        path: joinPath(path, []),
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see the manifest reference)`,
      });
    } else if (issue.code === 'invalid_type') {
      const missing = issue.message.includes('received undefined');
      out.push({
        path: joinPath(path, []),
        message: missing
          ? `required, expected ${issue.expected}`
          : issue.message.replace(/^Invalid input: /, ''),
      });
    } else if (issue.code === 'invalid_value') {
      out.push({
        path: joinPath(path, []),
        message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      });
    } else {
      out.push({ path: joinPath(path, []), message: issue.message });
    }
  }
  return out;
}

/** Union branches failing only on a type mismatch at their root are the least likely intent. */
function score(branch: readonly ZodIssue[]): number {
  return branch.reduce(
    (sum, issue) =>
      sum +
      (issue.code === 'invalid_type' && issue.path.length === 0
        ? 100
        : issue.code === 'unrecognized_keys'
          ? 10
          : 1),
    0,
  );
}

function readDocument(input: unknown, origin: string): unknown {
  if (typeof input !== 'string') return input;
  try {
    return parseYaml(input, { prettyErrors: true }) as unknown;
  } catch (error) {
    throw new ManifestValidationError(origin, [
      { path: '', message: `not valid YAML/JSON: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
}

const URL_PARAMS = ['base_url', 'layer_url', 'url'];

/**
 * Validates a source manifest (YAML or JSON text, or an already parsed object). Every problem is
 * reported at once with its key path; connector parameters are checked against the connector
 * type's own schema, the paging mode against what the type supports, and every URL's host
 * against `allowed_hosts`.
 *
 * @param input YAML/JSON text or a plain object.
 * @param origin Where it came from (file path, "api"), used in messages.
 * @throws ManifestValidationError
 */
export function parseSourceManifest(input: unknown, origin: string): SourceManifest {
  const document = readDocument(input, origin);
  const parsed = sourceManifestSchema.safeParse(document);
  if (!parsed.success) throw new ManifestValidationError(origin, toIssues(parsed.error.issues));
  const manifest = parsed.data;
  const issues: ManifestIssue[] = [];

  const connector = findConnector(manifest.connector.type);
  if (!connector) {
    issues.push({
      path: 'connector.type',
      message: `unknown connector type "${manifest.connector.type}"; expected one of ${Object.keys(CONNECTOR_REGISTRY).join(', ')}`,
    });
  } else {
    const params = connector.paramsSchema.safeParse(manifest.connector.params);
    if (!params.success) issues.push(...toIssues(params.error.issues, ['connector', 'params']));
    else manifest.connector.params = params.data as Record<string, unknown>;
    if (!connector.pagingModes.includes(manifest.paging.mode)) {
      issues.push({
        path: 'paging.mode',
        message: `"${manifest.paging.mode}" is not supported by ${connector.type}; expected ${connector.pagingModes.join(' or ')}`,
      });
    }
  }
  if (manifest.incremental?.format === 'number' && manifest.mapping.indicators.some((i) => i.aggregate)) {
    issues.push({
      path: 'incremental.format',
      message:
        'aggregating sources need a time cursor (re-reads start at a period boundary); a numeric cursor would load partial aggregates',
    });
  }
  for (const key of URL_PARAMS) {
    const value = manifest.connector.params[key];
    if (typeof value !== 'string') continue;
    try {
      const host = new URL(value).hostname;
      if (!isHostAllowed(host, manifest.allowed_hosts)) {
        issues.push({
          path: `connector.params.${key}`,
          message: `host "${host}" is not listed in allowed_hosts`,
        });
      }
    } catch {
      // Already reported by the params schema.
    }
  }
  if (issues.length > 0) throw new ManifestValidationError(origin, issues);
  return manifest;
}
