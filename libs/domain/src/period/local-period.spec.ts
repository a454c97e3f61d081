import {
  bucketKeyOf,
  type CalendarPeriod,
  elapsedFraction,
  expectedProgressInPeriod,
  lastDateOf,
  nextPeriod,
  periodKey,
  periodOf,
  periodRange,
  periodsInRange,
  previousPeriod,
} from './local-period';

describe('bucketKeyOf (local calendar buckets)', () => {
  it.each([
    // 23:30 on the last day of January in Shanghai is still January, though it is 15:30Z.
    ['2025-01-31T23:30:00+08:00', 'Asia/Shanghai', 'day', '2025-01-31'],
    ['2025-01-31T23:30:00+08:00', 'Asia/Shanghai', 'month', '2025-01'],
    ['2025-02-01T00:00:00+08:00', 'Asia/Shanghai', 'month', '2025-02'],
    ['2025-03-31T23:59:59+08:00', 'Asia/Shanghai', 'quarter', '2025-Q1'],
    ['2025-04-01T00:00:00+08:00', 'Asia/Shanghai', 'quarter', '2025-Q2'],
    ['2024-12-31T23:30:00+08:00', 'Asia/Shanghai', 'year', '2024'],
    ['2024-12-31T16:00:00Z', 'Asia/Shanghai', 'year', '2025'],
    // The same instant seen from UTC belongs to another year.
    ['2024-12-31T16:00:00Z', 'UTC', 'year', '2024'],
    ['2025-03-30T23:30:00+02:00', 'Europe/Paris', 'day', '2025-03-30'],
    ['2025-10-26T23:30:00+01:00', 'Europe/Paris', 'month', '2025-10'],
  ] as const)('%s in %s by %s → %s', (iso, zone, unit, key) => {
    expect(bucketKeyOf(new Date(iso), unit, zone)).toBe(key);
  });
});

