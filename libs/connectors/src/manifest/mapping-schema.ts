import { GRAINS } from '@civicpulse/domain';
import { z } from 'zod';
import { TIME_FORMATS } from '../mapping/time-formats';
import { isValidTimeZone } from '../mapping/zoned-time';

const fieldName = z.string().min(1);
const regexSchema = z.string().refine(
  (text) => {
    try {
      new RegExp(text, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'a valid regular expression' },
);
const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: 'an IANA time zone such as Asia/Shanghai' });

/** Which field holds the period, and how it is written. */
export const timeMappingSchema = z.union([
  z.strictObject({
    field: fieldName,
    format: z.enum(TIME_FORMATS),
    /** Zone of wall-clock times without an offset; defaults to the city's. */
    zone: timeZoneSchema.optional(),
    /** Month a school year starts in (for `school_year`), default 9. */
    school_year_start_month: z.number().int().min(1).max(12).optional(),
  }),
  z.strictObject({
    /** Every row belongs to this period (a snapshot file, a yearly table). */
    fixed: z.string().min(1),
    format: z.enum(TIME_FORMATS),
  }),
]);

/** Which region a row belongs to: a field (code or name), a fixed region, or a point lookup. */
export const regionMappingSchema = z.union([
  z.strictObject({
    field: fieldName,
    by: z.enum(['code', 'name']),
    /** Source spelling → region code, on top of the aliases the region catalogue carries. */
    aliases: z.record(z.string(), z.string()).optional(),
    /** Regular expression whose first group is the key to look up (`^\d\d([MXKQR])` on a school id). */
    extract: regexSchema.optional(),
  }),
  z.strictObject({ fixed: z.string().min(1) }),
  z.strictObject({
    /** Locate the row by coordinates inside the catalogue's region boundaries (WGS84 lon/lat). */
    point: z.union([
      z.strictObject({ lon_field: fieldName, lat_field: fieldName }),
      z.strictObject({ geometry_field: fieldName }),
      z.strictObject({ lat_lon_field: fieldName }),
    ]),
    /** Only regions of this level are candidates (default: district). */
    level: z.enum(['city', 'district', 'subdistrict']).optional(),
  }),
]);

const valueSourceSchema = z.union([
  fieldName,
  z.strictObject({
    field: fieldName,
    /** The cell holds a list (`10463,10471`): the value is the number of items. */
    count_items: z.string().min(1).optional(),
  }),
  z.strictObject({ numerator: fieldName, denominator: fieldName }),
]);

/** Event-level rows (one per accident, school, call) folded into one value per region and period. */
export const aggregateSchema = z.strictObject({
  function: z.enum(['count', 'sum', 'mean']),
  /** Rows arrive ordered by time: a period is flushed as soon as a later one starts. */
  ordered_by_time: z.boolean().optional(),
});

/** One indicator produced by the source. */
export const indicatorMappingSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'an indicator code such as traffic.road_tpi'),
  /** Field with the value; omit for `aggregate.function: count` and for unpivoted tables. */
  value: valueSourceSchema.optional(),
  /** Unit conversion: stored value = source value × factor (万辆 → 辆: 10000). */
  factor: z.number().positive().optional(),
  aggregate: aggregateSchema.optional(),
});

/** One column per period or per region, turned into rows. */
export const unpivotSchema = z.strictObject({
  /** Columns to unpivot: an explicit list or a regular expression on the header. */
  columns: z.union([z.array(fieldName).min(1), z.strictObject({ pattern: regexSchema })]),
  /** What the header means. */
  as: z.enum(['period', 'region']),
  /** Format of period headers (`zh_month` for `2020年3月`). */
  format: z.enum(TIME_FORMATS).optional(),
  /** For region headers: look them up by code or by name. */
  by: z.enum(['code', 'name']).optional(),
});

/** A row filter: keep rows whose field equals / is in / matches. */
export const rowFilterSchema = z.strictObject({
  field: fieldName,
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  in: z.array(z.union([z.string(), z.number()])).optional(),
  matches: regexSchema.optional(),
});

export const mappingSchema = z
  .strictObject({
    grain: z.enum(GRAINS),
    time: timeMappingSchema.optional(),
    region: regionMappingSchema.optional(),
    unpivot: unpivotSchema.optional(),
    indicators: z.array(indicatorMappingSchema).min(1),
    include_when: z.array(rowFilterSchema).optional(),
  })
  .superRefine((mapping, ctx) => {
    const unpivot = mapping.unpivot;
    if (!mapping.time && unpivot?.as !== 'period') {
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'required unless unpivot.as is "period"' });
    }
    if (!mapping.region && unpivot?.as !== 'region') {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'required unless unpivot.as is "region"' });
    }
    if (unpivot?.as === 'period' && !unpivot.format) {
      ctx.addIssue({
        code: 'custom',
        path: ['unpivot', 'format'],
        message: 'required when unpivot.as is "period"',
      });
    }
    if (unpivot && mapping.indicators.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicators'],
        message: 'an unpivoted table maps exactly one indicator',
      });
    }
    mapping.indicators.forEach((indicator, i) => {
      const needsValue = !unpivot && indicator.aggregate?.function !== 'count';
      if (needsValue && indicator.value === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'value'],
          message: 'required (a field name or { numerator, denominator })',
        });
      }
      if (
        indicator.aggregate &&
        indicator.value &&
        typeof indicator.value === 'object' &&
        'numerator' in indicator.value
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'aggregate'],
          message:
            'aggregating numerator/denominator pairs is not supported: aggregate each as its own indicator',
        });
      }
    });
  });

export type MappingSpec = z.infer<typeof mappingSchema>;
export type IndicatorMapping = z.infer<typeof indicatorMappingSchema>;
export type RegionMapping = z.infer<typeof regionMappingSchema>;
export type TimeMapping = z.infer<typeof timeMappingSchema>;
export type UnpivotSpec = z.infer<typeof unpivotSchema>;
export type RowFilter = z.infer<typeof rowFilterSchema>;
