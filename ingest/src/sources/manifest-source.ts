import { parseSourceManifest, substituteVariables, type SourceManifest } from '@civicpulse/connectors';
import { SourceRepository, type DataSource } from '@civicpulse/db';
import { existsSync } from 'node:fs';
import { SourceNotFoundError } from '../runs/source-not-found.error';
import { readManifestFile } from './manifest-files';
import { resolveSourceManifest } from './source-manifest';

/** A manifest named on the command line: a `.yaml` file path, or the key of a stored source. */
export interface NamedManifest {
  manifest: SourceManifest;
  /** Where it came from, for messages. */
  origin: string;
}

/** True when the argument names a manifest file rather than a source key. */
export function isManifestPath(argument: string): boolean {
  return /\.ya?ml$/i.test(argument) || argument.includes('/');
}

/**
 * Loads and validates the manifest `check` and `preview` work on. Files are read as written, so a
 * data team can try a manifest before `catalog apply`; keys are looked up in the source table
 * (the database is only opened for keys).
 */
export async function loadNamedManifest(
  argument: string,
  variables: Readonly<Record<string, string>>,
  dataSource: () => Promise<DataSource>,
): Promise<NamedManifest> {
  if (isManifestPath(argument)) {
    if (!existsSync(argument)) throw new SourceNotFoundError(argument);
    const file = readManifestFile(argument);
    return {
      manifest: parseSourceManifest(substituteVariables(file.raw, variables), argument),
      origin: argument,
    };
  }
  const source = await new SourceRepository(await dataSource()).findByKey(argument);
  if (!source) throw new SourceNotFoundError(argument);
  return { manifest: resolveSourceManifest(source, variables), origin: `source '${argument}'` };
}
