import { Inject, Injectable } from '@nestjs/common';
import type {
  HeadlineIndicatorDto,
  KpiStatusDto,
  LineageDto,
  OverviewDto,
  SeriesPoint,
  StatusColour,
} from '@civicpulse/contracts';
import {
  DOMAINS,
  type Domain,
  formatLocalDate,
  localDateOf,
  periodContainingDate,
  resolvePeriodSpec,
  scoreBand,
  shiftPeriod,
} from '@civicpulse/domain';
import { AlertRepository, type IndicatorRecord } from '@civicpulse/db';
import { ProjectContextService } from '../brand-projects/project-context.service';
import { colourOf, NO_LINEAGE, round, statusOf } from '../brand-projects/scorecard-view';
import { ScorecardService } from '../brand-projects/scorecard.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { serialize, type SerializedResponse } from '../common/serialized-response';
import { CatalogueCache } from '../measurement/catalogue-cache.service';
import { CLOCK, type Clock } from '../measurement/clock';
import { LineageService } from '../measurement/lineage.service';
import { ReadVersionsService } from '../measurement/read-versions.service';
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

/** How long a computed overview is served while the catalogue and data versions stay the same. */
const OVERVIEW_TTL_MS = 30_000;

/** The part of the overview computed from catalogue and data (alert counts are read every time). */
interface OverviewBody {
  key: string;
  computedAt: number;
  generatedAt: string;
  domains: Array<{ domain: Domain; headlines: HeadlineIndicatorDto[] }>;
}

/**
 * The landing page: per domain, headline indicators at city level and open alerts. The
 * headlines are computed once per (local day, catalogue version, data version) and kept for a
 * short time: every request probes the versions, so a catalogue edit or an ingest batch shows at
 * once; the time limit bounds what the probe cannot see (state changes of long-past runs, a
 * source falling stale as time passes). Concurrent requests share one computation. Open alert
 * counts are kept per alerts version, so an alert opening or resolving shows at once too.
 */
@Injectable()
export class OverviewService {
  private cached: { key: string; body: Promise<OverviewBody> } | null = null;
  /** Open alerts per domain, by alerts version (events opening or resolving, rules changing). */
  private alertCounts: { version: string; counts: Promise<Map<Domain, number>> } | null = null;
  /** The last response, serialized once for as long as its body and alert counts stay the same. */
  private response: {
    body: OverviewBody;
    alerts: Map<Domain, number>;
    serialized: SerializedResponse;
  } | null = null;

  constructor(
    private readonly catalogue: CatalogueCache,
    private readonly versions: ReadVersionsService,
    private readonly alerts: AlertRepository,
    private readonly contexts: ProjectContextService,
    private readonly scorecards: ScorecardService,
    private readonly series: SeriesService,
    private readonly lineage: LineageService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The overview as JSON with its ETag, serialized once per body and alerts version. */
  async overview(): Promise<SerializedResponse> {
    const now = this.clock.now();
    const versions = await this.versions.current();
    const key = [
      formatLocalDate(localDateOf(now, this.config.timeZone)),
      versions.catalogue,
      versions.data,
    ].join('|');
    const [body, openAlerts] = await Promise.all([this.body(key, now), this.openAlerts(versions.alerts)]);
    const known = this.response;
    if (known?.body === body && known.alerts === openAlerts) return known.serialized;
    const serialized = serialize(this.toDto(body, openAlerts));
    this.response = { body, alerts: openAlerts, serialized };
    return serialized;
  }

  private toDto(body: OverviewBody, openAlerts: Map<Domain, number>): OverviewDto {
    return {
      cityCode: this.config.cityCode,
      timeZone: this.config.timeZone,
      domains: body.domains.map((d) => ({ ...d, openAlertCount: openAlerts.get(d.domain) ?? 0 })),
      openAlertCount: [...openAlerts.values()].reduce((s, n) => s + n, 0),
      generatedAt: body.generatedAt,
    };
  }

  private openAlerts(version: string): Promise<Map<Domain, number>> {
    if (this.alertCounts?.version === version) return this.alertCounts.counts;
    const counts = this.alerts.countOpenByDomain();
    this.alertCounts = { version, counts };
    counts.catch(() => {
      if (this.alertCounts?.counts === counts) this.alertCounts = null;
    });
    return counts;
  }

  private async body(key: string, now: Date): Promise<OverviewBody> {
    const known = this.cached;
    if (known?.key === key) {
      const body = await known.body;
      if (performance.now() - body.computedAt < OVERVIEW_TTL_MS) return body;
      if (this.cached !== known) return this.body(key, now);
    }
    const body = this.compute(key, now);
    this.cached = { key, body };
    body.catch(() => {
      if (this.cached?.body === body) this.cached = null;
    });
    return body;
  }

  private async compute(key: string, now: Date): Promise<OverviewBody> {
    const [catalogue, standings] = await Promise.all([this.catalogue.snapshot(), this.kpiStandings()]);
    const all = catalogue.indicators;
    const city = buildScope([this.config.cityCode], catalogue.regions);
    const lastMonth = periodContainingDate(localDateOf(now, this.config.timeZone), 'month');
    const window = resolvePeriodSpec(
      { kind: 'range', from: shiftPeriod(lastMonth, -12), to: lastMonth },
      this.config.timeZone,
    );
    const pickedByDomain = DOMAINS.map((domain) => {
      const own = all.filter((i) => i.domain === domain);
      const targeted = own.filter((i) => standings.has(i.code));
      return {
        domain: domain as Domain,
        picked: (targeted.length > 0 ? targeted : own.slice(0, FALLBACK_HEADLINES)).slice(0, MAX_HEADLINES),
      };
    });
    const picked = pickedByDomain.flatMap((d) => d.picked);
    // All headlines from one rollup read, their lineage from one more, both at once.
    const [series, lineages] = await Promise.all([
      city.length > 0
        ? this.series.seriesOfMany(picked, city, 'month', window, this.config.timeZone)
        : Promise.resolve(new Map<string, Map<string, SeriesPoint[]>>()),
      this.lineage.forIndicators(
        picked,
        catalogue.regions.map((r) => r.id),
        now,
      ),
    ]);
    const domains = pickedByDomain.map(({ domain, picked: own }) => ({
      domain,
      headlines: own.map((indicator) =>
        this.headline(
          indicator,
          series.get(indicator.code)?.get(this.config.cityCode) ?? [],
          standings.get(indicator.code),
          lineages.get(indicator.code) ?? NO_LINEAGE,
        ),
      ),
    }));
    return { key, computedAt: performance.now(), generatedAt: now.toISOString(), domains };
  }

  private headline(
    indicator: IndicatorRecord,
    points: readonly SeriesPoint[],
    standing: KpiStanding | undefined,
    lineage: LineageDto,
  ): HeadlineIndicatorDto {
    const withData = points.filter((p): p is { t: string; v: number } => p.v !== null);
    const latest = withData[withData.length - 1] ?? null;
    const previous = withData[withData.length - 2] ?? null;
    return {
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
      stale: lineage.stale,
      lineage,
    };
  }

  /** Year-to-date status of each targeted indicator, taken from the project where it scores best. */
  private async kpiStandings(): Promise<Map<string, KpiStanding>> {
    const period = this.scorecards.period('ytd');
    const contexts = await this.contexts.loadAll();
    const evaluations = await Promise.all(
      contexts.map((context) =>
        this.scorecards.evaluate(context, period, this.contexts.scope(context, undefined)),
      ),
    );
    const standings = new Map<string, KpiStanding>();
    for (const evaluation of evaluations) {
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
