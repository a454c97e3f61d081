import { InvalidScoringInputError } from '../domain-error';
import type { KpiRole } from '../model/brand-project';
import { colourForScore, type StatusColour } from './colour';
import { type EvaluationOptions, evaluateKpi, type KpiEvaluation, type KpiScoringInput } from './kpi-score';
import { isFiniteNumber, RATIO_EPSILON } from './score-scale';

/** Default share α of the satisfaction KPIs in the overall score. */
export const DEFAULT_SATISFACTION_SHARE = 0.2;

/** A project gets no score when its KPIs with data carry less than this share of the weight. */
export const DEFAULT_COVERAGE_THRESHOLD = 0.8;

/** One KPI row of the project decomposition. */
export interface KpiContribution extends KpiEvaluation {
  /** Weight after normalising inside its role and applying the role's share; 0 without data. */
  effectiveWeight: number;
  /** effectiveWeight × score: the points this KPI adds to the project score (null if none). */
  contribution: number | null;
}

/** Score of the outcome or the satisfaction part of a project. */
export interface RoleScore {
  role: KpiRole;
  /** Σ wᵢ·scoreᵢ / Σ wᵢ over the KPIs of this role with data; null when coverage is short. */
  score: number | null;
  /** Weight of KPIs with data ÷ total weight of the role. */
  coverage: number;
  totalWeight: number;
  weightWithData: number;
  sufficient: boolean;
  /** Share of this part in the overall score (1 − α, α, or 1 when it stands alone). */
  share: number;
}

/** Input of {@link scoreProject}. */
export interface ProjectScoringInput extends EvaluationOptions {
  kpis: KpiScoringInput[];
  /** α in [0, 1]; default {@link DEFAULT_SATISFACTION_SHARE}. */
  satisfactionShare?: number | null;
  /** Default {@link DEFAULT_COVERAGE_THRESHOLD}. */
  coverageThreshold?: number;
}

/** Why a project has or has no score. */
export type ProjectScoreStatus = 'scored' | 'insufficient_data';

/** Project score with its full decomposition. */
export interface ProjectScore {
  status: ProjectScoreStatus;
  /** 0–100, null when `insufficient_data`. */
  score: number | null;
  /** Traffic light of the project (see {@link projectColour}); null without a score. */
  colour: StatusColour | null;
  /**
   * Weight coverage the rule was applied to: the lowest coverage of the roles present, so
   * `status === 'insufficient_data'` exactly when it is below the threshold (0 with no KPIs).
   */
  coverage: number;
  outcome: RoleScore | null;
  satisfaction: RoleScore | null;
  /** α actually applied (0 without satisfaction KPIs, 1 without outcome KPIs). */
  appliedSatisfactionShare: number;
  /** Indicator codes of the (up to) two worst KPIs the colour was taken from. */
  worstKpis: string[];
  kpis: KpiContribution[];
}

function validate(input: ProjectScoringInput): { alpha: number; threshold: number } {
  for (const { kpi } of input.kpis) {
    if (!isFiniteNumber(kpi.weight) || kpi.weight < 0) {
      throw new InvalidScoringInputError(
        `weight of ${kpi.indicatorCode}`,
        `must be a finite number ≥ 0, got ${kpi.weight}`,
      );
    }
  }
  const alpha = input.satisfactionShare ?? DEFAULT_SATISFACTION_SHARE;
  if (!isFiniteNumber(alpha) || alpha < 0 || alpha > 1) {
    throw new InvalidScoringInputError('satisfactionShare', `must be in [0, 1], got ${alpha}`);
  }
  const threshold = input.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD;
  if (!isFiniteNumber(threshold) || threshold < 0 || threshold > 1) {
    throw new InvalidScoringInputError('coverageThreshold', `must be in [0, 1], got ${threshold}`);
  }
  return { alpha, threshold };
}

function scoreRole(role: KpiRole, rows: KpiEvaluation[], threshold: number, share: number): RoleScore | null {
  const own = rows.filter((r) => r.role === role);
  if (own.length === 0) {
    return null;
  }
  const withData = own.filter((r): r is KpiEvaluation & { score: number } => r.score !== null);
  const totalWeight = own.reduce((s, r) => s + r.weight, 0);
  const weightWithData = withData.reduce((s, r) => s + r.weight, 0);
  const coverage = totalWeight > 0 ? weightWithData / totalWeight : 0;
  const sufficient = totalWeight > 0 && weightWithData > 0 && coverage >= threshold - RATIO_EPSILON;
  const score = sufficient ? withData.reduce((s, r) => s + r.weight * r.score, 0) / weightWithData : null;
  return { role, score, coverage, totalWeight, weightWithData, sufficient, share };
}

