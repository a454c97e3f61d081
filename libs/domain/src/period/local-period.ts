import { DEFAULT_TIME_ZONE, fromLocalDateTime, toLocalDateTime } from './time-zone';

/** Granularity of a local calendar period. */
export const PERIOD_UNITS = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * One local calendar period, independent of any time zone until it is resolved to instants.
 * Months and days are 1-based.
 */
export type CalendarPeriod =
  | { unit: 'year'; year: number }
  | { unit: 'quarter'; year: number; quarter: number }
  | { unit: 'month'; year: number; month: number }
  | { unit: 'day'; year: number; month: number; day: number };

/** A period resolved to absolute instants: `[start, end)`. */
export interface PeriodRange {
  start: Date;
  end: Date;
}

/** A calendar period together with its key and its bounds in one time zone. */
export interface ResolvedPeriod extends PeriodRange {
  period: CalendarPeriod;
  /** `2025-01-31`, `2025-01`, `2025-Q1` or `2025`. */
  key: string;
}

/** A local calendar date (no time, no zone). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** The local calendar date (`yyyy-mm-dd` parts) of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  const local = toLocalDateTime(instant, timeZone);
  return { year: local.year, month: local.month, day: local.day };
}

/** Formats a local date as ISO `yyyy-mm-dd`. */
export function formatLocalDate(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The calendar period of `unit` that contains a local date. */
export function periodContainingDate(date: LocalDate, unit: PeriodUnit): CalendarPeriod {
  switch (unit) {
    case 'day':
      return { unit, year: date.year, month: date.month, day: date.day };
    case 'month':
      return { unit, year: date.year, month: date.month };
    case 'quarter':
      return { unit, year: date.year, quarter: Math.ceil(date.month / 3) };
    case 'year':
      return { unit, year: date.year };
  }
}

/**
 * The local calendar period of `unit` that contains `instant` in `timeZone`.
 * 2025-01-31T23:30+08:00 is in month `2025-01` for Asia/Shanghai, even though it is
 * already 2025-01-31T15:30Z — that is the whole point of bucketing in local time.
 */
export function periodOf(
  instant: Date,
  unit: PeriodUnit,
  timeZone: string = DEFAULT_TIME_ZONE,
): CalendarPeriod {
  return periodContainingDate(localDateOf(instant, timeZone), unit);
}

/** The key of a period: `2025-01-31`, `2025-01`, `2025-Q1` or `2025`. */
export function periodKey(period: CalendarPeriod): string {
  switch (period.unit) {
    case 'day':
      return `${pad(period.year, 4)}-${pad(period.month)}-${pad(period.day)}`;
    case 'month':
      return `${pad(period.year, 4)}-${pad(period.month)}`;
    case 'quarter':
      return `${pad(period.year, 4)}-Q${period.quarter}`;
    case 'year':
      return pad(period.year, 4);
  }
}

/** Bucket key of `instant` for `unit` in `timeZone`; shorthand for `periodKey(periodOf(…))`. */
export function bucketKeyOf(instant: Date, unit: PeriodUnit, timeZone: string = DEFAULT_TIME_ZONE): string {
  return periodKey(periodOf(instant, unit, timeZone));
}

/** First local date of a period. */
export function firstDateOf(period: CalendarPeriod): LocalDate {
  switch (period.unit) {
    case 'day':
      return { year: period.year, month: period.month, day: period.day };
    case 'month':
      return { year: period.year, month: period.month, day: 1 };
    case 'quarter':
      return { year: period.year, month: (period.quarter - 1) * 3 + 1, day: 1 };
    case 'year':
      return { year: period.year, month: 1, day: 1 };
  }
}

/** Last local date of a period (inclusive). */
export function lastDateOf(period: CalendarPeriod): LocalDate {
  const next = firstDateOf(shiftPeriod(period, 1));
  return addDays(next, -1);
}

/** Adds (or with a negative count subtracts) whole days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The period `count` steps after (negative: before) `period`, same unit. */
export function shiftPeriod(period: CalendarPeriod, count: number): CalendarPeriod {
  switch (period.unit) {
    case 'day':
      return { unit: 'day', ...addDays(period, count) };
    case 'month': {
      const index = period.year * 12 + (period.month - 1) + count;
      return { unit: 'month', year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
    }
    case 'quarter': {
      const index = period.year * 4 + (period.quarter - 1) + count;
      return { unit: 'quarter', year: Math.floor(index / 4), quarter: (((index % 4) + 4) % 4) + 1 };
    }
    case 'year':
      return { unit: 'year', year: period.year + count };
  }
}

/** The period just before `period` (January → previous December, Q1 → previous Q4). */
export function previousPeriod(period: CalendarPeriod): CalendarPeriod {
  return shiftPeriod(period, -1);
}

/** The period just after `period`. */
export function nextPeriod(period: CalendarPeriod): CalendarPeriod {
  return shiftPeriod(period, 1);
}

/** Instant at which a local date starts (local midnight, or the first instant after a skipped midnight). */
export function startOfLocalDate(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return fromLocalDateTime(date, timeZone);
}

/** `[start, end)` of a period as UTC instants in `timeZone`; `end` is the next period's start. */
export function periodRange(period: CalendarPeriod, timeZone: string = DEFAULT_TIME_ZONE): PeriodRange {
  return {
    start: startOfLocalDate(firstDateOf(period), timeZone),
    end: startOfLocalDate(firstDateOf(nextPeriod(period)), timeZone),
  };
}

/** A period with its key and bounds in `timeZone`. */
export function resolvePeriod(period: CalendarPeriod, timeZone: string = DEFAULT_TIME_ZONE): ResolvedPeriod {
  return { period, key: periodKey(period), ...periodRange(period, timeZone) };
}

/** Compares two periods of the same unit by their position in the calendar. */
export function comparePeriods(a: CalendarPeriod, b: CalendarPeriod): number {
  const first = (p: CalendarPeriod): number => {
    const d = firstDateOf(p);
    return (d.year * 12 + d.month) * 32 + d.day;
  };
  return first(a) - first(b);
}

/**
 * Every period of `unit` that overlaps `[from, to)` in `timeZone`, in order.
 * An empty or inverted range yields no periods.
 */
export function periodsInRange(
  from: Date,
  to: Date,
  unit: PeriodUnit,
  timeZone: string = DEFAULT_TIME_ZONE,
): ResolvedPeriod[] {
  if (!(to.getTime() > from.getTime())) {
    return [];
  }
  const result: ResolvedPeriod[] = [];
  let period = periodOf(from, unit, timeZone);
  for (;;) {
    const resolved = resolvePeriod(period, timeZone);
    if (resolved.start.getTime() >= to.getTime()) {
      break;
    }
    result.push(resolved);
    period = nextPeriod(period);
  }
  return result;
}

/**
 * Fraction of `[start, end)` elapsed at `at`, clamped to [0, 1]: 0 before the start,
 * 1 at or after the end. A zero-length or inverted range counts as fully elapsed once
 * `at` reaches its start (a target due immediately is due in full).
 */
export function elapsedFraction(at: Date, range: PeriodRange): number {
  const t = at.getTime();
  const s = range.start.getTime();
  const e = range.end.getTime();
  if (e <= s) {
    return t >= s ? 1 : 0;
  }
  return Math.min(1, Math.max(0, (t - s) / (e - s)));
}

/** Fraction of a local calendar period elapsed at `at` (e.g. the share of the year for pacing). */
export function expectedProgressInPeriod(
  at: Date,
  period: CalendarPeriod,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  return elapsedFraction(at, periodRange(period, timeZone));
}
