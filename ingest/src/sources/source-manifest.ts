import { parseSourceManifest, substituteVariables, type SourceManifest } from '@civicpulse/connectors';
import type { SourceRecord } from '@civicpulse/db';

/**
 * The validated manifest of a stored source, with deployment variables (`${DEMO_PORTAL_URL}`)
 * resolved now, at run time. Throws ManifestValidationError / ManifestVariableError.
 */
export function resolveSourceManifest(
  source: Pick<SourceRecord, 'key' | 'manifest'>,
  variables: Readonly<Record<string, string>>,
): SourceManifest {
  return parseSourceManifest(substituteVariables(source.manifest, variables), `source '${source.key}'`);
}
