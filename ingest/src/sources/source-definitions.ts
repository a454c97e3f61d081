import { substituteVariables } from '@civicpulse/connectors';
import type { SourceDefinition } from '@civicpulse/db';
import { ManifestFileError, manifestKeyOf, type ManifestFile } from './manifest-files';

/** The parts of a validated manifest that the source table keeps in columns. */
export interface ValidatedManifest {
  key: string;
  name: { zh: string; en: string };
  owner_department: string;
  connector: { type: string };
  schedule?: { cron: string; time_zone?: string };
  cadence?: { stale_after: string };
}

/** Validates a manifest (the connector kit's `parseSourceManifest`); throws on any problem. */
export type ManifestValidator = (raw: unknown, origin: string) => ValidatedManifest;

// Stand-in for deployment variables when validating files at `catalog apply` without them set:
// the stored manifest keeps `${NAME}`, only the shape is checked here.
const PLACEHOLDER_URL = 'http://127.0.0.1:9';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

function durationSeconds(text: string | undefined): number | null {
  if (!text) return null;
  const m = DURATION.exec(text.trim());
  if (!m || !m[2]) return null;
  return Math.round(Number(m[1]) * (UNIT_SECONDS[m[2]] ?? 1));
}

/** Turns a validation error (zod-like `issues`, or any Error) into lines naming the field. */
export function describeValidationError(error: unknown): string[] {
  if (typeof error === 'object' && error !== null && 'issues' in error && Array.isArray(error.issues)) {
    const issues: unknown[] = error.issues;
    const lines = issues.map((issue) => {
      if (typeof issue !== 'object' || issue === null) return String(issue);
      const path: unknown = 'path' in issue ? issue.path : undefined;
      const where = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '';
      const message = 'message' in issue && typeof issue.message === 'string' ? issue.message : 'invalid';
      return `${where || '(root)'}: ${message}`;
    });
    if (lines.length > 0) return lines;
  }
  if (typeof error === 'object' && error !== null && 'details' in error && Array.isArray(error.details)) {
    const details: unknown[] = error.details;
    const lines = details.flatMap((d) =>
      typeof d === 'object' && d !== null && 'field' in d && 'problem' in d
        ? [`${String(d.field)}: ${String(d.problem)}`]
        : [],
    );
    if (lines.length > 0) return lines;
  }
  return [error instanceof Error ? error.message : String(error)];
}

/** Resolves variables and validates one manifest; throws ManifestFileError naming file and key. */
export function validateManifestFile(
  file: ManifestFile,
  variables: Readonly<Record<string, string>>,
  validate: ManifestValidator,
): ValidatedManifest {
  const key = manifestKeyOf(file.raw);
  try {
    const resolved = substituteVariables(file.raw, { DEMO_PORTAL_URL: PLACEHOLDER_URL, ...variables });
    return validate(resolved, file.file);
  } catch (error) {
    throw new ManifestFileError(file.file, key, describeValidationError(error));
  }
}

/**
 * Validates every manifest file and builds the rows `catalog apply` upserts. All files are checked
 * before anything is written; every bad file is reported (an AggregateError of ManifestFileError).
 */
export function buildSourceDefinitions(
  files: readonly ManifestFile[],
  variables: Readonly<Record<string, string>>,
  validate: ManifestValidator,
): SourceDefinition[] {
  const problems: ManifestFileError[] = [];
  const definitions: SourceDefinition[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let manifest: ValidatedManifest;
    try {
      manifest = validateManifestFile(file, variables, validate);
    } catch (error) {
      if (error instanceof ManifestFileError) problems.push(error);
      else throw error;
      continue;
    }
    const earlier = seen.get(manifest.key);
    if (earlier) {
      problems.push(
        new ManifestFileError(file.file, manifest.key, [
          `key: '${manifest.key}' is already used by ${earlier}`,
        ]),
      );
      continue;
    }
    seen.set(manifest.key, file.file);
    definitions.push({
      key: manifest.key,
      nameZh: manifest.name.zh,
      nameEn: manifest.name.en,
      connectorType: manifest.connector.type,
      // Stored as written: variables stay unresolved until a run starts.
      manifest: file.raw,
      schedule: manifest.schedule?.cron ?? null,
      staleAfterSeconds: durationSeconds(manifest.cadence?.stale_after),
      ownerDepartmentCode: manifest.owner_department,
    });
  }
  if (problems.length > 0) {
    throw new AggregateError(problems, `${problems.length} invalid source manifest file(s)`);
  }
  return definitions;
}
