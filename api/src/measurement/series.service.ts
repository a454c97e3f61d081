import { Injectable } from '@nestjs/common';
import type { SeriesGranularity, SeriesPoint } from '@civicpulse/contracts';
import {
  firstDateOf,
  formatLocalDate,
  parseLocalDate,
  periodContainingDate,
  periodsInRange,
  type ResolvedPeriodSpec,
  type RollupCell,
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
type BucketCells = Map<number, Map<string, RollupCell[]>>;

function push(index: BucketCells, regionId: number, key: string, cell: RollupCell): void {
  const byKey = index.get(regionId) ?? new Map<string, RollupCell[]>();
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
  constructor(
    private readonly rollups: RollupReadRepository,
    private readonly observations: ObservationSeriesRepository,
  ) {}

  /** Bucket keys of the window at a granularity (local first day, or local hour `yyyy-mm-ddTHH:00`). */
  bucketKeys(window: ResolvedPeriodSpec, granularity: SeriesGranularity, timeZone: string): string[] {
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
    const keys = this.bucketKeys(window, granularity, timeZone);
    const regionIds = scopeRegionIds(scope);
    const index =
      granularity === 'hour'
        ? await this.hourlyCells(indicator, regionIds, window, timeZone)
        : await this.rollupCells(indicator, regionIds, granularity, window);
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

  private async rollupCells(
    indicator: IndicatorRecord,
    regionIds: number[],
    granularity: Exclude<SeriesGranularity, 'hour'>,
    window: ResolvedPeriodSpec,
  ): Promise<BucketCells> {
    const rows = await this.rollups.findRollups({
      level: LEVEL_OF[granularity],
      indicatorIds: [indicator.id],
      regionIds,
      fromBucket: formatLocalDate(window.firstDate),
      toBucket: formatLocalDate(window.lastDate),
    });
    const index: BucketCells = new Map();
    for (const row of rows) {
      const key =
        granularity === 'quarter'
          ? formatLocalDate(firstDateOf(periodContainingDate(parseLocalDate(row.bucket), 'quarter')))
          : row.bucket;
      push(index, row.regionId, key, row.cell);
    }
    return index;
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
          count: 1,
          sum: o.value,
          min: o.value,
          max: o.value,
          last: o.value,
          lastAt: o.periodStart,
          numeratorSum: o.numerator,
          denominatorSum: o.denominator,
        });
      }
      const last = page[page.length - 1];
      if (page.length < 5_000 || !last) break;
      after = { regionId: last.regionId, periodStart: last.periodStart, grain: last.grain };
    }
    return index;
  }
}
