import { addDays, elapsedFraction, type LocalDate, startOfLocalDate } from '../period/local-period';
import { parseLocalDate } from '../period/period-spec';
import { DEFAULT_TIME_ZONE } from '../period/time-zone';
import type { StatusColour } from './colour';
import { isFiniteNumber, RATIO_EPSILON } from './score-scale';

/** Trajectory categories (Statistics Canada / Open SDG style), best first. */
export const TRAJECTORY_STATUSES = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited',
  'deteriorating',
] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

/** Ratio thresholds R = p / e between the categories. */
export const TRAJECTORY_THRESHOLDS = {
  /** R ≥ 0.95 → on track. */
  onTrack: 0.95,
  /** 0.6 ≤ R < 0.95 → needs acceleration; 0 ≤ R < 0.6 → limited; R < 0 → deteriorating. */
  needsAcceleration: 0.6,
} as const;

const COLOUR_OF_STATUS: Record<TrajectoryStatus, StatusColour> = {
  achieved: 'green',
  on_track: 'yellow',
  needs_acceleration: 'orange',
  limited: 'red',
  deteriorating: 'dark_red',
};

/** Colour of a trajectory status: green / yellow / orange / red / dark red. */
export function colourOfStatus(status: TrajectoryStatus): StatusColour {
  return COLOUR_OF_STATUS[status];
}

/** Result of {@link classifyTrajectory}. */
export interface TrajectoryResult {
  status: TrajectoryStatus;
  colour: StatusColour;
  /** Expected progress e on the straight line from baseline to target, in [0, 1]. */
  expected: number;
  /** R = p / e; null when nothing was expected yet (e = 0). */
  ratio: number | null;
}

/**
 * Status against the straight-line trajectory: with p the progress to target and e the
 * expected progress, R = p / e and
 * achieved (p ≥ 1) · on track (R ≥ 0.95) · needs acceleration (0.6 ≤ R < 0.95) ·
 * limited (0 ≤ R < 0.6) · deteriorating (R < 0).
 *
 * e is clamped to [0, 1], so after the target date the KPI is judged against the full
 * target. Before the baseline date (e = 0) nothing is due: a KPI is on track unless it has
 * already achieved the target or moved the wrong way. Thresholds are compared with a 1e-9
 * tolerance so that a ratio meant to be exactly 0.95 is not refused for rounding.
 */
export function classifyTrajectory(p: number, expected: number): TrajectoryResult {
  const e = isFiniteNumber(expected) ? Math.min(1, Math.max(0, expected)) : 1;
  const result = (status: TrajectoryStatus, ratio: number | null): TrajectoryResult => ({
    status,
    colour: COLOUR_OF_STATUS[status],
    expected: e,
    ratio,
  });
  if (p >= 1 - RATIO_EPSILON) {
    return result('achieved', e > 0 ? p / e : null);
  }
  if (e <= 0) {
    return result(p < 0 ? 'deteriorating' : 'on_track', null);
  }
  const ratio = p / e;
  return result(classifyRatio(ratio), ratio);
}

/**
 * Category of a progress ratio R alone, without the "achieved" test: on track (R ≥ 0.95),
 * needs acceleration (0.6 ≤ R < 0.95), limited (0 ≤ R < 0.6), deteriorating (R < 0).
 * Used where reaching the expected value does not mean the target is met (pacing).
 */
export function classifyRatio(ratio: number): Exclude<TrajectoryStatus, 'achieved'> {
  if (ratio >= TRAJECTORY_THRESHOLDS.onTrack - RATIO_EPSILON) {
    return 'on_track';
  }
  if (ratio >= TRAJECTORY_THRESHOLDS.needsAcceleration - RATIO_EPSILON) {
    return 'needs_acceleration';
  }
  return ratio >= 0 ? 'limited' : 'deteriorating';
}

/**
 * Expected progress e = (t − t0)/(tT − t0) for a KPI whose baseline was measured on local
 * date `baselineDate` and whose target is due on local date `targetDate` (both ISO
 * `yyyy-mm-dd` or {@link LocalDate}). t0 is the start of the baseline date and tT the end
 * of the target date (a target is due by the end of its day), both in `timeZone`.
 * Clamped to [0, 1]; a target date before the baseline date counts as due at t0.
 */
export function expectedProgressAt(
  at: Date,
  baselineDate: string | LocalDate,
  targetDate: string | LocalDate,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  const t0 = typeof baselineDate === 'string' ? parseLocalDate(baselineDate) : baselineDate;
  const tT = typeof targetDate === 'string' ? parseLocalDate(targetDate) : targetDate;
  return elapsedFraction(at, {
    start: startOfLocalDate(t0, timeZone),
    end: startOfLocalDate(addDays(tT, 1), timeZone),
  });
}
