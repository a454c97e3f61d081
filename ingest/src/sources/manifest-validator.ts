import { parseSourceManifest } from '@civicpulse/connectors';
import type { ValidatedManifest } from './source-definitions';

/** The connector kit's validation, in the shape `catalog apply` and `check` use. */
export function validateSourceManifest(raw: unknown, origin: string): ValidatedManifest {
  return parseSourceManifest(raw, origin);
}
