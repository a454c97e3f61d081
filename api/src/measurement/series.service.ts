import { Injectable } from '@nestjs/common';
import type { SeriesGranularity, SeriesPoint } from '@civicpulse/contracts';
import {
  firstDateOf,
  formatLocalDate,
  parseLocalDate,
  periodContainingDate,
  periodsInRange,
  type ResolvedPeriodSpec,
  toLocalDateTime,
} from '@civicpulse/domain';
import {
  type IndicatorRecord,
  ObservationSeriesRepository,
  type RollupLevel,
  RollupReadRepository,
} from '@civicpulse/db';
import { ValidationError } from '@civicpulse/server-kit';
import { valueOfRegion } from './indicator-values.service';
import { type ScopeRegion, scopeRegionIds } from './region-scope';
import type { WindowCell } from './rollup-window';

/** Longest series answered in one response, per region. */
export const MAX_SERIES_POINTS = 1_500;
/** Hourly series come from observations (rollups stop at days), so their window is kept short. */
export const MAX_HOURLY_DAYS = 31;

const LEVEL_OF: Record<Exclude<SeriesGranularity, 'hour'>, RollupLevel> = {
  day: 'day',
  month: 'month',
  quarter: 'month',
  year: 'year',
};

/** Cells per bucket key, per region id. */
type BucketCells = Map<number, Map<string, WindowCell[]>>;

/** Bound on the memoised bucket-key lists (windows asked for repeat: the same months, quarters). */
const MAX_MEMOISED_WINDOWS = 1_000;

function push(index: BucketCells, regionId: number, key: string, cell: WindowCell): void {
  const byKey = index.get(regionId) ?? new Map<string, WindowCell[]>();
  const cells = byKey.get(key) ?? [];
  cells.push(cell);
  byKey.set(key, cells);
  index.set(regionId, byKey);
}

