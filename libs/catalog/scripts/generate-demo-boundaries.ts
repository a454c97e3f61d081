/**
 * Writes the generated boundary files of the demo city:
 *   catalog/geo/demo-city-districts.geojson  (10 district polygons tiling the city)
 *   catalog/geo/demo-city-outline.geojson    (the city outline)
 *
 * Run from the repository root:  npx tsx libs/catalog/scripts/generate-demo-boundaries.ts
 * The output is deterministic (and formatted with the repository's prettier settings); the
 * catalogue tests fail if the committed files drift from it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { renderDemoBoundaryFiles } from '../src/geo/demo-boundary-files';

async function main(): Promise<void> {
  const catalogDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', '..', 'catalog'));
  const files = renderDemoBoundaryFiles(readFileSync(join(catalogDir, 'city.yaml'), 'utf8'));
  for (const [relativePath, text] of Object.entries(files)) {
    const target = join(catalogDir, relativePath);
    const options = (await resolveConfig(target)) ?? {};
    writeFileSync(target, await format(text, { ...options, filepath: target }), 'utf8');
    console.log(`wrote ${target}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