describe('periodRange', () => {
  it.each<[CalendarPeriod, string, string, string]>([
    [
      { unit: 'month', year: 2025, month: 1 },
      'Asia/Shanghai',
      '2024-12-31T16:00:00.000Z',
      '2025-01-31T16:00:00.000Z',
    ],
    [
      { unit: 'quarter', year: 2025, quarter: 4 },
      'Asia/Shanghai',
      '2025-09-30T16:00:00.000Z',
      '2025-12-31T16:00:00.000Z',
    ],
    [{ unit: 'year', year: 2025 }, 'Asia/Shanghai', '2024-12-31T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
    // The day Paris springs forward is 23 hours long; the day it falls back is 25.
    [
      { unit: 'day', year: 2025, month: 3, day: 30 },
      'Europe/Paris',
      '2025-03-29T23:00:00.000Z',
      '2025-03-30T22:00:00.000Z',
    ],
    [
      { unit: 'day', year: 2025, month: 10, day: 26 },
      'Europe/Paris',
      '2025-10-25T22:00:00.000Z',
      '2025-10-26T23:00:00.000Z',
    ],
    [
      { unit: 'month', year: 2025, month: 3 },
      'Europe/Paris',
      '2025-02-28T23:00:00.000Z',
      '2025-03-31T22:00:00.000Z',
    ],
  ])('%o in %s is [%s, %s)', (period, zone, start, end) => {
    const range = periodRange(period, zone);
    expect(range.start.toISOString()).toBe(start);
    expect(range.end.toISOString()).toBe(end);
  });

  it('contains every instant it buckets to, across a DST year', () => {
    for (let month = 1; month <= 12; month += 1) {
      const range = periodRange({ unit: 'month', year: 2025, month }, 'Europe/Paris');
      expect(bucketKeyOf(range.start, 'month', 'Europe/Paris')).toBe(
        `2025-${String(month).padStart(2, '0')}`,
      );
      expect(bucketKeyOf(new Date(range.end.getTime() - 1), 'month', 'Europe/Paris')).toBe(
        `2025-${String(month).padStart(2, '0')}`,
      );
    }
  });
});

describe('previous / next period', () => {
  it.each<[CalendarPeriod, string, string]>([
    [{ unit: 'month', year: 2025, month: 1 }, '2024-12', '2025-02'],
    [{ unit: 'quarter', year: 2025, quarter: 1 }, '2024-Q4', '2025-Q2'],
    [{ unit: 'quarter', year: 2025, quarter: 4 }, '2025-Q3', '2026-Q1'],
    [{ unit: 'year', year: 2025 }, '2024', '2026'],
    [{ unit: 'day', year: 2024, month: 3, day: 1 }, '2024-02-29', '2024-03-02'],
    [{ unit: 'day', year: 2025, month: 1, day: 1 }, '2024-12-31', '2025-01-02'],
  ])('%o: previous %s, next %s', (period, prev, next) => {
    expect(periodKey(previousPeriod(period))).toBe(prev);
    expect(periodKey(nextPeriod(period))).toBe(next);
  });

  it('knows the last day of February in leap years', () => {
    expect(lastDateOf({ unit: 'month', year: 2024, month: 2 })).toEqual({ year: 2024, month: 2, day: 29 });
    expect(lastDateOf({ unit: 'quarter', year: 2025, quarter: 1 })).toEqual({
      year: 2025,
      month: 3,
      day: 31,
    });
  });
});

describe('periodsInRange', () => {
  it('lists the months overlapping a range, including partial ends', () => {
    const keys = periodsInRange(
      new Date('2024-11-15T00:00:00+08:00'),
      new Date('2025-02-01T00:00:00+08:00'),
      'month',
    ).map((p) => p.key);
    expect(keys).toEqual(['2024-11', '2024-12', '2025-01']);
  });

  it('lists quarters across a year boundary', () => {
    const keys = periodsInRange(
      new Date('2024-08-01T00:00:00+08:00'),
      new Date('2025-04-01T00:00:01+08:00'),
      'quarter',
    ).map((p) => p.key);
    expect(keys).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
  });

  it('is empty for an empty or inverted range', () => {
    const t = new Date('2025-01-01T00:00:00Z');
    expect(periodsInRange(t, t, 'day')).toEqual([]);
    expect(periodsInRange(t, new Date(t.getTime() - 1), 'day')).toEqual([]);
  });

  it('counts 23- and 25-hour days as single days in Paris', () => {
    const days = periodsInRange(
      new Date('2025-03-29T12:00:00Z'),
      new Date('2025-03-31T22:00:00Z'),
      'day',
      'Europe/Paris',
    );
    expect(days.map((d) => d.key)).toEqual(['2025-03-29', '2025-03-30', '2025-03-31']);
    expect(days[1].end.getTime() - days[1].start.getTime()).toBe(23 * 3_600_000);
  });
});

describe('elapsed / expected progress fraction', () => {
  const range = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-01-11T00:00:00Z') };
  it.each([
    ['2024-12-31T00:00:00Z', 0],
    ['2025-01-01T00:00:00Z', 0],
    ['2025-01-06T00:00:00Z', 0.5],
    ['2025-01-11T00:00:00Z', 1],
    ['2026-01-01T00:00:00Z', 1],
  ])('at %s → %p', (iso, expected) => {
    expect(elapsedFraction(new Date(iso), range)).toBeCloseTo(expected, 12);
  });

  it('treats a zero-length range as due once reached', () => {
    const point = { start: range.start, end: range.start };
    expect(elapsedFraction(new Date('2024-12-31T00:00:00Z'), point)).toBe(0);
    expect(elapsedFraction(range.start, point)).toBe(1);
  });

  it('measures the share of the local year', () => {
    // 2025-07-02T12:00+08:00 is the middle of a 365-day year.
    const f = expectedProgressInPeriod(new Date('2025-07-02T12:00:00+08:00'), { unit: 'year', year: 2025 });
    expect(f).toBeCloseTo(0.5, 12);
    expect(periodOf(new Date('2025-07-02T12:00:00+08:00'), 'year')).toEqual({ unit: 'year', year: 2025 });
  });
});
