import { Inject, Injectable } from '@nestjs/common';
import type {
  LineageDto,
  MatrixCellDto,
  ProjectMatrixDto,
  ScorecardDto,
  SeriesPoint,
} from '@civicpulse/contracts';
import {
  formatLocalDate,
  type KpiScoringInput,
  localDateOf,
  periodContainingDate,
  type ProjectScore,
  resolvePeriodSpec,
  type ResolvedPeriodSpec,
  scoreProject,
  shiftPeriod,
} from '@civicpulse/domain';
import type { IndicatorRecord } from '@civicpulse/db';
import { BoundedCache } from '../common/bounded-cache';
import { serialize, type SerializedResponse } from '../common/serialized-response';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CLOCK, type Clock } from '../measurement/clock';
import { type IndicatorScopeValue, IndicatorValuesService } from '../measurement/indicator-values.service';
import { LineageService } from '../measurement/lineage.service';
import { ReadVersionsService } from '../measurement/read-versions.service';
import { resolveRequestedPeriod, type RequestedPeriod } from '../measurement/period-resolver';
import { type ScopeRegion, scopeRegionIds } from '../measurement/region-scope';
import { SeriesService } from '../measurement/series.service';
import { type ProjectContext, ProjectContextService } from './project-context.service';
import {
  colourOf,
  countStatuses,
  freshnessOf,
  round,
  statusOf,
  toProjectScoreDto,
  toScorecardKpi,
} from './scorecard-view';

/** The computed state of a project over one period and region scope. */
export interface ScopeEvaluation {
  context: ProjectContext;
  period: RequestedPeriod;
  scope: ScopeRegion[];
  /** Evaluation instant: the end of the period, or now for a period still running. */
  at: Date;
  score: ProjectScore;
  /** Values by indicator code (cumulative KPIs: year to date). */
  values: Map<string, IndicatorScopeValue>;
}

/** The indicators of a project's KPIs that the catalogue defines, in KPI order. */
function kpiIndicators(context: ProjectContext): IndicatorRecord[] {
  return context.record.project.kpis
    .map((k) => context.indicators.get(k.indicatorCode))
    .filter((i): i is IndicatorRecord => i !== undefined);
}

/** A synthetic region combining the whole scope, so one series stands for all its regions. */
function scopeAsOne(scope: readonly ScopeRegion[]): ScopeRegion {
  return { id: -1, code: 'scope', nameZh: '', nameEn: '', population: null, children: [...scope] };
}

/**
 * How long a computed scorecard is served while the catalogue and data versions stay the same:
 * bounds what the versions cannot see (the evaluation instant of a running period, a source
 * falling stale as time passes), as for the overview.
 */
const SCORECARD_TTL_MS = 30_000;

/**
 * Scorecards: KPI values come from rollups aggregated by each indicator's rules; scoring,
 * trajectory status, coverage rule, colour and the satisfaction blend come from libs/domain.
 * Responses are kept serialized per (project, period, regions, local day, catalogue version,
 * data version) in a bounded cache (`SCORECARD_CACHE_SIZE`); concurrent misses share one
 * computation. An ingest batch or catalogue edit changes a version, so a kept scorecard is never
 * older than the version probe interval.
 */
@Injectable()
export class ScorecardService {
  private readonly responses: BoundedCache<SerializedResponse>;

  constructor(
    private readonly contexts: ProjectContextService,
    private readonly values: IndicatorValuesService,
    private readonly series: SeriesService,
    private readonly lineage: LineageService,
    private readonly versions: ReadVersionsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.responses = new BoundedCache(config.caches.scorecardEntries, SCORECARD_TTL_MS);
  }

  period(text: string | undefined): RequestedPeriod {
    return resolveRequestedPeriod(text, this.clock.now(), this.config.timeZone);
  }

