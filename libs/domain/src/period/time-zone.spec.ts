import { InvalidTimeZoneError } from '../domain-error';
import {
  assertTimeZone,
  fromLocalDateTime,
  isValidTimeZone,
  toLocalDateTime,
  zoneOffsetMinutes,
} from './time-zone';

describe('zoneOffsetMinutes', () => {
  it.each([
    ['Asia/Shanghai', '2025-01-31T15:30:00Z', 480],
    ['Asia/Shanghai', '2025-07-01T00:00:00Z', 480],
    ['Europe/Paris', '2025-01-15T12:00:00Z', 60],
    ['Europe/Paris', '2025-07-15T12:00:00Z', 120],
    // Paris springs forward at 01:00Z on 30 March 2025 and falls back at 01:00Z on 26 October.
    ['Europe/Paris', '2025-03-30T00:59:59Z', 60],
    ['Europe/Paris', '2025-03-30T01:00:00Z', 120],
    ['Europe/Paris', '2025-10-26T00:59:59Z', 120],
    ['Europe/Paris', '2025-10-26T01:00:00Z', 60],
    ['America/New_York', '2025-01-15T12:00:00Z', -300],
    ['Asia/Kolkata', '2025-01-15T12:00:00Z', 330],
    ['UTC', '2025-01-15T12:00:00Z', 0],
  ])('%s at %s is %i minutes', (zone, iso, expected) => {
    expect(zoneOffsetMinutes(new Date(iso), zone)).toBe(expected);
  });
});

describe('fromLocalDateTime / toLocalDateTime', () => {
  it.each([
    ['Asia/Shanghai', { year: 2025, month: 2, day: 1 }, '2025-01-31T16:00:00.000Z'],
    ['Europe/Paris', { year: 2025, month: 3, day: 30 }, '2025-03-29T23:00:00.000Z'],
    ['Europe/Paris', { year: 2025, month: 3, day: 31 }, '2025-03-30T22:00:00.000Z'],
    // 02:30 does not exist on spring-forward day: moved forward by the gap to 03:30 CEST.
    ['Europe/Paris', { year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, '2025-03-30T01:30:00.000Z'],
    // 02:30 happens twice on fall-back day: the earlier (CEST) instant wins.
    ['Europe/Paris', { year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, '2025-10-26T00:30:00.000Z'],
    // São Paulo skipped midnight on 4 Nov 2018: the day started at 01:00 local.
    ['America/Sao_Paulo', { year: 2018, month: 11, day: 4 }, '2018-11-04T03:00:00.000Z'],
  ])('%s %o → %s', (zone, local, iso) => {
    expect(fromLocalDateTime(local, zone).toISOString()).toBe(iso);
  });

  it.each([
    ['Asia/Shanghai', '2025-01-31T15:30:00Z', { year: 2025, month: 1, day: 31, hour: 23, minute: 30 }],
    ['Asia/Shanghai', '2025-01-31T16:00:00Z', { year: 2025, month: 2, day: 1, hour: 0, minute: 0 }],
    ['Europe/Paris', '2025-10-26T00:30:00Z', { year: 2025, month: 10, day: 26, hour: 2, minute: 30 }],
  ])('%s %s has wall clock %o', (zone, iso, expected) => {
    expect(toLocalDateTime(new Date(iso), zone)).toMatchObject(expected);
  });

  it('round-trips every hour of a DST year in Paris', () => {
    const start = Date.UTC(2025, 0, 1);
    for (let t = start; t < start + 365 * 86_400_000; t += 3_600_000) {
      const local = toLocalDateTime(t, 'Europe/Paris');
      const back = fromLocalDateTime(local, 'Europe/Paris').getTime();
      // In the repeated fall-back hour the earlier instant is chosen, one hour before.
      expect([t, t - 3_600_000]).toContain(back);
    }
  });
});

/** The wall clock straight from Intl, to check the constant-offset arithmetic against. */
function intlWallClock(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const field = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [
    field('year'),
    field('month'),
    field('day'),
    field('hour') % 24,
    field('minute'),
    field('second'),
  ].join(' ');
}

function wallClock(ms: number, timeZone: string): string {
  const l = toLocalDateTime(ms, timeZone);
  return [l.year, l.month, l.day, l.hour, l.minute, l.second].join(' ');
}

describe('constant-offset years', () => {
  it.each([
    // No DST: one offset all year.
    ['Asia/Shanghai', 2025],
    ['Asia/Kolkata', 2024],
    // Moscow moved from +4 to +3 on 26 October 2014 and kept it.
    ['Europe/Moscow', 2014],
    ['Europe/Moscow', 2015],
    // Pyongyang moved from +9 to +8:30 on 15 August 2015.
    ['Asia/Pyongyang', 2015],
    ['Europe/Paris', 2025],
  ])('%s in %i: every 97 minutes equal to Intl, year ends included', (zone, year) => {
    const start = Date.UTC(year, 0, 1) - 86_400_000;
    const end = Date.UTC(year + 1, 0, 1) + 86_400_000;
    for (let t = start; t < end; t += 97 * 60_000 + 1_001) {
      expect(wallClock(t, zone)).toBe(intlWallClock(t, zone));
    }
  });

  it('knows the offsets on either side of a change of standard time', () => {
    expect(zoneOffsetMinutes(new Date('2014-10-25T21:59:59Z'), 'Europe/Moscow')).toBe(240);
    expect(zoneOffsetMinutes(new Date('2014-10-25T22:00:00Z'), 'Europe/Moscow')).toBe(180);
    expect(fromLocalDateTime({ year: 2015, month: 1, day: 1 }, 'Europe/Moscow').toISOString()).toBe(
      '2014-12-31T21:00:00.000Z',
    );
  });
});

describe('time zone validation', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['Europe/Paris', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('%p valid: %p', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  it('throws a named error for an unknown zone', () => {
    expect(() => assertTimeZone('Asia/Shanghia')).toThrow(InvalidTimeZoneError);
  });
});
