import { InvalidPeriodSpecError } from '../domain-error';
import {
  type CalendarPeriod,
  type LocalDate,
  type PeriodRange,
  type PeriodUnit,
  addDays,
  comparePeriods,
  daysInMonth,
  firstDateOf,
  formatLocalDate,
  lastDateOf,
  periodContainingDate,
  periodKey,
  shiftPeriod,
  startOfLocalDate,
} from './local-period';
import { DEFAULT_TIME_ZONE } from './time-zone';

/** Units a to-date spec can run over: `ytd:`, `qtd:`, `mtd:`. */
export type ToDateUnit = 'year' | 'quarter' | 'month';

/**
 * A period as the API accepts it:
 * - one calendar period: `2025`, `2025-Q1`, `2025-03`, `2025-03-15`;
 * - to date: `ytd:2025-05-15`, `qtd:2025-05-15`, `mtd:2025-05-15` (from the start of the
 *   year/quarter/month up to and including that local date);
 * - a range of whole periods of one unit: `2025-01..2025-03` (both ends included).
 */
export type PeriodSpec =
  | { kind: 'period'; period: CalendarPeriod }
  | { kind: 'to_date'; unit: ToDateUnit; asOf: LocalDate }
  | { kind: 'range'; from: CalendarPeriod; to: CalendarPeriod };

/** A spec resolved to instants in a time zone. */
export interface ResolvedPeriodSpec extends PeriodRange {
  spec: PeriodSpec;
  /** Canonical text of the spec (what {@link formatPeriodSpec} returns). */
  label: string;
  /** First and last local dates covered (inclusive). */
  firstDate: LocalDate;
  lastDate: LocalDate;
}

const TO_DATE_PREFIX: Record<string, ToDateUnit> = { ytd: 'year', qtd: 'quarter', mtd: 'month' };
const PREFIX_OF: Record<ToDateUnit, string> = { year: 'ytd', quarter: 'qtd', month: 'mtd' };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO local date `yyyy-mm-dd`, rejecting impossible dates such as `2025-02-30`. */
export function parseLocalDate(text: string): LocalDate {
  const match = DATE_RE.exec(text.trim());
  if (!match) {
    throw new InvalidPeriodSpecError(text, 'expected a date yyyy-mm-dd');
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidPeriodSpecError(text, 'no such calendar date');
  }
  return { year, month, day };
}

/** Parses a single calendar period key: `2025`, `2025-Q1`, `2025-03` or `2025-03-15`. */
export function parseCalendarPeriod(text: string): CalendarPeriod {
  const trimmed = text.trim();
  let match = /^(\d{4})$/.exec(trimmed);
  if (match) {
    return { unit: 'year', year: Number(match[1]) };
  }
  match = /^(\d{4})-[Qq](\d)$/.exec(trimmed);
  if (match) {
    const quarter = Number(match[2]);
    if (quarter < 1 || quarter > 4) {
      throw new InvalidPeriodSpecError(text, 'quarter must be 1–4');
    }
    return { unit: 'quarter', year: Number(match[1]), quarter };
  }
  match = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) {
      throw new InvalidPeriodSpecError(text, 'month must be 01–12');
    }
    return { unit: 'month', year: Number(match[1]), month };
  }
  if (DATE_RE.test(trimmed)) {
    return { unit: 'day', ...parseLocalDate(trimmed) };
  }
  throw new InvalidPeriodSpecError(text, 'expected yyyy, yyyy-Qn, yyyy-mm or yyyy-mm-dd');
}

/** Parses a period spec (see {@link PeriodSpec}); throws {@link InvalidPeriodSpecError}. */
export function parsePeriodSpec(text: string): PeriodSpec {
  const trimmed = text.trim();
  const toDate = /^([a-z]+):(.+)$/i.exec(trimmed);
  if (toDate) {
    const unit = TO_DATE_PREFIX[toDate[1].toLowerCase()];
    if (!unit) {
      throw new InvalidPeriodSpecError(text, `unknown prefix "${toDate[1]}" (use ytd, qtd or mtd)`);
    }
    return { kind: 'to_date', unit, asOf: parseLocalDate(toDate[2]) };
  }
  const range = trimmed.split('..');
  if (range.length === 2) {
    const from = parseCalendarPeriod(range[0]);
    const to = parseCalendarPeriod(range[1]);
    if (from.unit !== to.unit) {
      throw new InvalidPeriodSpecError(text, 'both ends of a range must have the same unit');
    }
    if (comparePeriods(from, to) > 0) {
      throw new InvalidPeriodSpecError(text, 'range ends before it starts');
    }
    return { kind: 'range', from, to };
  }
  if (range.length > 2) {
    throw new InvalidPeriodSpecError(text, 'a range has exactly one ".."');
  }
  return { kind: 'period', period: parseCalendarPeriod(trimmed) };
}

/** Canonical text of a spec; `parsePeriodSpec(formatPeriodSpec(s))` gives `s` back. */
export function formatPeriodSpec(spec: PeriodSpec): string {
  switch (spec.kind) {
    case 'period':
      return periodKey(spec.period);
    case 'to_date':
      return `${PREFIX_OF[spec.unit]}:${formatLocalDate(spec.asOf)}`;
    case 'range':
      return `${periodKey(spec.from)}..${periodKey(spec.to)}`;
  }
}