  /** Scores a project for a period and scope (the shared core of every project endpoint). */
  async evaluate(
    context: ProjectContext,
    period: RequestedPeriod,
    scope: ScopeRegion[],
  ): Promise<ScopeEvaluation> {
    const now = this.clock.now();
    const at = new Date(Math.min(now.getTime(), period.resolved.end.getTime() - 1));
    const kpis = context.record.project.kpis.filter((k) => context.indicators.has(k.indicatorCode));
    const indicatorsOf = (cumulative: boolean): IndicatorRecord[] =>
      kpis
        .filter((k) => Boolean(k.cumulative) === cumulative)
        .map((k) => context.indicators.get(k.indicatorCode) as IndicatorRecord);
    // Cumulative KPIs are paced on the year to date at the end of the period, whatever its length.
    const ytd = resolvePeriodSpec(
      { kind: 'to_date', unit: 'year', asOf: period.resolved.lastDate },
      this.config.timeZone,
    );
    // A whole year (or a year to date) is its own year to date: then one read serves every KPI.
    const sameWindow =
      ytd.start.getTime() === period.resolved.start.getTime() &&
      ytd.end.getTime() === period.resolved.end.getTime();
    const [plain, cumulative] = sameWindow
      ? [
          await this.values.windowValues(indicatorsOf(false).concat(indicatorsOf(true)), scope, ytd),
          new Map<string, IndicatorScopeValue>(),
        ]
      : await Promise.all([
          this.values.windowValues(indicatorsOf(false), scope, period.resolved),
          this.values.windowValues(indicatorsOf(true), scope, ytd),
        ]);
    const values = new Map([...plain, ...cumulative]);
    await this.carryStocksForward(values, indicatorsOf(false), scope, period);
    const singleRegion = scope.length === 1 ? scope[0].code : null;
    const inputs: KpiScoringInput[] = kpis.map((kpi) => ({
      kpi,
      indicator: context.indicators.get(kpi.indicatorCode),
      value: values.get(kpi.indicatorCode)?.value ?? null,
      regionCode: singleRegion,
    }));
    const score = scoreProject({
      kpis: inputs,
      at,
      timeZone: this.config.timeZone,
      satisfactionShare: context.record.project.satisfactionShare,
    });
    return { context, period, scope, at, score, values };
  }

  /**
   * The "as of" rule: a stock or level (time aggregation `last`) with no value in the period
   * takes the latest value known before the period end, labelled with the period it comes from,
   * so yearly figures do not go blank every January. Flows keep strict period semantics.
   */
  private async carryStocksForward(
    values: Map<string, IndicatorScopeValue>,
    indicators: readonly IndicatorRecord[],
    scope: ScopeRegion[],
    period: RequestedPeriod,
  ): Promise<void> {
    const missing = indicators.filter(
      (i) => i.timeAggregation === 'last' && (values.get(i.code)?.value ?? null) === null,
    );
    if (missing.length === 0) return;
    const carried = await this.values.latestValuesBefore(missing, scope, period.resolved.end);
    for (const [code, value] of carried) values.set(code, value);
  }

  /** The scorecard as JSON with its ETag, from the response cache when the versions are unchanged. */
  async scorecardResponse(
    code: string,
    periodText: string | undefined,
    regions: string[] | undefined,
  ): Promise<SerializedResponse> {
    const period = this.period(periodText);
    const versions = await this.versions.current();
    const key = [
      code,
      JSON.stringify(period.dto),
      [...new Set(regions ?? [])].sort().join(','),
      formatLocalDate(localDateOf(this.clock.now(), this.config.timeZone)),
      versions.catalogue,
      versions.data,
    ].join('|');
    return this.responses.get(key, async () => serialize(await this.scorecard(code, periodText, regions)));
  }

  async scorecard(
    code: string,
    periodText: string | undefined,
    regions: string[] | undefined,
  ): Promise<ScorecardDto> {
    const period = this.period(periodText);
    return this.contexts.withProject(code, (context) =>
      this.scorecardOf(context, period, this.contexts.scope(context, regions), true),
    );
  }

  /**
   * Evaluates and builds a scorecard with the values, lineage and sparkline reads running at the
   * same time (they are independent): the latency is the slowest read, not their sum.
   */
  async scorecardOf(
    context: ProjectContext,
    period: RequestedPeriod,
    scope: ScopeRegion[],
    withSparklines: boolean,
  ): Promise<ScorecardDto> {
    const indicators = kpiIndicators(context);
    const now = this.clock.now();
    const [evaluation, lineages, sparklines] = await Promise.all([
      this.evaluate(context, period, scope),
      this.lineage.forIndicators(indicators, scopeRegionIds(scope), now),
      withSparklines
        ? this.sparklines(indicators, scope, period.resolved)
        : Promise.resolve(new Map<string, SeriesPoint[]>()),
    ]);
    return this.buildScorecard(evaluation, lineages, sparklines, now);
  }

  /** Builds the scorecard response of an evaluation; lists skip the sparklines. */
  async toScorecard(evaluation: ScopeEvaluation, withSparklines: boolean): Promise<ScorecardDto> {
    const { context, period, scope } = evaluation;
    const indicators = kpiIndicators(context);
    const now = this.clock.now();
    const [lineages, sparklines] = await Promise.all([
      this.lineage.forIndicators(indicators, scopeRegionIds(scope), now),
      withSparklines
        ? this.sparklines(indicators, scope, period.resolved)
        : Promise.resolve(new Map<string, SeriesPoint[]>()),
    ]);
    return this.buildScorecard(evaluation, lineages, sparklines, now);
  }

