import type { RegionAggregation } from '../model/indicator';
import { isFiniteNumber } from '../scoring/score-scale';

/** One region's value for the period, with the parts needed to re-aggregate it. */
export interface RegionCell {
  regionCode?: string;
  /** The region's value (already aggregated over time). */
  value?: number | null;
  /** Σ numerator and Σ denominator behind a rate, when known. */
  numerator?: number | null;
  denominator?: number | null;
  /** Weight for `weighted_mean` (population, vehicle-km …). */
  weight?: number | null;
}

/** Options of {@link aggregateRegions}. */
export interface RegionAggregationOptions {
  /** Multiplier of Σnum/Σden (100 for %, 1000 for per 1 000); default 1. */
  ratioScale?: number;
}

/** Why regions could not be combined. */
export type RegionAggregationGap = 'no_cells' | 'missing_components' | 'zero_denominator' | 'missing_weights';

/** Result of {@link aggregateRegions}. */
export type RegionAggregate =
  | {
      value: number;
      /** Cells that entered the result. */ used: number;
      /** Cells left out for lack of inputs. */ skipped: number;
    }
  | { value: null; reason: RegionAggregationGap; used: 0; skipped: number };

/**
 * Combines regions into one value by the indicator's rule:
 * - `ratio_of_sums`: Σ numerators / Σ denominators × ratioScale, over cells that carry both —
 *   never the mean of the regions' rates (a small district must not weigh like a big one);
 *   cells without components are skipped and reported, not averaged in;
 * - `weighted_mean`: Σ wᵢ·vᵢ / Σ wᵢ over cells with a value and a positive weight;
 * - `sum`: Σ values; `mean`: unweighted mean (only for indices defined that way).
 */
export function aggregateRegions(
  cells: readonly RegionCell[],
  rule: RegionAggregation,
  options: RegionAggregationOptions = {},
): RegionAggregate {
  if (cells.length === 0) {
    return { value: null, reason: 'no_cells', used: 0, skipped: 0 };
  }
  const gap = (reason: RegionAggregationGap, usable: number): RegionAggregate => ({
    value: null,
    reason,
    used: 0,
    skipped: cells.length - usable,
  });
  switch (rule) {
    case 'ratio_of_sums': {
      const usable = cells.filter((c) => isFiniteNumber(c.numerator) && isFiniteNumber(c.denominator));
      if (usable.length === 0) {
        return gap('missing_components', 0);
      }
      const num = usable.reduce((s, c) => s + (c.numerator ?? 0), 0);
      const den = usable.reduce((s, c) => s + (c.denominator ?? 0), 0);
      if (den === 0) {
        return gap('zero_denominator', usable.length);
      }
      return {
        value: (num / den) * (options.ratioScale ?? 1),
        used: usable.length,
        skipped: cells.length - usable.length,
      };
    }
    case 'weighted_mean': {
      const usable = cells.filter((c) => isFiniteNumber(c.value) && isFiniteNumber(c.weight) && c.weight > 0);
      if (usable.length === 0) {
        return gap(cells.some((c) => isFiniteNumber(c.value)) ? 'missing_weights' : 'no_cells', 0);
      }
      const totalWeight = usable.reduce((s, c) => s + (c.weight ?? 0), 0);
      const weighted = usable.reduce((s, c) => s + (c.weight ?? 0) * (c.value ?? 0), 0);
      return { value: weighted / totalWeight, used: usable.length, skipped: cells.length - usable.length };
    }
    case 'sum':
    case 'mean': {
      const values = cells.map((c) => c.value).filter(isFiniteNumber);
      if (values.length === 0) {
        return gap('no_cells', 0);
      }
      const total = values.reduce((s, v) => s + v, 0);
      return {
        value: rule === 'sum' ? total : total / values.length,
        used: values.length,
        skipped: cells.length - values.length,
      };
    }
  }
}
