import { parseTime } from './time-formats';
import { fromLocal, periodStartOf, toLocal } from './zoned-time';
import { PeriodResolver } from './period-resolver';

const SH = 'Asia/Shanghai';

function start(
  raw: unknown,
  format: Parameters<typeof parseTime>[1],
  grain: 'day' | 'month' | 'year' | 'quarter' | 'hour' | 'instant' = 'month',
): string | undefined {
  return new PeriodResolver(format, grain, SH).periodStart(raw)?.toISOString();
}

describe('time formats → period start (Asia/Shanghai)', () => {
  it.each([
    ['2023年1月', 'zh_month', 'month', '2022-12-31T16:00:00.000Z'],
    ['2020年3月', 'zh_month', 'month', '2020-02-29T16:00:00.000Z'],
    ['2023年1-2月', 'zh_month_range', 'month', '2022-12-31T16:00:00.000Z'],
    ['2023年', 'zh_year', 'year', '2022-12-31T16:00:00.000Z'],
    ['2023-01', 'yyyy-mm', 'month', '2022-12-31T16:00:00.000Z'],
    ['3/2020', 'm/yyyy', 'month', '2020-02-29T16:00:00.000Z'],
    ['20220218', 'yyyymmdd', 'day', '2022-02-17T16:00:00.000Z'],
    ['20052006', 'school_year', 'year', '2004-12-31T16:00:00.000Z'],
    ['2023Q3', 'quarter', 'quarter', '2023-06-30T16:00:00.000Z'],
    ['2023年第2季度', 'quarter', 'quarter', '2023-03-31T16:00:00.000Z'],
    ['2016-09-21T15:45:00.000', 'iso', 'hour', '2016-09-21T07:00:00.000Z'],
    ['2016-09-21T23:30:00Z', 'iso', 'day', '2016-09-21T16:00:00.000Z'],
    ['09/14/2012 10:38:01 PM', 'us_datetime', 'instant', '2012-09-14T14:38:01.000Z'],
  ] as const)('%s (%s, %s)', (raw, format, grain, expected) => {
    expect(start(raw, format, grain)).toBe(expected);
  });

  it('keeps the school year start month', () => {
    const parsed = parseTime('20052006', 'school_year', 9);
    expect(parsed).toEqual({
      kind: 'local',
      local: { year: 2005, month: 9, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
    });
    expect(parseTime('2005-06', 'school_year')).toMatchObject({ local: { year: 2005, month: 9 } });
    expect(parseTime('20052008', 'school_year')).toBeNull();
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(start(1704067200, 'epoch_s', 'day')).toBe('2023-12-31T16:00:00.000Z');
    expect(start('1704067200000', 'epoch_ms', 'month')).toBe('2023-12-31T16:00:00.000Z');
  });

  it('refuses malformed values', () => {
    expect(parseTime('2023年13月', 'zh_month')).toBeNull();
    expect(parseTime('2023-02-30', 'iso')).toBeNull();
    expect(parseTime('12-Sep', 'yyyy-mm')).toBeNull();
    expect(parseTime(null, 'iso')).toBeNull();
    expect(parseTime('abc', 'epoch_ms')).toBeNull();
  });
});

describe('zoned time', () => {
  it('round-trips wall-clock time in a DST zone', () => {
    const local = { year: 2024, month: 7, day: 1, hour: 9, minute: 30, second: 0, millisecond: 0 };
    const instant = fromLocal(local, 'America/New_York');
    expect(instant.toISOString()).toBe('2024-07-01T13:30:00.000Z');
    expect(toLocal(instant, 'America/New_York')).toEqual(local);
  });

  it('starts days and months at local midnight', () => {
    const instant = new Date('2024-03-31T20:00:00Z'); // 04:00 on 1 April in Shanghai
    expect(periodStartOf(instant, 'day', SH).toISOString()).toBe('2024-03-31T16:00:00.000Z');
    expect(periodStartOf(instant, 'month', SH).toISOString()).toBe('2024-03-31T16:00:00.000Z');
    expect(periodStartOf(instant, 'year', SH).toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(periodStartOf(instant, 'instant', SH).toISOString()).toBe('2024-03-31T20:00:00.000Z');
  });
});
