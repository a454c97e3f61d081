import type { Direction } from '../model/indicator';
import { fractionToScore, isFiniteNumber } from './score-scale';

/** Input of {@link scoreLevel}. */
export interface LevelInput {
  value: number;
  direction: Exclude<Direction, 'target_band'>;
  /** Lower plausible bound L (the indicator's validMin). */
  validMin?: number | null;
  /** Upper plausible bound U (the indicator's validMax). */
  validMax?: number | null;
}

/** Why a level score could not be computed. */
export type LevelUnscorableReason = 'non_finite_value' | 'missing_bounds' | 'degenerate_bounds';

/** Result of {@link scoreLevel}. */
export type LevelResult =
  | { score: number; /** Position between worst (0) and best (1) bound, unclamped. */ fraction: number }
  | { score: null; reason: LevelUnscorableReason };

/**
 * Level score when no plan target exists: `100·clamp((x − L)/(U − L), 0, 1)` against the
 * indicator's plausible range, flipped (`(U − x)/(U − L)`) for lower-is-better.
 * Missing bounds or U ≤ L give a reason instead of a number.
 */
export function scoreLevel(input: LevelInput): LevelResult {
  const { value, validMin: lo, validMax: hi } = input;
  if (!isFiniteNumber(value)) {
    return { score: null, reason: 'non_finite_value' };
  }
  if (!isFiniteNumber(lo) || !isFiniteNumber(hi)) {
    return { score: null, reason: 'missing_bounds' };
  }
  if (hi <= lo) {
    return { score: null, reason: 'degenerate_bounds' };
  }
  const fraction =
    input.direction === 'higher_is_better' ? (value - lo) / (hi - lo) : (hi - value) / (hi - lo);
  return { score: fractionToScore(fraction), fraction };
}
