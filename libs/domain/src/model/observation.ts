export const GRAINS = ['instant', 'hour', 'day', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export const QUALITY_FLAGS = ['ok', 'estimated', 'provisional', 'suspect'] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/** One value of one indicator for one region and one period. */
export interface ObservationPoint {
  indicatorCode: string;
  regionCode: string;
  grain: Grain;
  /** Start of the period, an absolute instant. */
  periodStart: Date;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
  quality?: QualityFlag;
}

/**
 * Aggregate of observations of one indicator and region inside one local-time bucket,
 * as kept by the rollup tables (count, sum, min, max, last, Σnum, Σden).
 */
export interface RollupCell {
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
  lastAt: Date;
  numeratorSum?: number | null;
  denominatorSum?: number | null;
}
