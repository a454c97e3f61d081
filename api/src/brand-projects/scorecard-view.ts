import type {
  FreshnessDto,
  IngestRunStatusDto,
  KpiFlag,
  KpiStatusDto,
  LineageDto,
  ProjectScoreDto,
  ScorecardKpiDto,
  Sparkline,
  StatusColour,
  StatusCounts,
} from '@civicpulse/contracts';
import { KPI_STATUSES } from '@civicpulse/contracts';
import { assessFreshness, type KpiContribution, type ProjectScore } from '@civicpulse/domain';
import type { IndicatorRecord } from '@civicpulse/db';
import type { IndicatorScopeValue } from '../measurement/indicator-values.service';
import { CADENCE_OF } from '../measurement/lineage.service';

/** Rounds for display without changing how numbers compare (scores to 0.01, values to 6 significant digits). */
export function round(value: number | null, digits = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function statusOf(row: Pick<KpiContribution, 'status'>): KpiStatusDto {
  return row.status ?? 'no_data';
}

export function colourOf(colour: StatusColour | null | undefined): StatusColour {
  return colour ?? 'grey';
}

export function countStatuses(statuses: readonly KpiStatusDto[]): StatusCounts {
  const counts = Object.fromEntries(KPI_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** Headline of a project score; coverage is the one the domain applied the 80 % rule to. */
export function toProjectScoreDto(score: ProjectScore): ProjectScoreDto {
  return {
    score: round(score.score),
    colour: colourOf(score.colour),
    coverage: round(score.coverage, 4) ?? 0,
    insufficientData: score.status === 'insufficient_data',
    outcomeScore: round(score.outcome?.score ?? null),
    satisfactionScore: round(score.satisfaction?.score ?? null),
    satisfactionShare: score.appliedSatisfactionShare,
  };
}

/**
 * Whether a carried-forward value is older than its indicator's cadence at the evaluation
 * instant: due one cadence after its period started, plus one more for the publication lag (the
 * same rule as lineage freshness), so 2025's yearly figure is still current through 2026.
 */
export function carriedValueStale(
  indicator: IndicatorRecord,
  value: IndicatorScopeValue | undefined,
  at: Date,
  timeZone: string,
): boolean {
  if (!value?.valuePeriod || !value.lastAt) return false;
  const cadence = CADENCE_OF[indicator.frequency];
  return (
    assessFreshness({ lastAt: value.lastAt, now: at, cadence, grace: cadence, timeZone }).state === 'stale'
  );
}

function flagsOf(
  row: KpiContribution,
  indicator: IndicatorRecord,
  lineage: LineageDto | null,
  partial: boolean,
  carried: CarriedState,
): KpiFlag[] {
  const flags: KpiFlag[] = [];
  if (row.flags.exceeded) flags.push('exceeded');
  if (row.flags.deteriorating) flags.push('deteriorating');
  if (row.mode === 'maintain') flags.push('maintain');
  if (row.mode === 'pacing') flags.push('paced');
  if (indicator.direction === 'target_band') flags.push('band');
  if (lineage?.stale || carried.stale) flags.push('stale');
  if (partial) flags.push('partial_regions');
  if (carried.valuePeriod !== null) flags.push('carried_forward');
  return flags;
}

/** Where a KPI value was carried forward from, and whether it is older than its cadence. */
interface CarriedState {
  valuePeriod: string | null;
  stale: boolean;
}

/** One KPI row of a scorecard, from its domain evaluation plus the indicator, value and lineage. */
export function toScorecardKpi(
  row: KpiContribution,
  indicator: IndicatorRecord,
  value: IndicatorScopeValue | undefined,
  scopeSize: number,
  lineage: LineageDto | null,
  sparkline: Sparkline,
  evaluatedAt: { at: Date; timeZone: string } | null = null,
): ScorecardKpiDto {
  const regionsWithData = value?.regionsWithData ?? [];
  const partial = row.value !== null && regionsWithData.length < scopeSize;
  const valuePeriod = row.value !== null ? (value?.valuePeriod ?? null) : null;
  const carried: CarriedState = {
    valuePeriod,
    stale:
      valuePeriod !== null &&
      evaluatedAt !== null &&
      carriedValueStale(indicator, value, evaluatedAt.at, evaluatedAt.timeZone),
  };
  return {
    indicatorCode: indicator.code,
    indicatorNameZh: indicator.nameZh,
    indicatorNameEn: indicator.nameEn,
    unit: indicator.unit,
    direction: indicator.direction,
    role: row.role,
    value: round(row.value, 6),
    valuePeriod,
    baseline: row.baseline,
    target: row.target,
    band: indicator.band ?? null,
    progress: round(row.p, 4),
    expectedProgress: round(row.expected, 4),
    score: round(row.score),
    weight: row.weight,
    contribution: round(row.contribution),
    status: statusOf(row),
    colour: colourOf(row.colour),
    flags: flagsOf(row, indicator, lineage, partial, carried),
    sparkline,
    lineage: lineage ?? NO_LINEAGE,
    regionsWithData,
  };
}

/** Lineage of a figure no source feeds yet. */
export const NO_LINEAGE: LineageDto = {
  sourceKey: null,
  sourceName: null,
  lastRunId: null,
  lastRunStatus: null,
  lastRunAt: null,
  lastObservationAt: null,
  nextDueAt: null,
  stale: false,
};

/** Worst first: the run a card should point at when several sources feed it. */
const RUN_SEVERITY: Record<IngestRunStatusDto, number> = {
  failed: 0,
  partial: 1,
  running: 2,
  queued: 3,
  succeeded: 4,
};

/** Orders lineages worst run first, then stale before fresh, then the oldest observation first. */
function worseFirst(a: LineageDto, b: LineageDto): number {
  const severity = (l: LineageDto) => (l.lastRunStatus ? RUN_SEVERITY[l.lastRunStatus] : 5);
  if (severity(a) !== severity(b)) return severity(a) - severity(b);
  if (a.stale !== b.stale) return a.stale ? -1 : 1;
  return (a.lastObservationAt ?? '').localeCompare(b.lastObservationAt ?? '');
}

/**
 * Freshness of a set of KPIs: the newest and the oldest "last observation", how many are stale
 * or fed by a failed run, and the worst run to link to.
 */
export function freshnessOf(lineages: readonly LineageDto[]): FreshnessDto {
  const times = lineages
    .map((l) => l.lastObservationAt)
    .filter((t): t is string => t !== null)
    .sort();
  const runs = lineages
    .flatMap((lineage) =>
      lineage.lastRunId !== null && lineage.lastRunStatus !== null && lineage.sourceKey !== null
        ? [
            {
              lineage,
              run: { runId: lineage.lastRunId, status: lineage.lastRunStatus, sourceKey: lineage.sourceKey },
            },
          ]
        : [],
    )
    .sort((a, b) => worseFirst(a.lineage, b.lineage));
  return {
    lastObservationAt: times.length > 0 ? times[times.length - 1] : null,
    oldestKpiObservationAt: times.length > 0 ? times[0] : null,
    staleKpiCount: lineages.filter((l) => l.stale).length,
    failedKpiCount: lineages.filter((l) => l.lastRunStatus === 'failed').length,
    worstRun: runs[0]?.run ?? null,
  };
}
