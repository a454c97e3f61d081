import { Inject, Injectable } from '@nestjs/common';
import type {
  DomainOverviewDto,
  HeadlineIndicatorDto,
  KpiStatusDto,
  OverviewDto,
  StatusColour,
} from '@civicpulse/contracts';
import {
  DOMAINS,
  type Domain,
  localDateOf,
  periodContainingDate,
  resolvePeriodSpec,
  scoreBand,
  shiftPeriod,
} from '@civicpulse/domain';
import {
  AlertRepository,
  IndicatorQueryRepository,
  type IndicatorRecord,
  RegionQueryRepository,
} from '@civicpulse/db';
import { ProjectContextService } from '../brand-projects/project-context.service';
import { colourOf, NO_LINEAGE, round, statusOf } from '../brand-projects/scorecard-view';
import { ScorecardService } from '../brand-projects/scorecard.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CLOCK, type Clock } from '../measurement/clock';
import { LineageService } from '../measurement/lineage.service';
import { buildScope } from '../measurement/region-scope';
import { SeriesService } from '../measurement/series.service';

/** Headlines per domain when no brand project picks any of its indicators. */
const FALLBACK_HEADLINES = 4;
const MAX_HEADLINES = 6;

interface KpiStanding {
  status: KpiStatusDto;
  colour: StatusColour;
  score: number;
}

function improving(indicator: IndicatorRecord, previous: number, latest: number): boolean | null {
  if (latest === previous) return null;
  if (indicator.direction === 'lower_is_better') return latest < previous;
  if (indicator.direction === 'higher_is_better') return latest > previous;
  const before = scoreBand(previous, indicator.band).score;
  const after = scoreBand(latest, indicator.band).score;
  return before === null || after === null || before === after ? null : after > before;
}

/** The landing page: per domain, headline indicators at city level and open alerts. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly indicators: IndicatorQueryRepository,
    private readonly regions: RegionQueryRepository,
    private readonly alerts: AlertRepository,
    private readonly contexts: ProjectContextService,
    private readonly scorecards: ScorecardService,
    private readonly series: SeriesService,
    private readonly lineage: LineageService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async overview(): Promise<OverviewDto> {
    const now = this.clock.now();
    const [all, regions, openAlerts, standings] = await Promise.all([
      this.indicators.search(),
      this.regions.list(false),
      this.alerts.countOpenByDomain(),
      this.kpiStandings(),
    ]);
    const city = buildScope([this.config.cityCode], regions);
    const lastMonth = periodContainingDate(localDateOf(now, this.config.timeZone), 'month');
    const window = resolvePeriodSpec(
      { kind: 'range', from: shiftPeriod(lastMonth, -12), to: lastMonth },
      this.config.timeZone,
    );
    const lineages = await this.lineage.forIndicators(
      all,
      regions.map((r) => r.id),
      now,
    );

    const domains: DomainOverviewDto[] = [];
    for (const domain of DOMAINS) {
      const own = all.filter((i) => i.domain === domain);
      const targeted = own.filter((i) => standings.has(i.code));
      const picked = (targeted.length > 0 ? targeted : own.slice(0, FALLBACK_HEADLINES)).slice(
        0,
        MAX_HEADLINES,
      );
      const headlines: HeadlineIndicatorDto[] = [];
      for (const indicator of picked) {
        const points =
          city.length > 0
            ? ((await this.series.series(indicator, city, 'month', window, this.config.timeZone)).get(
                this.config.cityCode,
              ) ?? [])
            : [];
        const withData = points.filter((p): p is { t: string; v: number } => p.v !== null);
        const latest = withData[withData.length - 1] ?? null;
        const previous = withData[withData.length - 2] ?? null;
        const standing = standings.get(indicator.code);
        headlines.push({
          indicatorCode: indicator.code,
          nameZh: indicator.nameZh,
          nameEn: indicator.nameEn,
          unit: indicator.unit,
          direction: indicator.direction,
          latest: round(latest?.v ?? null, 6),
          latestPeriodStart: latest?.t ?? null,
          previous: round(previous?.v ?? null, 6),
          change: latest && previous ? round(latest.v - previous.v, 6) : null,
          improving: latest && previous ? improving(indicator, previous.v, latest.v) : null,
          status: standing?.status ?? 'no_data',
          colour: standing?.colour ?? 'grey',
          sparkline: points.slice(-12).map((p) => ({ t: p.t, v: round(p.v, 6) })),
          stale: lineages.get(indicator.code)?.stale ?? false,
          lineage: lineages.get(indicator.code) ?? NO_LINEAGE,
        });
      }
      domains.push({ domain: domain as Domain, headlines, openAlertCount: openAlerts.get(domain) ?? 0 });
    }
    return {
      cityCode: this.config.cityCode,
      timeZone: this.config.timeZone,
      domains,
      openAlertCount: [...openAlerts.values()].reduce((s, n) => s + n, 0),
      generatedAt: now.toISOString(),
    };
  }

  /** Year-to-date status of each targeted indicator, taken from the project where it scores best. */
  private async kpiStandings(): Promise<Map<string, KpiStanding>> {
    const period = this.scorecards.period('ytd');
    const standings = new Map<string, KpiStanding>();
    for (const context of await this.contexts.loadAll()) {
      const evaluation = await this.scorecards.evaluate(
        context,
        period,
        this.contexts.scope(context, undefined),
      );
      for (const row of evaluation.score.kpis) {
        const score = row.score ?? -1;
        const known = standings.get(row.indicatorCode);
        if (!known || score > known.score) {
          standings.set(row.indicatorCode, { status: statusOf(row), colour: colourOf(row.colour), score });
        }
      }
    }
    return standings;
  }
}
