import type { Direction } from '../model/indicator';
import { expectedProgressInPeriod } from '../period/local-period';
import { DEFAULT_TIME_ZONE, toLocalDateTime } from '../period/time-zone';
import { colourOfStatus, classifyRatio, type TrajectoryResult, type TrajectoryStatus } from './trajectory';
import { scoreProgress, type ProgressResult } from './progress';
import { RATIO_EPSILON } from './score-scale';

/** Input of {@link paceCumulative}. */
export interface PacingInput {
  /** Sum of the indicator from the start of the local year up to `at`. */
  yearToDate: number;
  /** Annual total at baseline (usually the previous full year). */
  baseline: number;
  /** Annual total targeted for the year. */
  target: number;
  direction?: Direction;
  /**
   * Evaluation instant, an exclusive end: the year paced is the local year of the last
   * millisecond before `at`, so the start of 2026 evaluates the whole of 2025.
   */
  at: Date;
  timeZone?: string;
}

/** Result of {@link paceCumulative}. */
export interface PacingResult {
  /** Local calendar year paced. */
  year: number;
  /** Share of the local year elapsed at `at`, in (0, 1]. */
  fractionOfYear: number;
  /** Target pro-rated to date: T × fraction. */
  expectedToDate: number;
  /** Baseline pro-rated to date: b × fraction. */
  baselineToDate: number;
  /** Progress of the year-to-date against the pro-rated baseline and target. */
  progress: ProgressResult;
  /** Status of the pace (e = 1: judged against what is due now); null when unscorable. */
  trajectory: TrajectoryResult | null;
}

/**
 * Pacing for cumulative KPIs (sums over a year): the year-to-date sum is compared with the
 * baseline and the target pro-rated to date in local time, `p = (ytd − b·f)/(T·f − b·f)` —
 * the progress of the run-rate projection ytd/f.
 *
 * Status: `achieved` once the full annual target is met (a higher-is-better total that
 * already reached T, or any total at the end of the year that meets it); otherwise the pace
 * ratio R = p is classified (on track ≥ 0.95, needs acceleration ≥ 0.6, limited ≥ 0,
 * deteriorating < 0). Being on pace mid-year is on track, not achieved.
 */
export function paceCumulative(input: PacingInput): PacingResult {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const year = toLocalDateTime(input.at.getTime() - 1, timeZone).year;
  const fraction = expectedProgressInPeriod(input.at, { unit: 'year', year }, timeZone);
  const expectedToDate = input.target * fraction;
  const baselineToDate = input.baseline * fraction;
  const progress = scoreProgress({
    value: input.yearToDate,
    baseline: baselineToDate,
    target: expectedToDate,
    direction: input.direction,
  });
  const base = { year, fractionOfYear: fraction, expectedToDate, baselineToDate, progress };
  if (progress.mode === 'unscorable') {
    return { ...base, trajectory: null };
  }
  // A maintained level that slipped has no p; it reads as moving the wrong way.
  const p = progress.mode === 'maintain' ? (progress.holding ? 1 : -1) : progress.p;
  const sign = Math.sign(input.target - input.baseline) || (input.direction === 'lower_is_better' ? -1 : 1);
  const annualMet = (input.yearToDate - input.target) * sign >= 0;
  const achieved = annualMet && (sign > 0 || fraction >= 1 - RATIO_EPSILON);
  const status: TrajectoryStatus = achieved ? 'achieved' : classifyRatio(p);
  return { ...base, trajectory: { status, colour: colourOfStatus(status), expected: 1, ratio: p } };
}
