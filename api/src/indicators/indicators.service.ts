import { Inject, Injectable } from '@nestjs/common';
import type {
  IndicatorDto,
  IndicatorSeriesDto,
  LatestByRegionDto,
  RegionComparisonDto,
  SeriesGranularity,
} from '@civicpulse/contracts';
import {
  addDays,
  formatLocalDate,
  type LocalDate,
  localDateOf,
  periodContainingDate,
  type RegionLevel,
  scoreBand,
  shiftPeriod,
  firstDateOf,
} from '@civicpulse/domain';
import {
  IndicatorQueryRepository,
  type IndicatorRecord,
  RegionQueryRepository,
  RollupReadRepository,
} from '@civicpulse/db';
import { NotFoundError, ValidationError } from '@civicpulse/server-kit';
import { round } from '../brand-projects/scorecard-view';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CLOCK, type Clock } from '../measurement/clock';
import { IndicatorValuesService } from '../measurement/indicator-values.service';
import { LineageService } from '../measurement/lineage.service';
import { resolveDateWindow, resolveRequestedPeriod } from '../measurement/period-resolver';
import { buildScope, type ScopeRegion } from '../measurement/region-scope';
import { regionValueOverTime } from '../measurement/rollup-window';
import { SeriesService } from '../measurement/series.service';
import { toCsv } from './csv-export';
import type { CompareQueryDto, IndicatorListQueryDto, SeriesQueryDto } from './dto/indicator-queries.dto';
import { toIndicatorDto } from './indicator-view';

/** Default look-back of a series when `from` is not given, per granularity. */
const DEFAULT_SPAN: Record<SeriesGranularity, (to: LocalDate) => LocalDate> = {
  hour: (to) => addDays(to, -2),
  day: (to) => addDays(to, -89),
  month: (to) => firstDateOf(shiftPeriod(periodContainingDate(to, 'month'), -23)),
  quarter: (to) => firstDateOf(shiftPeriod(periodContainingDate(to, 'quarter'), -11)),
  year: (to) => firstDateOf(shiftPeriod(periodContainingDate(to, 'year'), -9)),
};

