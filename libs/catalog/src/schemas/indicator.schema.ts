import { DIRECTIONS, DOMAINS, FREQUENCIES, REGION_AGGREGATIONS, TIME_AGGREGATIONS } from '@civicpulse/domain';
import { z } from 'zod';
import { bilingual, indicatorCode, text } from './common.schema';

const indicatorSchema = z.strictObject({
  code: indicatorCode,
  name: bilingual,
  definition: bilingual.optional(),
  unit: text,
  direction: z.enum(DIRECTIONS),
  /** Only for `target_band`; checked across fields later. */
  band: z
    .strictObject({
      lo: z.number(),
      hi: z.number(),
      tolerance: z.number().positive(),
    })
    .optional(),
  aggregation: z.strictObject({
    time: z.enum(TIME_AGGREGATIONS),
    region: z.enum(REGION_AGGREGATIONS),
    region_weight: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, {
        error: 'expected a snake_case weight name such as "population" or "vehicle_km"',
      })
      .optional(),
    ratio_scale: z.number().positive().optional(),
  }),
  frequency: z.enum(FREQUENCIES),
  valid_range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  standard_refs: z.array(z.strictObject({ ref: text, status: z.enum(['verified', 'recalled']) })).optional(),
  /** For readers of the file only; not loaded. */
  notes: z.string().optional(),
});

/** `indicators/<domain>.yaml`: the indicators of one domain. */
export const indicatorFileSchema = z.strictObject({
  domain: z.enum(DOMAINS),
  indicators: z.array(indicatorSchema),
});

export type IndicatorFile = z.infer<typeof indicatorFileSchema>;
export type IndicatorEntry = IndicatorFile['indicators'][number];
