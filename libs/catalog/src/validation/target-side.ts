import type { Direction, TargetBand } from '@civicpulse/domain';

/**
 * Why a KPI target is on the wrong side of its baseline for the indicator's direction, or
 * undefined when it is fine. Equal values are allowed: a "maintain" target (scoring.md).
 */
export function targetSideProblem(
  indicatorCode: string,
  direction: Direction,
  band: TargetBand | undefined,
  baseline: number,
  target: number,
): string | undefined {
  if (direction === 'higher_is_better' && target < baseline) {
    return `target ${target} is below the baseline ${baseline}, but ${indicatorCode} is higher_is_better (expected a target ≥ the baseline)`;
  }
  if (direction === 'lower_is_better' && target > baseline) {
    return `target ${target} is above the baseline ${baseline}, but ${indicatorCode} is lower_is_better (expected a target ≤ the baseline)`;
  }
  if (direction === 'target_band' && band && (target < band.lo || target > band.hi)) {
    return `target ${target} is outside the band ${band.lo}–${band.hi} of ${indicatorCode} (expected a target inside the band)`;
  }
  return undefined;
}