/**
 * Project traffic light: green only if every KPI is green (a KPI without data is not);
 * otherwise the colour of the mean score of the two worst KPIs with data (lowest score
 * first), through {@link colourForScore} at the mean of their expected progress — and never
 * green, since some KPI is not. Averaging the two worst means good KPIs cannot hide a bad
 * one, yet a single outlier does not paint the whole project dark red.
 */
export function projectColour(rows: KpiEvaluation[]): {
  colour: StatusColour | null;
  worst: KpiEvaluation[];
} {
  const scored = rows.filter((r): r is KpiEvaluation & { score: number } => r.score !== null);
  if (scored.length === 0) {
    return { colour: null, worst: [] };
  }
  if (rows.every((r) => r.colour === 'green')) {
    return { colour: 'green', worst: [] };
  }
  const worst = [...scored].sort((a, b) => a.score - b.score).slice(0, 2);
  const meanScore = worst.reduce((s, r) => s + r.score, 0) / worst.length;
  const meanExpected = worst.reduce((s, r) => s + (r.expected ?? 1), 0) / worst.length;
  const colour = colourForScore(meanScore, meanExpected);
  return { colour: colour === 'green' ? 'yellow' : colour, worst };
}

/**
 * Scores a brand project at `at`:
 * - each KPI is evaluated ({@link evaluateKpi});
 * - outcome and satisfaction KPIs are scored separately as Σ wᵢ·scoreᵢ / Σ wᵢ over KPIs
 *   with data (weights are relative within their role, as sub-weights of one parent);
 * - a role whose KPIs with data carry less than the coverage threshold (80 %) of its
 *   weight has no score, and then neither has the project (`insufficient_data`);
 * - overall = (1 − α)·outcome + α·satisfaction; a project with only one kind of KPI is
 *   scored by that kind alone;
 * - every KPI row carries its effective weight and contribution; contributions add up to
 *   the project score.
 */
export function scoreProject(input: ProjectScoringInput): ProjectScore {
  const { alpha, threshold } = validate(input);
  const rows = input.kpis.map((k) => evaluateKpi(k, input));
  const hasOutcome = rows.some((r) => r.role === 'outcome');
  const hasSatisfaction = rows.some((r) => r.role === 'satisfaction');
  const appliedAlpha = hasSatisfaction ? (hasOutcome ? alpha : 1) : 0;
  const outcome = scoreRole('outcome', rows, threshold, 1 - appliedAlpha);
  const satisfaction = scoreRole('satisfaction', rows, threshold, appliedAlpha);
  const parts = [outcome, satisfaction].filter((p): p is RoleScore => p !== null);
  const sufficient = parts.length > 0 && parts.every((p) => p.sufficient);
  const coverage = parts.length > 0 ? Math.min(...parts.map((p) => p.coverage)) : 0;

  const kpis: KpiContribution[] = rows.map((row) => {
    const part = row.role === 'outcome' ? outcome : satisfaction;
    if (!sufficient || !part || row.score === null || part.weightWithData <= 0) {
      return { ...row, effectiveWeight: 0, contribution: null };
    }
    const effectiveWeight = (part.share * row.weight) / part.weightWithData;
    return { ...row, effectiveWeight, contribution: effectiveWeight * row.score };
  });

  if (!sufficient) {
    return {
      status: 'insufficient_data',
      score: null,
      colour: null,
      coverage,
      outcome,
      satisfaction,
      appliedSatisfactionShare: appliedAlpha,
      worstKpis: [],
      kpis,
    };
  }
  const score = parts.reduce((s, p) => s + p.share * (p.score ?? 0), 0);
  const { colour, worst } = projectColour(rows);
  return {
    status: 'scored',
    score,
    colour,
    coverage,
    outcome,
    satisfaction,
    appliedSatisfactionShare: appliedAlpha,
    worstKpis: worst.map((w) => w.indicatorCode),
    kpis,
  };
}
