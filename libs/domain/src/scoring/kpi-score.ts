import type { FreshnessAssessment } from '../freshness/freshness';
import type { BrandKpi, KpiRole } from '../model/brand-project';
import type { Direction, Indicator } from '../model/indicator';
import { addDays, elapsedFraction, startOfLocalDate } from '../period/local-period';
import { parseLocalDate } from '../period/period-spec';
import { DEFAULT_TIME_ZONE } from '../period/time-zone';
import type { StatusColour } from './colour';
import { scoreBand } from './band';
import { paceCumulative } from './pacing';
import { type ProgressFlags, scoreProgress } from './progress';
import { isFiniteNumber } from './score-scale';
import { classifyTrajectory, type TrajectoryStatus } from './trajectory';

/** One KPI to evaluate: its plan, its indicator's direction and bounds, and its value. */
export interface KpiScoringInput {
  kpi: BrandKpi;
  indicator?: Pick<Indicator, 'direction' | 'validMin' | 'validMax' | 'band'> | null;
  /**
   * Current value in the period, aggregated by the indicator's own rules; for cumulative
   * KPIs the year-to-date sum. `null`/`undefined` means no data.
   */
  value: number | null | undefined;
  /** Region the value covers; picks a per-region target when the KPI has one. */
  regionCode?: string | null;
  /** Passed through to the decomposition so every row can show its data freshness. */
  freshness?: FreshnessAssessment | null;
}

/** How a KPI was scored. */
export type KpiScoringMode = 'progress' | 'maintain' | 'pacing' | 'band' | 'no_data' | 'unscorable';

/** Evaluation of one KPI at one instant (no weighting yet). */
export interface KpiEvaluation {
  indicatorCode: string;
  role: KpiRole;
  weight: number;
  value: number | null;
  baseline: number;
  /** Target used (the per-region target when one applies). */
  target: number;
  mode: KpiScoringMode;
  /** Progress to target; null for no data, maintain slips and unscorable inputs. */
  p: number | null;
  /** 0–100, null without data. */
  score: number | null;
  status: TrajectoryStatus | null;
  colour: StatusColour | null;
  /** Expected progress e used for the status (1 for pacing and maintain). */
  expected: number | null;
  /** R = p / e, when defined. */
  ratio: number | null;
  flags: ProgressFlags;
  /** For cumulative KPIs: share of the year elapsed and the pro-rated target. */
  pacing: { fractionOfYear: number; expectedToDate: number; baselineToDate: number } | null;
  freshness: FreshnessAssessment | null;
}

/** Options shared by KPI and project evaluation. */
export interface EvaluationOptions {
  /** Evaluation instant (the end of the period looked at, or now). */
  at: Date;
  timeZone?: string;
}

/** The target that applies to `regionCode`: its per-region target, else the KPI's target. */
export function targetForRegion(kpi: BrandKpi, regionCode?: string | null): number {
  const regional = regionCode ? kpi.regionTargets?.find((r) => r.regionCode === regionCode) : undefined;
  return regional ? regional.target : kpi.target;
}

/**
 * Expected progress e of a KPI at `at`. Without intermediate targets it is the straight
 * line from the baseline date to the target date. With `periodTargets` the planned value
 * runs piecewise-linearly through them (each due by the end of its date), and e is the
 * planned value's progress from b to T, clamped to [0, 1].
 */
export function kpiExpectedProgress(
  kpi: BrandKpi,
  at: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
  target = kpi.target,
): number {
  const startOf = (iso: string): Date => startOfLocalDate(parseLocalDate(iso), timeZone);
  const endOf = (iso: string): Date => startOfLocalDate(addDays(parseLocalDate(iso), 1), timeZone);
  const straight = elapsedFraction(at, { start: startOf(kpi.baselineDate), end: endOf(kpi.targetDate) });
  const intermediate = (kpi.periodTargets ?? []).filter((pt) => isFiniteNumber(pt.target));
  if (intermediate.length === 0 || target === kpi.baseline) {
    return straight;
  }
  const points = [
    { t: startOf(kpi.baselineDate).getTime(), v: kpi.baseline },
    ...intermediate.map((pt) => ({ t: endOf(pt.date).getTime(), v: pt.target })),
    { t: endOf(kpi.targetDate).getTime(), v: target },
  ].sort((a, b) => a.t - b.t);
  const t = at.getTime();
  let planned = points[points.length - 1].v;
  if (t <= points[0].t) {
    planned = points[0].v;
  } else {
    for (let i = 1; i < points.length; i += 1) {
      if (t <= points[i].t) {
        const a = points[i - 1];
        const b = points[i];
        planned = b.t === a.t ? b.v : a.v + ((b.v - a.v) * (t - a.t)) / (b.t - a.t);
        break;
      }
    }
  }
  return Math.min(1, Math.max(0, (planned - kpi.baseline) / (target - kpi.baseline)));
}

