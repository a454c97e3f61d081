import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { MappingContext } from '../mapping/mapping-context';

const catalogSchema = z.strictObject({
  regions: z.array(
    z.strictObject({
      code: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      level: z.enum(['city', 'district', 'subdistrict']),
      aliases: z.array(z.string()).optional(),
      boundary: z
        .strictObject({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) })
        .optional(),
    }),
  ),
  indicators: z.array(
    z.strictObject({
      code: z.string(),
      valid_min: z.number().optional(),
      valid_max: z.number().optional(),
      ratio_scale: z.number().optional(),
    }),
  ),
});

/** Directory of the real portal files (`../shared/opendata` next to the repository, or CIVICPULSE_OPENDATA_DIR). */
export const OPENDATA_DIR =
  process.env['CIVICPULSE_OPENDATA_DIR'] ?? path.resolve(__dirname, '../../../../../shared/opendata');

/** Directory of the YAML manifests for the real files. */
export const MANIFEST_DIR = path.resolve(__dirname, '../__fixtures__/manifests');

/** Loads the test catalogue as a mapping context in `timeZone`. */
export function loadTestCatalog(timeZone: string): MappingContext {
  const raw = catalogSchema.parse(
    parse(readFileSync(path.resolve(__dirname, '../__fixtures__/catalog/test-catalog.yaml'), 'utf8')),
  );
  return {
    timeZone,
    regions: raw.regions.map((r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      level: r.level,
      aliases: r.aliases,
      boundary: r.boundary ?? null,
    })),
    indicators: raw.indicators.map((i) => ({
      code: i.code,
      validMin: i.valid_min,
      validMax: i.valid_max,
      ratioScale: i.ratio_scale,
    })),
  };
}
