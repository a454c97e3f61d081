import { z } from 'zod';
import { bilingual, regionCode, relativePath, text, timeZone } from './common.schema';

const population = z.number().int({ error: 'expected a whole number of residents' }).positive();

const districtSchema = z.strictObject({
  code: regionCode,
  name: bilingual,
  short_name: text.optional(),
  population,
  aliases: z.array(text).optional(),
});

/** `city.yaml`: the city, its time zone and its districts. */
export const citySchema = z.strictObject({
  code: regionCode,
  name: bilingual,
  time_zone: timeZone,
  /** GeoJSON file with one feature for the city outline (optional). */
  boundary_file: relativePath.optional(),
  /** GeoJSON FeatureCollection with one feature per district, matched by `properties.code`. */
  district_boundaries_file: relativePath,
  aliases: z.array(text).optional(),
  population: population.optional(),
  districts: z.array(districtSchema).min(1, { error: 'expected at least one district' }),
});

export type CityFile = z.infer<typeof citySchema>;
export type DistrictEntry = CityFile['districts'][number];