/** First and last local dates (inclusive) a spec covers. */
export function specDates(spec: PeriodSpec): { firstDate: LocalDate; lastDate: LocalDate } {
  switch (spec.kind) {
    case 'period':
      return { firstDate: firstDateOf(spec.period), lastDate: lastDateOf(spec.period) };
    case 'to_date':
      return { firstDate: firstDateOf(periodContainingDate(spec.asOf, spec.unit)), lastDate: spec.asOf };
    case 'range':
      return { firstDate: firstDateOf(spec.from), lastDate: lastDateOf(spec.to) };
  }
}

/** Resolves a spec (or its text) to `[start, end)` instants in `timeZone`. */
export function resolvePeriodSpec(
  spec: PeriodSpec | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): ResolvedPeriodSpec {
  const parsed = typeof spec === 'string' ? parsePeriodSpec(spec) : spec;
  const { firstDate, lastDate } = specDates(parsed);
  return {
    spec: parsed,
    label: formatPeriodSpec(parsed),
    firstDate,
    lastDate,
    start: startOfLocalDate(firstDate, timeZone),
    end: startOfLocalDate(addDays(lastDate, 1), timeZone),
  };
}

function shiftDateByYears(date: LocalDate, years: number): LocalDate {
  const year = date.year + years;
  // 29 February has no twin in a common year; the last day of February stands in.
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) };
}

function shiftDateByMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (((index % 12) + 12) % 12) + 1;
  // Compare like with like: 31 May to date → 30 April to date, and month-end stays month-end.
  const isMonthEnd = date.day === daysInMonth(date.year, date.month);
  const day = isMonthEnd ? daysInMonth(year, month) : Math.min(date.day, daysInMonth(year, month));
  return { year, month, day };
}

/**
 * The comparable earlier period: the previous calendar period; for a to-date spec the
 * same span of the previous year/quarter/month (`ytd:2025-05-15` → `ytd:2024-05-15`); for a
 * range the same number of periods just before it.
 */
export function previousPeriodSpec(spec: PeriodSpec): PeriodSpec {
  switch (spec.kind) {
    case 'period':
      return { kind: 'period', period: shiftPeriod(spec.period, -1) };
    case 'to_date': {
      const months = spec.unit === 'year' ? 12 : spec.unit === 'quarter' ? 3 : 1;
      const asOf =
        spec.unit === 'year' ? shiftDateByYears(spec.asOf, -1) : shiftDateByMonths(spec.asOf, -months);
      return { kind: 'to_date', unit: spec.unit, asOf };
    }
    case 'range': {
      const length = countPeriods(spec.from, spec.to);
      return { kind: 'range', from: shiftPeriod(spec.from, -length), to: shiftPeriod(spec.to, -length) };
    }
  }
}

/** The same spec one year earlier (year-over-year comparison). */
export function samePeriodLastYear(spec: PeriodSpec): PeriodSpec {
  switch (spec.kind) {
    case 'period':
      return { kind: 'period', period: shiftPeriodByYears(spec.period) };
    case 'to_date':
      return { kind: 'to_date', unit: spec.unit, asOf: shiftDateByYears(spec.asOf, -1) };
    case 'range':
      return { kind: 'range', from: shiftPeriodByYears(spec.from), to: shiftPeriodByYears(spec.to) };
  }
}

function shiftPeriodByYears(period: CalendarPeriod): CalendarPeriod {
  if (period.unit === 'day') {
    return { unit: 'day', ...shiftDateByYears(period, -1) };
  }
  return { ...period, year: period.year - 1 };
}

function countPeriods(from: CalendarPeriod, to: CalendarPeriod): number {
  let count = 1;
  for (let p = from; comparePeriods(p, to) < 0; p = shiftPeriod(p, 1)) {
    count += 1;
  }
  return count;
}

/** One rollup bucket (`day`, `month` or `year` table) of a decomposed range. */
export interface RollupBucketRef {
  grain: 'day' | 'month' | 'year';
  period: CalendarPeriod;
  key: string;
}

/**
 * Decomposes the local dates `[firstDate, lastDate]` into the fewest rollup buckets:
 * whole years as year buckets, whole months as month buckets, the remainder as days.
 * The API sums these rollup rows instead of scanning observations.
 */
export function rollupBucketsFor(spec: PeriodSpec | ResolvedPeriodSpec): RollupBucketRef[] {
  const { firstDate, lastDate } = 'label' in spec ? spec : specDates(spec);
  const buckets: RollupBucketRef[] = [];
  const push = (grain: PeriodUnit & RollupBucketRef['grain'], period: CalendarPeriod): void => {
    buckets.push({ grain, period, key: periodKey(period) });
  };
  const last = formatLocalDate(lastDate);
  let cursor = firstDate;
  while (formatLocalDate(cursor) <= last) {
    const yearEnd: LocalDate = { year: cursor.year, month: 12, day: 31 };
    const monthEnd: LocalDate = { ...cursor, day: daysInMonth(cursor.year, cursor.month) };
    if (cursor.month === 1 && cursor.day === 1 && formatLocalDate(yearEnd) <= last) {
      push('year', { unit: 'year', year: cursor.year });
      cursor = addDays(yearEnd, 1);
    } else if (cursor.day === 1 && formatLocalDate(monthEnd) <= last) {
      push('month', { unit: 'month', year: cursor.year, month: cursor.month });
      cursor = addDays(monthEnd, 1);
    } else {
      push('day', { unit: 'day', ...cursor });
      cursor = addDays(cursor, 1);
    }
  }
  return buckets;
}
