import { Inject, Injectable } from '@nestjs/common';
import {
  parseLocalDate,
  periodContainingDate,
  periodKey,
  resolvePeriodSpec,
  type ResolvedPeriodSpec,
} from '@civicpulse/domain';
import { type IndicatorRecord, type RollupLevel, RollupReadRepository } from '@civicpulse/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type ScopeRegion, scopeRegionIds } from './region-scope';
import {
  combineRegions,
  planBuckets,
  regionValueOverTime,
  type RegionWindowValue,
  type WeighedRegionValue,
  type WindowCell,
} from './rollup-window';

/** An indicator's value over a window and a set of regions. */
export interface IndicatorScopeValue {
  indicator: IndicatorRecord;
  /** Combined over the scope regions by the indicator's region rule. */
  value: number | null;
  /** One entry per scope region, in scope order (value null without data). */
  regions: WeighedRegionValue[];
  regionsWithData: string[];
  lastAt: Date | null;
  /**
   * Key of the period the value comes from (`2025`, `2025-09`) when it was carried forward from
   * before the requested window; absent when the value belongs to the window itself.
   */
  valuePeriod?: string;
}

type CellIndex = Map<number, Map<number, WindowCell[]>>;

/**
 * Values of indicators over a window, read from the rollup tables only (never observations) and
 * aggregated over time and regions by each indicator's own rules through libs/domain.
 */
@Injectable()
export class IndicatorValuesService {
  constructor(
    private readonly rollups: RollupReadRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  get timeZone(): string {
    return this.config.timeZone;
  }

  async windowValues(
    indicators: readonly IndicatorRecord[],
    scope: readonly ScopeRegion[],
    window: ResolvedPeriodSpec,
  ): Promise<Map<string, IndicatorScopeValue>> {
    const index = await this.readCells(
      indicators.map((i) => i.id),
      scopeRegionIds(scope),
      window,
    );
    const result = new Map<string, IndicatorScopeValue>();
    for (const indicator of indicators) {
      const cellsOf = (regionId: number): WindowCell[] => index.get(indicator.id)?.get(regionId) ?? [];
      const regions = scope.map((region) => valueOfRegion(indicator, region, cellsOf));
      const withData = regions.filter((r) => r.value !== null);
      const lastAts = withData.map((r) => r.lastAt).filter((d): d is Date => d !== null);
      result.set(indicator.code, {
        indicator,
        value: combineRegions(indicator, regions),
        regions,
        regionsWithData: withData.map((r) => r.regionCode),
        lastAt: lastAts.length > 0 ? new Date(Math.max(...lastAts.map((d) => d.getTime()))) : null,
      });
    }
    return result;
  }

  /**
   * Values "as of" an instant: for each indicator, the latest rollup bucket with data for the
   * scope whose values all start before `before`, aggregated by the indicator's own rules as if
   * that bucket were the window. Yearly indicators are read per year, the others per month, so
   * the value is labelled with the period it was published for. Indicators without any earlier
   * data are absent.
   */
  async latestValuesBefore(
    indicators: readonly IndicatorRecord[],
    scope: readonly ScopeRegion[],
    before: Date,
  ): Promise<Map<string, IndicatorScopeValue>> {
    const result = new Map<string, IndicatorScopeValue>();
    const regionIds = scopeRegionIds(scope);
    const levels = ['year', 'month'] as const satisfies readonly RollupLevel[];
    const perLevel = await Promise.all(
      levels.map(async (level) => {
        const ofLevel = indicators.filter((i) => (i.frequency === 'year') === (level === 'year'));
        if (ofLevel.length === 0) return [];
        const latest = await this.rollups.findLatestBucketsBefore({
          level,
          indicatorIds: ofLevel.map((i) => i.id),
          regionIds,
          before,
        });
        // Indicators whose latest data share a bucket are read together: one window per bucket.
        const byBucket = new Map<string, IndicatorRecord[]>();
        for (const row of latest) {
          const indicator = ofLevel.find((i) => i.id === row.indicatorId);
          if (!indicator) continue;
          byBucket.set(row.bucket, [...(byBucket.get(row.bucket) ?? []), indicator]);
        }
        return Promise.all(
          [...byBucket].map(async ([bucket, group]) => {
            const period = periodContainingDate(parseLocalDate(bucket), level);
            const window = resolvePeriodSpec({ kind: 'period', period }, this.config.timeZone);
            return { key: periodKey(period), values: await this.windowValues(group, scope, window) };
          }),
        );
      }),
    );
    for (const { key, values } of perLevel.flat()) {
      for (const [code, value] of values) {
        if (value.value !== null) result.set(code, { ...value, valuePeriod: key });
      }
    }
    return result;
  }

  private async readCells(
    indicatorIds: number[],
    regionIds: number[],
    window: ResolvedPeriodSpec,
  ): Promise<CellIndex> {
    const index: CellIndex = new Map();
    const plans = planBuckets(window);
    // One read per rollup level, all at once.
    const reads = await Promise.all(
      plans.map((plan) =>
        this.rollups.findRollups({
          level: plan.level,
          indicatorIds,
          regionIds,
          fromBucket: plan.fromBucket,
          toBucket: plan.toBucket,
        }),
      ),
    );
    plans.forEach((plan, i) => {
      for (const row of reads[i]) {
        if (!plan.buckets.has(row.bucket)) continue;
        const byRegion = index.get(row.indicatorId) ?? new Map<number, WindowCell[]>();
        const cells = byRegion.get(row.regionId) ?? [];
        cells.push(row);
        byRegion.set(row.regionId, cells);
        index.set(row.indicatorId, byRegion);
      }
    });
    return index;
  }
}

/** A region's own value, or — when it has no data of its own — the combination of its children. */
export function valueOfRegion(
  indicator: IndicatorRecord,
  region: ScopeRegion,
  cellsOf: (regionId: number) => readonly WindowCell[],
): WeighedRegionValue {
  const own = regionValueOverTime(indicator, cellsOf(region.id));
  if (own.value !== null || region.children.length === 0) return weighed(own, region);
  // Runs for every region, bucket and KPI of a series: plain loops, no intermediate arrays.
  const children: WeighedRegionValue[] = [];
  let numerator: number | null = null;
  let denominator: number | null = null;
  let lastAt: Date | null = null;
  for (const child of region.children) {
    const value = regionValueOverTime(indicator, cellsOf(child.id));
    children.push(weighed(value, child));
    if (value.numerator !== null) numerator = (numerator ?? 0) + value.numerator;
    if (value.denominator !== null) denominator = (denominator ?? 0) + value.denominator;
    if (value.lastAt !== null && (lastAt === null || value.lastAt.getTime() > lastAt.getTime())) {
      lastAt = value.lastAt;
    }
  }
  return {
    regionCode: region.code,
    population: region.population,
    value: combineRegions(indicator, children),
    numerator,
    denominator,
    lastAt,
  };
}

function weighed(value: RegionWindowValue, region: ScopeRegion): WeighedRegionValue {
  return {
    value: value.value,
    numerator: value.numerator,
    denominator: value.denominator,
    lastAt: value.lastAt,
    regionCode: region.code,
    population: region.population,
  };
}