  private buildScorecard(
    evaluation: ScopeEvaluation,
    lineages: Map<string, LineageDto>,
    sparklines: Map<string, SeriesPoint[]>,
    now: Date,
  ): ScorecardDto {
    const { context, period, scope, score } = evaluation;
    const indicators = score.kpis.map((row) => context.indicators.get(row.indicatorCode) as IndicatorRecord);
    const kpis = score.kpis.map((row, i) =>
      toScorecardKpi(
        row,
        indicators[i],
        evaluation.values.get(row.indicatorCode),
        scope.length,
        lineages.get(row.indicatorCode) ?? null,
        sparklines.get(row.indicatorCode) ?? [],
        { at: evaluation.at, timeZone: this.config.timeZone },
      ),
    );
    return {
      projectCode: context.record.project.code,
      projectNameZh: context.record.project.nameZh,
      projectNameEn: context.record.project.nameEn,
      period: period.dto,
      regions: scope.map((r) => r.code),
      score: toProjectScoreDto(score),
      statusCounts: countStatuses(kpis.map((k) => k.status)),
      kpis,
      freshness: freshnessOf(indicators.map((i) => lineages.get(i.code)).filter((l) => l !== undefined)),
      computedAt: now.toISOString(),
    };
  }

  async matrix(code: string, periodText: string | undefined): Promise<ProjectMatrixDto> {
    const context = await this.contexts.load(code);
    const period = this.period(periodText);
    const districts = this.contexts.scope(context, undefined);
    // One read for the whole scope gives every region's value; each region is then scored alone
    // (so per-region targets apply), with no further queries.
    const whole = await this.evaluate(context, period, districts);
    const kpis = whole.score.kpis;
    const cells: MatrixCellDto[] = [];
    const regionScores: ProjectMatrixDto['regionScores'] = [];
    districts.forEach((region, index) => {
      const inputs: KpiScoringInput[] = context.record.project.kpis
        .filter((k) => context.indicators.has(k.indicatorCode))
        .map((kpi) => ({
          kpi,
          indicator: context.indicators.get(kpi.indicatorCode),
          value: whole.values.get(kpi.indicatorCode)?.regions[index]?.value ?? null,
          regionCode: region.code,
        }));
      const regional = scoreProject({
        kpis: inputs,
        at: whole.at,
        timeZone: this.config.timeZone,
        satisfactionShare: context.record.project.satisfactionShare,
      });
      regionScores.push({ regionCode: region.code, score: toProjectScoreDto(regional) });
      for (const row of regional.kpis) {
        cells.push({
          regionCode: region.code,
          indicatorCode: row.indicatorCode,
          value: round(row.value, 6),
          target: row.target,
          progress: round(row.p, 4),
          score: round(row.score),
          status: statusOf(row),
          colour: colourOf(row.colour),
        });
      }
    });
    return {
      projectCode: context.record.project.code,
      period: period.dto,
      regions: districts.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn })),
      kpis: kpis.map((row) => {
        const indicator = context.indicators.get(row.indicatorCode) as IndicatorRecord;
        return {
          indicatorCode: row.indicatorCode,
          indicatorNameZh: indicator.nameZh,
          indicatorNameEn: indicator.nameEn,
          unit: indicator.unit,
          weight: row.weight,
        };
      }),
      cells,
      regionScores,
    };
  }

  /** Twelve monthly values up to the end of the period, combined over the scope. */
  private async sparklines(
    indicators: readonly IndicatorRecord[],
    scope: readonly ScopeRegion[],
    period: ResolvedPeriodSpec,
  ): Promise<Map<string, SeriesPoint[]>> {
    const lastMonth = periodContainingDate(period.lastDate, 'month');
    const window = resolvePeriodSpec(
      { kind: 'range', from: shiftPeriod(lastMonth, -11), to: lastMonth },
      this.config.timeZone,
    );
    const one = scopeAsOne(scope);
    const series = await this.series.seriesOfMany(indicators, [one], 'month', window, this.config.timeZone);
    const result = new Map<string, SeriesPoint[]>();
    for (const indicator of indicators) {
      const points = series.get(indicator.code)?.get(one.code) ?? [];
      result.set(
        indicator.code,
        points.map((p) => ({ t: p.t, v: round(p.v, 6) })),
      );
    }
    return result;
  }
}