/** Rollup level and look-back (days) used to find each region's latest value, by frequency. */
function latestLevel(indicator: IndicatorRecord): { level: 'day' | 'month' | 'year'; lookBackDays: number } {
  if (indicator.frequency === 'hour' || indicator.frequency === 'day')
    return { level: 'day', lookBackDays: 120 };
  if (indicator.frequency === 'month') return { level: 'month', lookBackDays: 3 * 366 };
  return { level: 'year', lookBackDays: 5 * 366 };
}

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicators: IndicatorQueryRepository,
    private readonly regions: RegionQueryRepository,
    private readonly rollups: RollupReadRepository,
    private readonly values: IndicatorValuesService,
    private readonly series: SeriesService,
    private readonly lineage: LineageService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(query: IndicatorListQueryDto): Promise<IndicatorDto[]> {
    const found = await this.indicators.search({ domain: query.domain, text: query.q?.trim() || undefined });
    const latest = await this.rollups.findLatestObservationTimes(found.map((i) => i.id));
    const byId = new Map(latest.map((l) => [l.indicatorId, l.lastPeriodStart]));
    return found.map((i) => toIndicatorDto(i, byId.get(i.id) ?? null));
  }

  async get(code: string): Promise<IndicatorDto> {
    const indicator = await this.find(code);
    const [latest] = await this.rollups.findLatestObservationTimes([indicator.id]);
    return toIndicatorDto(indicator, latest?.lastPeriodStart ?? null);
  }

  async seriesOf(code: string, query: SeriesQueryDto): Promise<IndicatorSeriesDto> {
    const indicator = await this.find(code);
    const granularity = query.granularity ?? 'month';
    const today = localDateOf(this.clock.now(), this.config.timeZone);
    const to = query.to ?? formatLocalDate(today);
    const from = query.from ?? formatLocalDate(DEFAULT_SPAN[granularity](today));
    if (from > to) throw ValidationError.field('from', 'must not be after to');
    const window = resolveDateWindow(from, to, this.config.timeZone);
    const scope = await this.scope(query.regions, [this.config.cityCode]);
    const byRegion = await this.series.series(
      indicator,
      scope,
      granularity,
      window.resolved,
      this.config.timeZone,
    );
    return {
      indicatorCode: indicator.code,
      unit: indicator.unit,
      granularity,
      from: window.from,
      to: window.to,
      timeZone: this.config.timeZone,
      series: scope.map((region) => ({
        regionCode: region.code,
        regionNameZh: region.nameZh,
        regionNameEn: region.nameEn,
        points: (byRegion.get(region.code) ?? []).map((p) => ({ t: p.t, v: round(p.v, 6) })),
      })),
    };
  }

  /** The same series as CSV (one row per region and bucket), for Excel. */
  async seriesCsv(code: string, query: SeriesQueryDto): Promise<{ filename: string; body: string }> {
    const dto = await this.seriesOf(code, query);
    const rows = dto.series.flatMap((s) =>
      s.points.map((p) => [s.regionCode, s.regionNameZh, s.regionNameEn, p.t, p.v, dto.unit]),
    );
    return {
      filename: `${dto.indicatorCode}_${dto.granularity}_${dto.from}_${dto.to}.csv`,
      body: toCsv(['region_code', 'region_name_zh', 'region_name_en', 'period_start', 'value', 'unit'], rows),
    };
  }

  async compare(code: string, query: CompareQueryDto): Promise<RegionComparisonDto> {
    const indicator = await this.find(code);
    const period = resolveRequestedPeriod(query.period, this.clock.now(), this.config.timeZone);
    const scope = await this.scope(query.regions, null);
    const values = (await this.values.windowValues([indicator], scope, period.resolved)).get(indicator.code);
    const items = scope.map((region, i) => ({
      regionCode: region.code,
      regionNameZh: region.nameZh,
      regionNameEn: region.nameEn,
      value: round(values?.regions[i]?.value ?? null, 6),
    }));
    const goodness = (v: number): number => {
      if (indicator.direction === 'lower_is_better') return -v;
      if (indicator.direction === 'target_band') return scoreBand(v, indicator.band).score ?? -Infinity;
      return v;
    };
    const ranked = items
      .filter((i) => i.value !== null)
      .sort((a, b) => goodness(b.value as number) - goodness(a.value as number));
    const rank = new Map(ranked.map((item, i) => [item.regionCode, i + 1]));
    return {
      indicatorCode: indicator.code,
      unit: indicator.unit,
      direction: indicator.direction,
      periodKey: period.dto.key,
      aggregate: round(values?.value ?? null, 6),
      items: items.map((item) => ({ ...item, rank: rank.get(item.regionCode) ?? null })),
    };
  }

  /** Each region's newest value at the indicator's own frequency (the district choropleth). */
  async latestByRegion(code: string, level: RegionLevel): Promise<LatestByRegionDto> {
    const indicator = await this.find(code);
    const regions = (await this.regions.list(false)).filter((r) => r.level === level);
    const { level: rollupLevel, lookBackDays } = latestLevel(indicator);
    const today = localDateOf(this.clock.now(), this.config.timeZone);
    const rows = await this.rollups.findRollups({
      level: rollupLevel,
      indicatorIds: [indicator.id],
      regionIds: regions.map((r) => r.id),
      fromBucket: formatLocalDate(addDays(today, -lookBackDays)),
      toBucket: formatLocalDate(today),
    });
    const items = regions.map((region) => {
      // Rows come ordered by bucket: the last one of the region is its newest.
      const own = rows.filter((row) => row.regionId === region.id);
      const newest = own[own.length - 1];
      const value = newest ? regionValueOverTime(indicator, [newest]).value : null;
      return {
        regionCode: region.code,
        regionNameZh: region.nameZh,
        regionNameEn: region.nameEn,
        value: round(value, 6),
        periodStart: newest?.bucket ?? null,
      };
    });
    const present = items.map((i) => i.value).filter((v): v is number => v !== null);
    const lineage = await this.lineage.forIndicators(
      [indicator],
      regions.map((r) => r.id),
      this.clock.now(),
    );
    return {
      indicatorCode: indicator.code,
      unit: indicator.unit,
      direction: indicator.direction,
      level,
      items,
      min: present.length > 0 ? Math.min(...present) : null,
      max: present.length > 0 ? Math.max(...present) : null,
      lineage: lineage.get(indicator.code) ?? null,
    };
  }

  private async find(code: string): Promise<IndicatorRecord> {
    const indicator = await this.indicators.findByCode(code);
    if (!indicator) throw new NotFoundError('Indicator', code);
    return indicator;
  }

  /** Requested regions (all must exist), else the defaults, else every district. */
  private async scope(requested: string[] | undefined, defaults: string[] | null): Promise<ScopeRegion[]> {
    const all = await this.regions.list(false);
    if (requested && requested.length > 0) {
      const known = new Set(all.map((r) => r.code));
      const unknown = requested.filter((c) => !known.has(c));
      if (unknown.length > 0)
        throw ValidationError.field('regions', `unknown region codes: ${unknown.join(', ')}`);
      return buildScope([...new Set(requested)], all);
    }
    return buildScope(defaults ?? all.filter((r) => r.level === 'district').map((r) => r.code), all);
  }
}
