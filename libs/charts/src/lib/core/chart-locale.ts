/** Locales the dashboard renders in. `zh-CN` is the default; `en` is switchable at run time. */
export type ChartLocale = 'zh-CN' | 'en';

/** The city's time zone: periods are local calendar periods (see scoring.md). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** How a date on an axis or in a tooltip is shown. */
export type DateGranularity = 'day' | 'month' | 'quarter' | 'year' | 'datetime';

/**
 * Formats a number with the active locale, optionally with a unit suffix.
 * Non-finite input (missing data) is rendered as an em dash rather than "NaN".
 */
export function formatChartNumber(
  value: number | null | undefined,
  locale: ChartLocale,
  options: { unit?: string; maximumFractionDigits?: number } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = new Intl.NumberFormat(locale, {
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
  }).format(value);
  if (!options.unit) return text;
  // Percent and per-mille read naturally without a space in both locales.
  return options.unit === '%' || options.unit === '‰' ? `${text}${options.unit}` : `${text} ${options.unit}`;
}

/**
 * Formats an instant (ms since epoch, ISO string or Date) as a local calendar date in the
 * city's time zone, at the requested granularity.
 */
export function formatChartDate(
  value: number | string | Date,
  locale: ChartLocale,
  granularity: DateGranularity = 'day',
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (granularity === 'quarter') {
    const parts = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
    }).formatToParts(date);
    const year = parts.find((p) => p.type === 'year')?.value ?? '';
    const month = Number(parts.find((p) => p.type === 'month')?.value ?? '1');
    const quarter = Math.floor((month - 1) / 3) + 1;
    return locale === 'zh-CN' ? `${year}年第${quarter}季度` : `Q${quarter} ${year}`;
  }
  const options: Intl.DateTimeFormatOptions = { timeZone };
  if (granularity === 'year') options.year = 'numeric';
  if (granularity === 'month') Object.assign(options, { year: 'numeric', month: 'short' });
  if (granularity === 'day') Object.assign(options, { year: 'numeric', month: 'short', day: 'numeric' });
  if (granularity === 'datetime')
    Object.assign(options, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Milliseconds since epoch of an ISO string or Date. */
export function toEpochMs(value: string | Date): number {
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}
