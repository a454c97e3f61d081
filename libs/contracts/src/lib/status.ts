/**
 * Status and colour vocabulary of scorecards (scoring.md "Status against the trajectory").
 */

/** Trajectory status of a KPI, best to worst. `no_data` when the period has no value. */
export const KPI_STATUSES = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited',
  'deteriorating',
  'no_data',
] as const;
export type KpiStatusDto = (typeof KPI_STATUSES)[number];

/** Traffic-light colours, best to worst; `grey` = insufficient data. */
export const STATUS_COLOURS = ['green', 'yellow', 'orange', 'red', 'dark_red', 'grey'] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];

/** Count of KPIs per status (keys absent when zero are still sent as 0). */
export type StatusCounts = Record<KpiStatusDto, number>;

/**
 * Flags raised on a KPI result.
 * - `exceeded`: p > 1, score capped at 100;
 * - `deteriorating`: p < 0 (worse than the baseline);
 * - `maintain`: the baseline already met the target;
 * - `stale`: the newest data is older than its expected refresh;
 * - `partial_regions`: some regions in scope had no data;
 * - `provisional` / `estimated` / `suspect`: quality flags of contributing observations;
 * - `paced`: cumulative KPI compared against a target pro-rated to date;
 * - `level_score`: no plan target, scored against the indicator's bounds;
 * - `band`: scored against a target band;
 * - `carried_forward`: a stock or level with no value in the period, shown "as of" the latest
 *   earlier period (see `valuePeriod` of the KPI).
 */
export const KPI_FLAGS = [
  'exceeded',
  'deteriorating',
  'maintain',
  'stale',
  'partial_regions',
  'provisional',
  'estimated',
  'suspect',
  'paced',
  'level_score',
  'band',
  'carried_forward',
] as const;
export type KpiFlag = (typeof KPI_FLAGS)[number];