function hourKey(instant: Date, timeZone: string): string {
  const t = toLocalDateTime(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:00`;
}

/** Time series of one indicator per region: rollups for day and coarser, observations for hours. */
@Injectable()
export class SeriesService {
  /** Bucket keys per (window, granularity, time zone): the period math behind them is costly. */
  private readonly keysMemo = new Map<string, readonly string[]>();

  constructor(
    private readonly rollups: RollupReadRepository,
    private readonly observations: ObservationSeriesRepository,
  ) {}

  /**
   * Bucket keys of the window at a granularity (local first day, or local hour `yyyy-mm-ddTHH:00`).
   * Memoised: they depend on nothing but the window, the granularity and the zone.
   */
  bucketKeys(
    window: ResolvedPeriodSpec,
    granularity: SeriesGranularity,
    timeZone: string,
  ): readonly string[] {
    const memoKey = `${window.start.getTime()}|${window.end.getTime()}|${granularity}|${timeZone}`;
    const known = this.keysMemo.get(memoKey);
    if (known) return known;
    const keys = this.computeBucketKeys(window, granularity, timeZone);
    if (this.keysMemo.size >= MAX_MEMOISED_WINDOWS) this.keysMemo.clear();
    this.keysMemo.set(memoKey, keys);
    return keys;
  }

  private computeBucketKeys(
    window: ResolvedPeriodSpec,
    granularity: SeriesGranularity,
    timeZone: string,
  ): string[] {
    if (granularity === 'hour') {
      const days = (window.end.getTime() - window.start.getTime()) / 86_400_000;
      if (days > MAX_HOURLY_DAYS) {
        throw ValidationError.field('granularity', `hourly series cover at most ${MAX_HOURLY_DAYS} days`);
      }
      const keys: string[] = [];
      for (let t = window.start.getTime(); t < window.end.getTime(); t += 3_600_000)
        keys.push(hourKey(new Date(t), timeZone));
      return [...new Set(keys)];
    }
    const periods = periodsInRange(window.start, window.end, granularity, timeZone);
    if (periods.length > MAX_SERIES_POINTS) {
      throw ValidationError.field(
        'granularity',
        `the window has ${periods.length} ${granularity}s; at most ${MAX_SERIES_POINTS} points per series`,
      );
    }
    return periods.map((p) => formatLocalDate(firstDateOf(p.period)));
  }

  /** One series per scope region, aligned on the same bucket keys (gaps are null). */
  async series(
    indicator: IndicatorRecord,
    scope: readonly ScopeRegion[],
    granularity: SeriesGranularity,
    window: ResolvedPeriodSpec,
    timeZone: string,
  ): Promise<Map<string, SeriesPoint[]>> {
    if (granularity !== 'hour') {
      const many = await this.seriesOfMany([indicator], scope, granularity, window, timeZone);
      return many.get(indicator.code) ?? new Map();
    }
    const keys = this.bucketKeys(window, granularity, timeZone);
    const index = await this.hourlyCells(indicator, scopeRegionIds(scope), window, timeZone);
    return this.pointsOf(indicator, scope, keys, index);
  }

  /**
   * Series of several indicators over the same scope and window from one rollup read (the
   * sparklines of a scorecard, the headlines of the overview): by indicator code, then region code.
   */
  async seriesOfMany(
    indicators: readonly IndicatorRecord[],
    scope: readonly ScopeRegion[],
    granularity: Exclude<SeriesGranularity, 'hour'>,
    window: ResolvedPeriodSpec,
    timeZone: string,
  ): Promise<Map<string, Map<string, SeriesPoint[]>>> {
    const keys = this.bucketKeys(window, granularity, timeZone);
    const byIndicator = await this.rollupCells(indicators, scopeRegionIds(scope), granularity, window);
    const result = new Map<string, Map<string, SeriesPoint[]>>();
    for (const indicator of indicators) {
      const index: BucketCells = byIndicator.get(indicator.id) ?? new Map();
      result.set(indicator.code, this.pointsOf(indicator, scope, keys, index));
    }
    return result;
  }

  private pointsOf(
    indicator: IndicatorRecord,
    scope: readonly ScopeRegion[],
    keys: readonly string[],
    index: BucketCells,
  ): Map<string, SeriesPoint[]> {
    const result = new Map<string, SeriesPoint[]>();
    for (const region of scope) {
      const points = keys.map((key) => ({
        t: key,
        v: valueOfRegion(indicator, region, (id) => index.get(id)?.get(key) ?? []).value,
      }));
      result.set(region.code, points);
    }
    return result;
  }

  /** Rollup cells by indicator id, then region id and bucket key (quarters gather their months). */
  private async rollupCells(
    indicators: readonly IndicatorRecord[],
    regionIds: number[],
    granularity: Exclude<SeriesGranularity, 'hour'>,
    window: ResolvedPeriodSpec,
  ): Promise<Map<number, BucketCells>> {
    const rows = await this.rollups.findRollups({
      level: LEVEL_OF[granularity],
      indicatorIds: indicators.map((i) => i.id),
      regionIds,
      fromBucket: formatLocalDate(window.firstDate),
      toBucket: formatLocalDate(window.lastDate),
    });
    const result = new Map<number, BucketCells>();
    const quarterOf = new Map<string, string>();
    for (const row of rows) {
      let key = row.bucket;
      if (granularity === 'quarter') {
        key =
          quarterOf.get(row.bucket) ??
          formatLocalDate(firstDateOf(periodContainingDate(parseLocalDate(row.bucket), 'quarter')));
        quarterOf.set(row.bucket, key);
      }
      const index = result.get(row.indicatorId) ?? new Map();
      push(index, row.regionId, key, row);
      result.set(row.indicatorId, index);
    }
    return result;
  }

  private async hourlyCells(
    indicator: IndicatorRecord,
    regionIds: number[],
    window: ResolvedPeriodSpec,
    timeZone: string,
  ): Promise<BucketCells> {
    const index: BucketCells = new Map();
    let after: Parameters<ObservationSeriesRepository['findObservationSeries']>[0]['after'];
    for (;;) {
      const page = await this.observations.findObservationSeries({
        indicatorId: indicator.id,
        regionIds,
        from: window.start,
        to: window.end,
        limit: 5_000,
        after,
      });
      for (const o of page) {
        push(index, o.regionId, hourKey(o.periodStart, timeZone), {
          cell: {
            count: 1,
            sum: o.value,
            min: o.value,
            max: o.value,
            last: o.value,
            lastAt: o.periodStart,
            numeratorSum: o.numerator,
            denominatorSum: o.denominator,
          },
          lastNumerator: o.numerator,
          lastDenominator: o.denominator,
        });
      }
      const last = page[page.length - 1];
      if (page.length < 5_000 || !last) break;
      after = { regionId: last.regionId, periodStart: last.periodStart, grain: last.grain };
    }
    return index;
  }
}
