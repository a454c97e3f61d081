/** Scores run from 0 (baseline or worse) to 100 (target met). */
export const MAX_SCORE = 100;

/** Clamps `x` into `[lo, hi]`. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Converts a fraction of the way to the goal into a 0–100 score (`100·clamp(f, 0, 1)`). */
export function fractionToScore(fraction: number): number {
  return MAX_SCORE * clamp(fraction, 0, 1);
}

/** True for a finite number (not `NaN`, not ±Infinity, not null/undefined). */
export function isFiniteNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Tolerance for comparing derived ratios against thresholds. Ratios such as 0.8 built from
 * weights like 0.7 + 0.1 land a few ulps below their exact value; without this, a coverage
 * of exactly 80 % could be refused.
 */
export const RATIO_EPSILON = 1e-9;
