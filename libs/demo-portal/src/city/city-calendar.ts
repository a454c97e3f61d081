/**
 * Local calendar of the demo city (Asia/Shanghai). China has had no daylight saving time since
 * 1991, so local time is always UTC+08:00 and plain arithmetic is exact.
 */

/** Offset of Asia/Shanghai from UTC in milliseconds. */
export const CITY_UTC_OFFSET_MS = 8 * 3600 * 1000;
export const CITY_TIME_ZONE = 'Asia/Shanghai';
/** First day of the generated history (local). */
export const HISTORY_START = { year: 2023, month: 1, day: 1 } as const;

const DAY_MS = 86_400_000;

/** A local calendar date. `month` is 1-based. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** UTC instant of local midnight at the given date (month may overflow, Date.UTC normalises). */
export function localMidnight(year: number, month: number, day = 1): number {
  return Date.UTC(year, month - 1, day) - CITY_UTC_OFFSET_MS;
}

/** Local calendar fields of an instant. */
export function toLocal(
  instant: number,
): LocalDate & { hour: number; minute: number; second: number; weekday: number } {
  const shifted = new Date(instant + CITY_UTC_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` in local time. */
export function formatLocalDate(instant: number): string {
  const l = toLocal(instant);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}

/** `YYYY-MM-DDTHH:mm:ss` in local time, without zone (a "floating" timestamp). */
export function formatLocalDateTime(instant: number): string {
  const l = toLocal(instant);
  return `${formatLocalDate(instant)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}`;
}

/**
 * Parses a date or date-time written in local time (`2024-01-05`, `2024-01-05T08:00:00.000`,
 * `2024-01-05 08:00:00`, with or without an explicit zone) into a UTC instant.
 * Returns NaN when the text is not a date.
 */
export function parseLocalDateTime(text: string): number {
  const m =
    /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, zone] = m;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d ?? '1'),
    Number(h ?? '0'),
    Number(mi ?? '0'),
    Number(s ?? '0'),
  );
  if (!zone) return wall - CITY_UTC_OFFSET_MS;
  if (zone === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return wall - sign * (Number(digits.slice(0, 2)) * 3600_000 + Number(digits.slice(2)) * 60_000);
}

/** Local days from HISTORY_START (inclusive) while the day starts before `until`. */
export function* localDays(
  until: number,
): Generator<{ index: number; start: number; date: LocalDate; weekday: number }> {
  const first = localMidnight(HISTORY_START.year, HISTORY_START.month, HISTORY_START.day);
  for (let index = 0; ; index += 1) {
    const start = first + index * DAY_MS;
    if (start >= until) return;
    const l = toLocal(start);
    yield { index, start, date: { year: l.year, month: l.month, day: l.day }, weekday: l.weekday };
  }
}

/** Local months from HISTORY_START whose first day lies before `until`. */
export function* localMonths(
  until: number,
): Generator<{ index: number; start: number; year: number; month: number }> {
  for (let index = 0; ; index += 1) {
    const year = HISTORY_START.year + Math.floor(index / 12);
    const month = (index % 12) + 1;
    const start = localMidnight(year, month, 1);
    if (start >= until) return;
    yield { index, start, year, month };
  }
}

/** Number of days in a local month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Fractional years elapsed since HISTORY_START at an instant. */
export function yearsSinceStart(instant: number): number {
  return (
    (instant - localMidnight(HISTORY_START.year, HISTORY_START.month, HISTORY_START.day)) / (365.25 * DAY_MS)
  );
}

/** Day number (days since 1970-01-01) of a local date, for holiday arithmetic. */
export function dayNumber(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}
