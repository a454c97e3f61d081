import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** One manifest file as read from disk, before validation. */
export interface ManifestFile {
  /** Path relative to the working directory, for messages. */
  file: string;
  raw: unknown;
}

/** A manifest file could not be read or is not valid; names the file, the key and the problems. */
export class ManifestFileError extends Error {
  constructor(
    readonly file: string,
    readonly key: string | undefined,
    readonly problems: readonly string[],
  ) {
    super(`${file}${key ? ` (source '${key}')` : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManifestFileError';
  }
}

/** The `key` of a parsed manifest, if it has one (for messages about invalid files). */
export function manifestKeyOf(raw: unknown): string | undefined {
  if (typeof raw === 'object' && raw !== null && 'key' in raw) {
    const key = (raw as { key: unknown }).key;
    if (typeof key === 'string') return key;
  }
  return undefined;
}

/** Reads and YAML-parses one manifest file. */
export function readManifestFile(file: string): ManifestFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ManifestFileError(file, undefined, [
      `cannot read: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  try {
    return { file, raw: parseYaml(text) as unknown };
  } catch (error) {
    throw new ManifestFileError(file, undefined, [
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
}

/** Reads every `*.yaml` / `*.yml` under `<catalogDir>/sources`, sorted by name; none when absent. */
export function readManifestDirectory(catalogDir: string): ManifestFile[] {
  const dir = path.join(catalogDir, 'sources');
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return [];
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => readManifestFile(path.join(dir, name)));
}
