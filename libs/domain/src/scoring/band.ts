import type { TargetBand } from '../model/indicator';
import { clamp, isFiniteNumber, MAX_SCORE } from './score-scale';

/** Where a value lies relative to its target band. */
export type BandPosition = 'below' | 'inside' | 'above';

/** Why a band score could not be computed. */
export type BandUnscorableReason = 'non_finite_value' | 'invalid_band';

/** Result of {@link scoreBand}. */
export type BandResult =
  | {
      score: number;
      position: BandPosition;
      /** Distance outside the band (0 inside), in the indicator's unit. */
      distance: number;
    }
  | { score: null; reason: BandUnscorableReason };

/**
 * Target-band score for indicators where both extremes are bad (bed occupancy 85–93 %,
 * pupil–teacher ratio): 100 inside `[lo, hi]` (edges included), falling linearly to 0 at
 * `tolerance` outside. A zero tolerance makes the band a hard edge (0 anywhere outside).
 * A band with lo > hi, a negative or non-finite tolerance, or a non-finite value is unscorable.
 */
export function scoreBand(value: number, band: TargetBand | null | undefined): BandResult {
  if (!isFiniteNumber(value)) {
    return { score: null, reason: 'non_finite_value' };
  }
  if (
    !band ||
    !isFiniteNumber(band.lo) ||
    !isFiniteNumber(band.hi) ||
    !isFiniteNumber(band.tolerance) ||
    band.lo > band.hi ||
    band.tolerance < 0
  ) {
    return { score: null, reason: 'invalid_band' };
  }
  if (value >= band.lo && value <= band.hi) {
    return { score: MAX_SCORE, position: 'inside', distance: 0 };
  }
  const position: BandPosition = value < band.lo ? 'below' : 'above';
  const distance = position === 'below' ? band.lo - value : value - band.hi;
  const score = band.tolerance > 0 ? MAX_SCORE * clamp(1 - distance / band.tolerance, 0, 1) : 0;
  return { score, position, distance };
}
