import type { RollupCell } from '../model/observation';
import type { TimeAggregation } from '../model/indicator';
import { isFiniteNumber } from '../scoring/score-scale';

/**
 * Merges rollup cells of one indicator and region (e.g. the day rows of a partial month
 * plus the month rows of whole months) into one cell: counts and sums add, min/max combine,
 * `last` is the value with the latest `lastAt`, numerator/denominator sums add (null when
 * no cell carries them). Returns null for no cells.
 */
export function mergeRollups(cells: readonly RollupCell[]): RollupCell | null {
  if (cells.length === 0) {
    return null;
  }
  let latest = cells[0];
  for (const cell of cells) {
    // Ties keep the later cell in input order, so callers can pass cells oldest first.
    if (cell.lastAt.getTime() >= latest.lastAt.getTime()) {
      latest = cell;
    }
  }
  const sumOf = (pick: (c: RollupCell) => number | null | undefined): number | null => {
    const present = cells.map(pick).filter(isFiniteNumber);
    return present.length === 0 ? null : present.reduce((s, v) => s + v, 0);
  };
  return {
    count: cells.reduce((s, c) => s + c.count, 0),
    sum: cells.reduce((s, c) => s + c.sum, 0),
    min: Math.min(...cells.map((c) => c.min)),
    max: Math.max(...cells.map((c) => c.max)),
    last: latest.last,
    lastAt: latest.lastAt,
    numeratorSum: sumOf((c) => c.numeratorSum),
    denominatorSum: sumOf((c) => c.denominatorSum),
  };
}

/** Options of {@link aggregateTime}. */
export interface TimeAggregationOptions {
  /** Multiplier of Σnum/Σden for `ratio` (100 for %); default 1. */
  ratioScale?: number;
}

/** Why no value could be derived over time. */
export type TimeAggregationGap = 'no_cells' | 'no_observations' | 'missing_components' | 'zero_denominator';

/** Result of {@link aggregateTime}. */
export type TimeAggregate =
  | { value: number; /** Observations behind the value. */ count: number; lastAt: Date }
  | { value: null; reason: TimeAggregationGap };

/**
 * The value of one indicator and region over a window of rollup cells, by the indicator's
 * time rule:
 * - `sum`: Σ sums (counts, cumulative flows);
 * - `mean`: Σ sums / Σ counts — the mean over all observations, not a mean of bucket means;
 * - `last`: the latest value (stocks such as beds or rail km);
 * - `ratio`: Σ numerators / Σ denominators × ratioScale (rates; never a mean of rates).
 */
export function aggregateTime(
  cells: readonly RollupCell[],
  rule: TimeAggregation,
  options: TimeAggregationOptions = {},
): TimeAggregate {
  const merged = mergeRollups(cells);
  if (!merged) {
    return { value: null, reason: 'no_cells' };
  }
  if (merged.count <= 0) {
    return { value: null, reason: 'no_observations' };
  }
  const ok = (value: number): TimeAggregate => ({ value, count: merged.count, lastAt: merged.lastAt });
  switch (rule) {
    case 'sum':
      return ok(merged.sum);
    case 'mean':
      return ok(merged.sum / merged.count);
    case 'last':
      return ok(merged.last);
    case 'ratio': {
      if (!isFiniteNumber(merged.numeratorSum) || !isFiniteNumber(merged.denominatorSum)) {
        return { value: null, reason: 'missing_components' };
      }
      if (merged.denominatorSum === 0) {
        return { value: null, reason: 'zero_denominator' };
      }
      return ok((merged.numeratorSum / merged.denominatorSum) * (options.ratioScale ?? 1));
    }
  }
}
