/**
 * Shapes shared by every endpoint: error body, localised text, pagination, period selection.
 */

/** Field-level problem reported in an error body (`field` is a dotted path, e.g. `kpis.0.weight`). */
export interface ErrorDetail {
  field: string;
  problem: string;
}

/** Machine-readable error codes the API returns in {@link ErrorBody.code}. */
export const ERROR_CODES = [
  'validation_failed',
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Body of every non-2xx response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  /** Request id, also sent as the `x-request-id` header; quote it when reporting a problem. */
  requestId?: string;
}

/** Languages the API can generate text in. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both languages the product ships with. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** A page of results. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** Paging query parameters accepted by list endpoints. */
export interface PageQuery {
  offset?: number;
  limit?: number;
}

/** Granularities a series can be requested at. */
export const SERIES_GRANULARITIES = ['hour', 'day', 'month', 'quarter', 'year'] as const;
export type SeriesGranularity = (typeof SERIES_GRANULARITIES)[number];

/**
 * A resolved reporting period. The request form is a string:
 * `2025` (year), `2025-Q3` (quarter), `2025-09` (month), `2025-09-15` (day), `ytd` (year to date,
 * today), `ytd:2025-05-15`, `qtd`, `mtd`, or a range `2025-01..2025-06`. Default: `ytd`.
 */
export interface PeriodDto {
  /** The string the period was requested as, normalised (e.g. `2025-Q3`). */
  key: string;
  kind: 'year' | 'quarter' | 'month' | 'day' | 'to_date' | 'range';
  /** First local day of the period, ISO `yyyy-mm-dd` (city time zone). */
  from: string;
  /** Last local day of the period (inclusive), ISO `yyyy-mm-dd`. */
  to: string;
  /** The previous comparable period key (`2025-Q2` for `2025-Q3`), for change figures. */
  previousKey: string | null;
  /** City time zone the period is interpreted in, e.g. `Asia/Shanghai`. */
  timeZone: string;
}

/** A point of a time series: `t` is the ISO start of the local bucket (`2025-09-01`, `2025-09-01T08:00:00+08:00`). */
export interface SeriesPoint {
  t: string;
  /** null when the bucket has no data (a gap, drawn as a break). */
  v: number | null;
}
