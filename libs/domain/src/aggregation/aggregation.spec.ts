import type { RollupCell } from '../model/observation';
import { aggregateRegions, type RegionCell } from './region-aggregation';
import { aggregateTime, mergeRollups } from './time-aggregation';

// Two districts: a small one with a high rate and a large one with a low rate.
const districts: RegionCell[] = [
  { regionCode: '990101', value: 50, numerator: 5, denominator: 10, weight: 100_000 },
  { regionCode: '990102', value: 10, numerator: 100, denominator: 1000, weight: 900_000 },
];

describe('aggregateRegions', () => {
  it('ratio of sums differs from the mean of the rates (and is the right answer)', () => {
    const ratio = aggregateRegions(districts, 'ratio_of_sums', { ratioScale: 100 });
    const meanOfRates = aggregateRegions(districts, 'mean');
    expect(ratio.value).toBeCloseTo((105 / 1010) * 100, 10); // ≈ 10.40 %
    expect(meanOfRates.value).toBeCloseTo(30, 10); // what averaging percentages would wrongly give
    expect(ratio.value).not.toBeCloseTo(meanOfRates.value ?? 0, 1);
  });

  it.each([
    ['weighted_mean', 14, 2],
    ['sum', 60, 2],
    ['mean', 30, 2],
  ] as const)('%s → %p', (rule, value, used) => {
    expect(aggregateRegions(districts, rule)).toMatchObject({
      value: expect.closeTo(value, 10),
      used,
      skipped: 0,
    });
  });

  it('skips regions without components instead of averaging their rate in', () => {
    const cells: RegionCell[] = [...districts, { regionCode: '990103', value: 90 }];
    expect(aggregateRegions(cells, 'ratio_of_sums', { ratioScale: 100 })).toMatchObject({
      value: expect.closeTo((105 / 1010) * 100, 10),
      used: 2,
      skipped: 1,
    });
  });

  it.each([
    ['no cells', [], 'ratio_of_sums', 'no_cells'],
    ['rates without components', [{ value: 12 }, { value: 14 }], 'ratio_of_sums', 'missing_components'],
    ['zero denominators', [{ numerator: 0, denominator: 0 }], 'ratio_of_sums', 'zero_denominator'],
    ['values without weights', [{ value: 1 }, { value: 2, weight: 0 }], 'weighted_mean', 'missing_weights'],
    ['no finite values', [{ value: null }, { value: Number.NaN }], 'sum', 'no_cells'],
  ] as const)('%s → null (%s)', (_name, cells, rule, reason) => {
    expect(aggregateRegions(cells, rule)).toMatchObject({ value: null, reason });
  });
});

const cell = (over: Partial<RollupCell>): RollupCell => ({
  count: 1,
  sum: 0,
  min: 0,
  max: 0,
  last: 0,
  lastAt: new Date('2025-01-01T00:00:00Z'),
  ...over,
});

// January: 30 daily readings averaging 2.0; the first day of February: one reading of 1.0.
const january = cell({
  count: 30,
  sum: 60,
  min: 1.5,
  max: 2.5,
  last: 2.2,
  lastAt: new Date('2025-01-31T15:30:00Z'),
  numeratorSum: 30,
  denominatorSum: 300,
});
const february = cell({
  count: 1,
  sum: 1,
  min: 1,
  max: 1,
  last: 1,
  lastAt: new Date('2025-02-01T02:00:00Z'),
  numeratorSum: 9,
  denominatorSum: 10,
});

describe('mergeRollups', () => {
  it('combines counts, sums, extremes, the latest value and the components', () => {
    expect(mergeRollups([february, january])).toEqual({
      count: 31,
      sum: 61,
      min: 1,
      max: 2.5,
      last: 1,
      lastAt: february.lastAt,
      numeratorSum: 39,
      denominatorSum: 310,
    });
  });

  it('keeps components null when no cell has them, and returns null for nothing', () => {
    expect(mergeRollups([cell({})])?.numeratorSum).toBeNull();
    expect(mergeRollups([])).toBeNull();
  });
});

describe('aggregateTime', () => {
  it.each([
    ['sum', 61],
    // Mean over all 31 observations, not the mean (2.0 + 1.0)/2 of the two buckets.
    ['mean', 61 / 31],
    ['last', 1],
    // Ratio of sums ×100: 39/310, not the mean of 10 % and 90 %.
    ['ratio', (39 / 310) * 100],
  ] as const)('%s → %p', (rule, value) => {
    const result = aggregateTime([january, february], rule, { ratioScale: 100 });
    expect(result.value).toBeCloseTo(value, 10);
  });

  it.each([
    ['no cells', [], 'sum', 'no_cells'],
    ['empty buckets', [cell({ count: 0 })], 'mean', 'no_observations'],
    ['ratio without components', [cell({})], 'ratio', 'missing_components'],
    ['zero denominator', [cell({ numeratorSum: 0, denominatorSum: 0 })], 'ratio', 'zero_denominator'],
  ] as const)('%s → null (%s)', (_name, cells, rule, reason) => {
    expect(aggregateTime(cells, rule)).toEqual({ value: null, reason });
  });
});
