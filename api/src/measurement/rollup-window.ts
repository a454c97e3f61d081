import {
  aggregateRegions,
  aggregateTime,
  firstDateOf,
  formatLocalDate,
  mergeRollups,
  type RegionCell,
  type ResolvedPeriodSpec,
  rollupBucketsFor,
} from '@civicpulse/domain';
import type { IndicatorRecord, RollupLevel, RollupRow } from '@civicpulse/db';

/** The rollup rows to read for a window: one bucket range per level, with the exact bucket set. */
export interface BucketPlan {
  level: RollupLevel;
  fromBucket: string;
  toBucket: string;
  buckets: Set<string>;
}

/**
 * Splits a local-date window into the fewest rollup buckets (whole years, whole months, days)
 * and groups them per rollup table, so a year to date costs a handful of rows per region.
 */
export function planBuckets(window: ResolvedPeriodSpec): BucketPlan[] {
  const byLevel = new Map<RollupLevel, string[]>();
  for (const bucket of rollupBucketsFor(window)) {
    const date = formatLocalDate(firstDateOf(bucket.period));
    const list = byLevel.get(bucket.grain) ?? [];
    list.push(date);
    byLevel.set(bucket.grain, list);
  }
  return [...byLevel.entries()].map(([level, dates]) => {
    const sorted = [...dates].sort();
    return { level, fromBucket: sorted[0], toBucket: sorted[sorted.length - 1], buckets: new Set(sorted) };
  });
}

/**
 * A rollup cell plus the numerator and denominator of its newest observation: what a stock
 * (`last` over time) contributes to a ratio of sums over regions. Rollup rows are used as they
 * are read, without copying.
 */
export type WindowCell = Pick<RollupRow, 'cell' | 'lastNumerator' | 'lastDenominator'>;

/** One region's value of an indicator over a window. */
export interface RegionWindowValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lastAt: Date | null;
}

const EMPTY: RegionWindowValue = { value: null, numerator: null, denominator: null, lastAt: null };

/**
 * Aggregates one region's rollup cells over time by the indicator's time rule (domain math),
 * keeping Σnum/Σden so regions can later be combined as a ratio of sums. For stocks (`last`)
 * the components are those of the newest observation — not the bucket's sums, which for a year
 * or month bucket cover every observation in it and would turn "the latest rate" into the
 * period's average rate.
 */
export function regionValueOverTime(
  indicator: IndicatorRecord,
  cells: readonly WindowCell[],
): RegionWindowValue {
  if (cells.length === 0) return EMPTY;
  // A single cell is its own merge; the time rule reads only the merged cell, so merge once.
  const merged = cells.length === 1 ? cells[0].cell : mergeRollups(cells.map((c) => c.cell));
  if (!merged) return EMPTY;
  const { value } = aggregateTime([merged], indicator.timeAggregation, { ratioScale: indicator.ratioScale });
  if (indicator.timeAggregation === 'last') {
    // Ties go to the later cell, as in mergeRollups, so value and components agree.
    let latest = cells[0];
    for (const c of cells) if (c.cell.lastAt.getTime() >= latest.cell.lastAt.getTime()) latest = c;
    return {
      value,
      numerator: latest.lastNumerator,
      denominator: latest.lastDenominator,
      lastAt: merged.lastAt,
    };
  }
  return {
    value,
    numerator: merged.numeratorSum ?? null,
    denominator: merged.denominatorSum ?? null,
    lastAt: merged.lastAt,
  };
}

/** A region's value together with what the region rule needs to weigh it. */
export interface WeighedRegionValue extends RegionWindowValue {
  regionCode: string;
  population: number | null;
}

/** Combines regions by the indicator's region rule (domain math); population weighs `weighted_mean`. */
export function combineRegions(
  indicator: IndicatorRecord,
  values: readonly WeighedRegionValue[],
): number | null {
  const cells: RegionCell[] = values
    .filter((v) => v.value !== null || (v.numerator !== null && v.denominator !== null))
    .map((v) => ({
      regionCode: v.regionCode,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      weight: v.population,
    }));
  if (cells.length === 0) return null;
  const rule = indicator.regionAggregation;
  const result = aggregateRegions(cells, rule, { ratioScale: indicator.ratioScale });
  if (result.value !== null) return result.value;
  // Districts without population (or rates without components) still deserve a figure for the
  // single-region case, where every rule reduces to the region's own value.
  return cells.length === 1 ? (cells[0].value ?? null) : null;
}
