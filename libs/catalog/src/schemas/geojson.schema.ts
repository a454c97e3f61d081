import { z } from 'zod';
import { regionCode } from './common.schema';

const position = z
  .array(z.number())
  .min(2, { error: 'expected a position [longitude, latitude]' })
  .refine(([lon, lat]) => lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, {
    error: 'expected longitude in [-180, 180] and latitude in [-90, 90] (WGS 84, longitude first)',
  });

const linearRing = z
  .array(position)
  .min(4, { error: 'expected a closed ring of at least 4 positions' })
  .refine(
    (ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      return first[0] === last[0] && first[1] === last[1];
    },
    { error: 'expected a closed ring (the last position repeats the first)' },
  );

const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(linearRing).min(1) });
const multiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(linearRing).min(1)).min(1),
});

/**
 * A GeoJSON FeatureCollection of region boundaries. Not strict: GeoJSON allows foreign members,
 * and the generated files carry a `generated` note.
 */
export const boundaryCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.looseObject({ code: regionCode }),
      geometry: z.discriminatedUnion('type', [polygon, multiPolygon], {
        error: 'expected a Polygon or MultiPolygon geometry',
      }),
    }),
  ),
});

export type BoundaryCollection = z.infer<typeof boundaryCollectionSchema>;