function worstBound(
  direction: Direction | undefined,
  indicator: KpiScoringInput['indicator'],
): number | null {
  if (!indicator) {
    return null;
  }
  if (direction === 'higher_is_better') {
    return indicator.validMin ?? null;
  }
  if (direction === 'lower_is_better') {
    return indicator.validMax ?? null;
  }
  return null;
}

/**
 * Scores one KPI: progress to target (or maintain) with its trajectory status, or pacing
 * for cumulative KPIs. A missing value gives `mode: 'no_data'` and null score/status; a
 * non-finite value or plan gives `mode: 'unscorable'` — never `NaN`.
 */
export function evaluateKpi(input: KpiScoringInput, options: EvaluationOptions): KpiEvaluation {
  const { kpi } = input;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const direction = input.indicator?.direction;
  const target = targetForRegion(kpi, input.regionCode);
  const base: KpiEvaluation = {
    indicatorCode: kpi.indicatorCode,
    role: kpi.role,
    weight: kpi.weight,
    value: isFiniteNumber(input.value) ? input.value : null,
    baseline: kpi.baseline,
    target,
    mode: 'no_data',
    p: null,
    score: null,
    status: null,
    colour: null,
    expected: null,
    ratio: null,
    flags: { exceeded: false, deteriorating: false },
    pacing: null,
    freshness: input.freshness ?? null,
  };
  if (input.value === null || input.value === undefined) {
    return base;
  }
  if (kpi.cumulative) {
    const pace = paceCumulative({
      yearToDate: input.value,
      baseline: kpi.baseline,
      target,
      direction,
      at: options.at,
      timeZone,
    });
    const pacing = {
      fractionOfYear: pace.fractionOfYear,
      expectedToDate: pace.expectedToDate,
      baselineToDate: pace.baselineToDate,
    };
    if (pace.progress.mode === 'unscorable' || !pace.trajectory) {
      return { ...base, mode: 'unscorable', pacing };
    }
    return {
      ...base,
      mode: 'pacing',
      p: pace.progress.p,
      score: pace.progress.score,
      status: pace.trajectory.status,
      colour: pace.trajectory.colour,
      expected: pace.trajectory.expected,
      ratio: pace.trajectory.ratio,
      flags: pace.progress.flags,
      pacing,
    };
  }
  if (direction === 'target_band' && input.indicator?.band) {
    return evaluateBand(base, input.value, input.indicator.band);
  }
  const progress = scoreProgress({
    value: input.value,
    baseline: kpi.baseline,
    target,
    direction,
    worstBound: worstBound(direction, input.indicator),
  });
  if (progress.mode === 'unscorable') {
    return { ...base, mode: 'unscorable' };
  }
  if (progress.mode === 'maintain') {
    const trajectory = classifyTrajectory(progress.holding ? 1 : -1, 1);
    return {
      ...base,
      mode: 'maintain',
      p: progress.p,
      score: progress.score,
      status: trajectory.status,
      colour: trajectory.colour,
      expected: 1,
      flags: progress.flags,
    };
  }
  const trajectory = classifyTrajectory(progress.p, kpiExpectedProgress(kpi, options.at, timeZone, target));
  return {
    ...base,
    mode: 'progress',
    p: progress.p,
    score: progress.score,
    status: trajectory.status,
    colour: trajectory.colour,
    expected: trajectory.expected,
    ratio: trajectory.ratio,
    flags: progress.flags,
  };
}

/**
 * A target-band KPI (both extremes bad) is scored by its distance to the band, not by progress
 * from the baseline: 100 inside, linear to 0 at the tolerance. Its status reads the score as
 * progress against a fully expected plan (inside → achieved, 95–100 → on track, 60–95 → needs
 * acceleration, below → limited), and it is deteriorating when it lies further outside the band
 * than the baseline did.
 */
function evaluateBand(
  base: KpiEvaluation,
  value: number,
  band: NonNullable<Indicator['band']>,
): KpiEvaluation {
  const now = scoreBand(value, band);
  if (now.score === null) {
    return { ...base, mode: 'unscorable' };
  }
  const then = scoreBand(base.baseline, band);
  const worse = then.score !== null && now.distance > then.distance;
  const p = now.score / 100;
  const trajectory = classifyTrajectory(worse ? -1 : p, 1);
  return {
    ...base,
    mode: 'band',
    p,
    score: now.score,
    status: trajectory.status,
    colour: trajectory.colour,
    expected: 1,
    ratio: trajectory.ratio,
    flags: { exceeded: false, deteriorating: worse },
  };
}
