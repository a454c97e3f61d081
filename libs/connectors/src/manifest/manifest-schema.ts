import { FREQUENCIES } from '@civicpulse/domain';
import { Cron } from 'croner';
import { z } from 'zod';
import { TIME_FORMATS } from '../mapping/time-formats';
import { isValidTimeZone } from '../mapping/zoned-time';
import { durationSchema, headersSchema, httpUrlSchema } from './common-schemas';
import { mappingSchema } from './mapping-schema';

/** Who publishes the source and on what terms. */
const identityFields = {
  /** Stable key, used in run records and cursors: lowercase, digits, `-` and `_`. */
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lowercase letters, digits, "-" and "_" (2–64 chars)'),
  name: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  owner_department: z.string().min(1),
  licence: z.string().min(1),
  homepage: httpUrlSchema.optional(),
};

export const scheduleSchema = z
  .strictObject({
    /** Five- or six-field cron expression, read in `time_zone`. */
    cron: z.string().min(1),
    time_zone: z
      .string()
      .refine(isValidTimeZone, { message: 'an IANA time zone such as Asia/Shanghai' })
      .default('Asia/Shanghai'),
  })
  .superRefine((schedule, ctx) => {
    try {
      new Cron(schedule.cron, { paused: true, timezone: schedule.time_zone });
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: `not a valid cron expression (${error instanceof Error ? error.message : String(error)}); expected e.g. "0 6 * * *"`,
      });
    }
  });

export const cadenceSchema = z.strictObject({
  /** How often the publisher updates the data. */
  expected: z.enum(FREQUENCIES),
  /** After this long without new data the source is shown as stale. */
  stale_after: durationSchema,
});

const pagingCommon = {
  page_size: z.number().int().positive().max(50_000).optional(),
  /** Safety stop: never fetch more than this many pages in one run. */
  max_pages: z.number().int().positive().optional(),
  rate_limit: z.strictObject({ requests_per_second: z.number().positive().max(100) }).optional(),
  timeout: durationSchema.default('30s'),
  retries: z.number().int().min(0).max(10).default(3),
};

/** How the source is paged. Portal connectors fix most of it; generic JSON reads the names here. */
export const pagingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none'), ...pagingCommon }),
  z.strictObject({
    mode: z.literal('offset'),
    ...pagingCommon,
    offset_param: z.string().default('offset'),
    limit_param: z.string().default('limit'),
  }),
  z.strictObject({
    mode: z.literal('page'),
    ...pagingCommon,
    page_param: z.string().default('page'),
    size_param: z.string().optional(),
    first_page: z.number().int().min(0).default(1),
  }),
  z.strictObject({
    mode: z.literal('cursor'),
    ...pagingCommon,
    cursor_param: z.string().default('cursor'),
    /** Dotted path of the next cursor in the response body; absent or empty ends paging. */
    next_cursor_path: z.string().min(1),
  }),
  z.strictObject({
    mode: z.literal('link'),
    ...pagingCommon,
    /** Dotted path of the next URL in the body; without it the `Link: <…>; rel="next"` header is used. */
    next_link_path: z.string().optional(),
  }),
]);

export const incrementalSchema = z.strictObject({
  /** Field that grows when rows are added or edited (an edit date, an id). */
  field: z.string().min(1),
  format: z.union([z.enum(TIME_FORMATS), z.literal('number')]),
  /** Re-read this far behind the cursor to catch late edits. */
  lookback: durationSchema.optional(),
});

export const decodingSchema = z.strictObject({
  encoding: z.enum(['auto', 'utf-8', 'gbk', 'gb18030']).default('auto'),
  delimiter: z.string().min(1).max(2).optional(),
  quote: z.string().length(1).optional(),
  /** The first (non-preamble) line holds column names; when false columns are named c1, c2… */
  header_row: z.boolean().default(true),
  /** Lines before the header to drop (国家统计局 exports carry three). */
  skip_preamble_lines: z.number().int().min(0).default(0),
  /** Records after the data to drop (notes and 数据来源 lines). */
  skip_footer_rows: z.number().int().min(0).default(0),
  decimal_comma: z.boolean().default(false),
  null_markers: z.array(z.string()).optional(),
  /** Honour 万 / 亿 suffixes in numeric cells. */
  unit_multipliers: z.boolean().default(true),
  /** For XLSX: sheet name or 1-based index (default the first sheet). */
  sheet: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  /** For JSON bodies: dotted path of the records array ('' for a top-level array). */
  records_path: z.string().optional(),
});

export const qualitySchema = z.strictObject({
  /** Fields that must be present and non-null on every row. */
  required: z.array(z.string().min(1)).optional(),
  /** Plausible ranges for this source, checked on top of each indicator's own valid range. */
  ranges: z
    .record(z.string(), z.strictObject({ min: z.number().optional(), max: z.number().optional() }))
    .optional(),
});

/** A manifest before connector parameters are checked against the connector's own schema. */
export const sourceManifestSchema = z.strictObject({
  ...identityFields,
  connector: z.strictObject({
    type: z.string().min(1),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
  schedule: scheduleSchema.optional(),
  cadence: cadenceSchema.optional(),
  paging: pagingSchema.default({ mode: 'none', timeout: '30s', retries: 3 }),
  /** Absent means full refresh. */
  incremental: incrementalSchema.optional(),
  /** Hosts the connector may contact (`example.org`, `*.example.org`). Required for URL sources. */
  allowed_hosts: z
    .array(
      z
        .string()
        .regex(
          /^(\*\.)?[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\](:\d+)?$/i,
          'a host name such as data.example.gov.cn',
        ),
    )
    .default([]),
  headers: headersSchema.optional(),
  decoding: decodingSchema.prefault({}),
  mapping: mappingSchema,
  quality: qualitySchema.optional(),
});

/** A validated source manifest. */
export type SourceManifest = z.infer<typeof sourceManifestSchema>;
export type PagingSpec = z.infer<typeof pagingSchema>;
export type PagingMode = PagingSpec['mode'];
export type DecodingSpec = z.infer<typeof decodingSchema>;
export type IncrementalSpec = z.infer<typeof incrementalSchema>;
export type QualitySpec = z.infer<typeof qualitySchema>;
