import { Inject, Injectable } from '@nestjs/common';
import type { ProjectTrendDto, SeriesGranularity } from '@civicpulse/contracts';
import { parseLocalDate, resolvePeriodSpec } from '@civicpulse/domain';
import type { IndicatorRecord } from '@civicpulse/db';
import { ValidationError } from '@civicpulse/server-kit';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { ScopeRegion } from '../measurement/region-scope';
import { SeriesService } from '../measurement/series.service';
import { ProjectContextService } from './project-context.service';
import { round } from './scorecard-view';

/** Trend of one KPI from its baseline to its target date, with the planned trajectory. */
@Injectable()
export class TrendService {
  constructor(
    private readonly contexts: ProjectContextService,
    private readonly series: SeriesService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async trend(
    code: string,
    kpiCode: string,
    granularity: SeriesGranularity,
    regions: string[] | undefined,
  ): Promise<ProjectTrendDto> {
    const context = await this.contexts.load(code);
    const kpi = context.record.project.kpis.find((k) => k.indicatorCode === kpiCode);
    const indicator = context.indicators.get(kpiCode);
    if (!kpi || !indicator) throw ValidationError.field('kpi', `'${kpiCode}' is not a KPI of this project`);
    const scope = this.contexts.scope(context, regions);
    const p = context.record.project;
    const from = [kpi.baselineDate, p.startDate].sort()[0];
    const to = [kpi.targetDate, p.endDate].sort()[1];
    const window = resolvePeriodSpec(
      {
        kind: 'range',
        from: { unit: 'day', ...parseLocalDate(from) },
        to: { unit: 'day', ...parseLocalDate(to) },
      },
      this.config.timeZone,
    );
    const one: ScopeRegion = {
      id: -1,
      code: 'scope',
      nameZh: '',
      nameEn: '',
      population: null,
      children: scope,
    };
    const actual =
      (
        await this.series.series(
          indicator as IndicatorRecord,
          [one],
          granularity,
          window,
          this.config.timeZone,
        )
      ).get('scope') ?? [];
    // The plan as the domain draws it: baseline → intermediate targets → target, straight between.
    const anchors = [
      { t: kpi.baselineDate, v: kpi.baseline },
      ...(kpi.periodTargets ?? []).map((pt) => ({ t: pt.date, v: pt.target })),
      { t: kpi.targetDate, v: kpi.target },
    ].sort((a, b) => a.t.localeCompare(b.t));
    return {
      projectCode: p.code,
      indicatorCode: kpiCode,
      unit: indicator.unit,
      direction: indicator.direction,
      granularity,
      regions: scope.map((r) => r.code),
      actual: actual.map((pt) => ({ t: pt.t, v: round(pt.v, 6) })),
      targetLine: indicator.direction === 'target_band' && indicator.band ? null : anchors,
      targetBand: indicator.band ? { lo: indicator.band.lo, hi: indicator.band.hi } : null,
      baseline: { date: kpi.baselineDate, value: kpi.baseline },
      target: { date: kpi.targetDate, value: kpi.target },
      milestones: p.milestones ?? [],
    };
  }
}
