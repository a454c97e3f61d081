/** The four domains CivicPulse scores. */
export const DOMAINS = ['traffic', 'health', 'education', 'satisfaction'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Which way is good for an indicator. `target_band` means both extremes are bad. */
export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'target_band'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How values of one region combine over time inside a period. */
export const TIME_AGGREGATIONS = ['sum', 'mean', 'last', 'ratio'] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

/**
 * How values of several regions combine into one.
 * - `sum`: counts add up;
 * - `mean`: unweighted mean (only for indices that define it so);
 * - `weighted_mean`: weighted by the indicator's weight field (population by default);
 * - `ratio_of_sums`: rates recomputed as Σ numerators / Σ denominators, never a mean of rates.
 */
export const REGION_AGGREGATIONS = ['sum', 'mean', 'weighted_mean', 'ratio_of_sums'] as const;
export type RegionAggregation = (typeof REGION_AGGREGATIONS)[number];

export const FREQUENCIES = ['hour', 'day', 'month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface TargetBand {
  lo: number;
  hi: number;
  /** Distance outside the band at which the score reaches 0 (same unit as the value). */
  tolerance: number;
}

export interface StandardReference {
  ref: string;
  /** `verified` or `recalled` (unconfirmed). */
  status: string;
}

export interface Indicator {
  code: string;
  domain: Domain;
  nameZh: string;
  nameEn: string;
  definitionZh?: string;
  definitionEn?: string;
  unit: string;
  direction: Direction;
  band?: TargetBand | null;
  timeAggregation: TimeAggregation;
  regionAggregation: RegionAggregation;
  /**
   * Weight of `weighted_mean` over regions, named after the quantity (`population`, `vehicle_km`,
   * `commuters`, `calls` …); absent or null means population.
   */
  regionWeight?: string | null;
  /** Multiplier applied to Σnum/Σden for `ratio` / `ratio_of_sums` (100 for %, 1000 for per-1 000 …). */
  ratioScale?: number;
  frequency: Frequency;
  /** Plausible range; used for validation and as worst/best bounds of the level score. */
  validMin?: number | null;
  validMax?: number | null;
  standardRefs?: StandardReference[];
}
