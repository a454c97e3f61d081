import { formatChartDate, type ChartLocale } from '@civicpulse/charts';

/** One year earlier: Feb 29 becomes Feb 28 so the date exists. */
function shiftDate(text: string): string {
  return text.replace(/^(\d{4})(-\d{2}-\d{2})?/, (_whole, year: string, rest: string | undefined) => {
    const earlier = String(Number(year) - 1);
    if (!rest) return earlier;
    return `${earlier}${rest === '-02-29' ? '-02-28' : rest}`;
  });
}

/**
 * The same period a year earlier, for a period key as the API answers it (`2025`, `2025-Q3`,
 * `2025-09`, `2025-09-15`, `ytd:2025-11-25`, `2025-01..2025-06`); null for anything else.
 */
export function yearEarlier(periodKey: string): string | null {
  if (periodKey.startsWith('ytd:')) return `ytd:${shiftDate(periodKey.slice(4))}`;
  const parts = periodKey.split('..');
  if (parts.length > 2 || parts.some((p) => !/^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/.test(p))) return null;
  return parts.map(shiftDate).join('..');
}

/**
 * A period key in words, in the city's calendar: `2025年第3季度` / `Q3 2025`, months and days in
 * the locale's style, year to date as "until <day>" (`ytdUntil` supplies that phrase).
 */
export function periodKeyLabel(
  periodKey: string,
  locale: ChartLocale,
  ytdUntil: (day: string) => string,
): string {
  if (periodKey.startsWith('ytd:')) return ytdUntil(periodKeyLabel(periodKey.slice(4), locale, ytdUntil));
  const parts = periodKey.split('..');
  if (parts.length === 2) return parts.map((p) => periodKeyLabel(p, locale, ytdUntil)).join(' – ');
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (quarter) {
    const month = String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0');
    return formatChartDate(`${quarter[1]}-${month}-15T12:00:00+08:00`, locale, 'quarter');
  }
  if (/^\d{4}$/.test(periodKey)) return periodKey;
  if (/^\d{4}-\d{2}$/.test(periodKey))
    return formatChartDate(`${periodKey}-15T12:00:00+08:00`, locale, 'month');
  if (/^\d{4}-\d{2}-\d{2}$/.test(periodKey))
    return formatChartDate(`${periodKey}T12:00:00+08:00`, locale, 'day');
  return periodKey;
}
