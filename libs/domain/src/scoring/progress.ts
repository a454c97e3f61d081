import type { Direction } from '../model/indicator';
import { clamp, fractionToScore, isFiniteNumber, MAX_SCORE } from './score-scale';

/**
 * Share of |target| used as the maintain tolerance when nothing better is known: a KPI
 * that must hold a level loses all its points once it is 10 % of the target worse.
 */
export const DEFAULT_MAINTAIN_RELATIVE_TOLERANCE = 0.1;

/** Input of {@link scoreProgress}. */
export interface ProgressInput {
  /** Current value x. */
  value: number;
  /** Baseline b at t0. */
  baseline: number;
  /** Target T at tT. */
  target: number;
  /**
   * The indicator's direction. Needed to recognise a baseline that already meets the
   * target ("maintain"); for `target_band` (or when omitted) the sign of T − b decides.
   */
  direction?: Direction;
  /** Distance beyond T at which a maintain KPI reaches 0 points. */
  maintainTolerance?: number;
  /** Worst plausible value (validMin for higher-is-better, validMax for lower-is-better). */
  worstBound?: number | null;
}

/** Flags raised alongside a progress score. */
export interface ProgressFlags {
  /** p > 1: the target is beaten; the score is capped at 100. */
  exceeded: boolean;
  /** p < 0, or a maintained level has slipped: the value moved the wrong way. */
  deteriorating: boolean;
}

/** Why a progress score could not be computed. */
export type ProgressUnscorableReason = 'non_finite_input';

/** Result of {@link scoreProgress}. */
export type ProgressResult =
  | {
      /** `progress`: p = (x − b)/(T − b); `maintain`: the baseline already met the target. */
      mode: 'progress';
      /** Fraction of the way from baseline to target (uncapped). */
      p: number;
      score: number;
      flags: ProgressFlags;
    }
  | {
      mode: 'maintain';
      /** Maintain KPIs have no meaningful "way to go": p is 1 while holding, else null. */
      p: number | null;
      score: number;
      /** True while x stays on the good side of T. */
      holding: boolean;
      flags: ProgressFlags;
    }
  | { mode: 'unscorable'; p: null; score: null; reason: ProgressUnscorableReason; flags: ProgressFlags };

const NO_FLAGS: ProgressFlags = { exceeded: false, deteriorating: false };

function goodSign(input: ProgressInput): number {
  if (input.direction === 'higher_is_better') {
    return 1;
  }
  if (input.direction === 'lower_is_better') {
    return -1;
  }
  return Math.sign(input.target - input.baseline);
}

function maintainTolerance(input: ProgressInput, sign: number): number {
  if (isFiniteNumber(input.maintainTolerance) && input.maintainTolerance > 0) {
    return input.maintainTolerance;
  }
  const worst = input.worstBound;
  // The worst bound only helps when it lies on the bad side of the target.
  if (isFiniteNumber(worst) && sign !== 0 && (worst - input.target) * sign < 0) {
    return Math.abs(input.target - worst);
  }
  return Math.abs(input.target) * DEFAULT_MAINTAIN_RELATIVE_TOLERANCE;
}

/**
 * Progress to target: `p = (x − b)/(T − b)`, score `100·clamp(p, 0, 1)`.
 *
 * The sign of T − b carries the direction, so lower-is-better works unchanged
 * (congestion b = 1.80, T = 1.60, x = 1.70 → p = 0.5, score 50).
 *
 * Maintain mode — the baseline already meets the target (b on the good side of T, or
 * b = T): score 100 while x stays on the good side of T (T itself included); once x slips
 * past T the score falls linearly with the distance, reaching 0 at the maintain tolerance
 * (explicit `maintainTolerance`, else the distance from T to the worst bound, else 10 % of
 * |T|; a zero tolerance makes any slip score 0). With no direction and b = T, both sides
 * of T count as slipping.
 *
 * Non-finite inputs give `mode: 'unscorable'` instead of `NaN`.
 */
export function scoreProgress(input: ProgressInput): ProgressResult {
  const { value: x, baseline: b, target: t } = input;
  if (!isFiniteNumber(x) || !isFiniteNumber(b) || !isFiniteNumber(t)) {
    return { mode: 'unscorable', p: null, score: null, reason: 'non_finite_input', flags: NO_FLAGS };
  }
  const sign = goodSign(input);
  const gap = (t - b) * sign;
  if (sign !== 0 && gap > 0) {
    const p = (x - b) / (t - b);
    return {
      mode: 'progress',
      p,
      score: fractionToScore(p),
      flags: { exceeded: p > 1, deteriorating: p < 0 },
    };
  }
  // Maintain: the baseline is already at or past the target.
  const holding = sign === 0 ? x === t : (x - t) * sign >= 0;
  if (holding) {
    return { mode: 'maintain', p: 1, score: MAX_SCORE, holding, flags: NO_FLAGS };
  }
  const tolerance = maintainTolerance(input, sign);
  const distance = Math.abs(x - t);
  const score = tolerance > 0 ? MAX_SCORE * clamp(1 - distance / tolerance, 0, 1) : 0;
  return { mode: 'maintain', p: null, score, holding, flags: { exceeded: false, deteriorating: true } };
}
