import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '__fixtures__');

/**
 * A temporary copy of the minimal valid catalogue with the files of `bad/<overlays>` laid over it,
 * so each bad fixture holds only the file it breaks. Call `remove()` when done.
 */
export function fixtureCatalog(...overlays: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'civicpulse-catalog-'));
  cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
  for (const overlay of overlays) cpSync(join(FIXTURES, 'bad', overlay), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The minimal catalogue with some files replaced by the given text (paths relative to it). */
export function fixtureCatalogWith(files: Record<string, string>): { dir: string; remove(): void } {
  const fixture = fixtureCatalog();
  for (const [file, text] of Object.entries(files)) writeFileSync(join(fixture.dir, file), text, 'utf8');
  return fixture;
}

/** Text of a file of the minimal catalogue, to derive a variant from. */
export function minimalFile(file: string): string {
  return readFileSync(join(FIXTURES, 'minimal', file), 'utf8');
}
