import { resolvePeriodSpec } from '@civicpulse/domain';
import type { IndicatorRecord } from '@civicpulse/db';
import { combineRegions, planBuckets, regionValueOverTime, type WindowCell } from './rollup-window';

const cell = (
  value: number,
  at: string,
  num: number | null = null,
  den: number | null = null,
): WindowCell => ({
  cell: {
    count: 1,
    sum: value,
    min: value,
    max: value,
    last: value,
    lastAt: new Date(at),
    numeratorSum: num,
    denominatorSum: den,
  },
  lastNumerator: num,
  lastDenominator: den,
});

const indicator = (overrides: Partial<IndicatorRecord>): IndicatorRecord => ({
  id: 1,
  code: 'x',
  domain: 'traffic',
  nameZh: 'x',
  nameEn: 'x',
  unit: '%',
  direction: 'higher_is_better',
  timeAggregation: 'mean',
  regionAggregation: 'mean',
  frequency: 'month',
  regionWeight: null,
  ...overrides,
});

describe('planBuckets', () => {
  it('reads a year to date as month rows plus day rows', () => {
    const plan = planBuckets(resolvePeriodSpec('ytd:2025-03-10'));
    expect(plan).toEqual([
      {
        level: 'month',
        fromBucket: '2025-01-01',
        toBucket: '2025-02-01',
        buckets: new Set(['2025-01-01', '2025-02-01']),
      },
      expect.objectContaining({ level: 'day', fromBucket: '2025-03-01', toBucket: '2025-03-10' }),
    ]);
  });

  it('reads a whole year as one year row', () => {
    expect(planBuckets(resolvePeriodSpec('2024'))).toEqual([
      { level: 'year', fromBucket: '2024-01-01', toBucket: '2024-01-01', buckets: new Set(['2024-01-01']) },
    ]);
  });
});

describe('regionValueOverTime', () => {
  it('keeps the latest components for stocks', () => {
    const stock = indicator({ timeAggregation: 'last', regionAggregation: 'ratio_of_sums' });
    const v = regionValueOverTime(stock, [
      cell(50, '2025-02-01T00:00:00Z', 5, 10),
      cell(40, '2025-01-01T00:00:00Z', 4, 10),
    ]);
    expect(v).toMatchObject({ value: 50, numerator: 5, denominator: 10 });
  });

  it('keeps the newest observation’s components for stocks, not the bucket’s sums', () => {
    const stock = indicator({ timeAggregation: 'last', regionAggregation: 'ratio_of_sums', ratioScale: 100 });
    // A year bucket of monthly rates: the sums cover all twelve months, the last is December's.
    const december = cell(80, '2025-12-01T00:00:00Z');
    const year: WindowCell = {
      cell: { ...december.cell, count: 12, numeratorSum: 900, denominatorSum: 1200 },
      lastNumerator: 80,
      lastDenominator: 100,
    };
    expect(regionValueOverTime(stock, [year])).toMatchObject({ value: 80, numerator: 80, denominator: 100 });
  });

  it('sums components over time for flows', () => {
    const rate = indicator({ timeAggregation: 'ratio', regionAggregation: 'ratio_of_sums', ratioScale: 100 });
    const v = regionValueOverTime(rate, [
      cell(50, '2025-02-01T00:00:00Z', 5, 10),
      cell(40, '2025-01-01T00:00:00Z', 4, 10),
    ]);
    expect(v).toMatchObject({ value: 45, numerator: 9, denominator: 20 });
  });

  it('is empty without cells', () => {
    expect(regionValueOverTime(indicator({}), []).value).toBeNull();
  });
});

describe('combineRegions', () => {
  it('weighs weighted means by population', () => {
    const v = combineRegions(indicator({ regionAggregation: 'weighted_mean' }), [
      {
        regionCode: 'a',
        value: 1.75,
        numerator: null,
        denominator: null,
        lastAt: null,
        population: 1_000_000,
      },
      { regionCode: 'b', value: 1.65, numerator: null, denominator: null, lastAt: null, population: 500_000 },
      { regionCode: 'c', value: null, numerator: null, denominator: null, lastAt: null, population: 500_000 },
    ]);
    expect(v).toBeCloseTo((1.75 * 2 + 1.65) / 3, 10);
  });

  it('falls back to the single region when its weight is unknown', () => {
    const v = combineRegions(indicator({ regionAggregation: 'weighted_mean' }), [
      { regionCode: 'a', value: 1.75, numerator: null, denominator: null, lastAt: null, population: null },
    ]);
    expect(v).toBe(1.75);
  });
});
