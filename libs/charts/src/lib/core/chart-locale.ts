import { localizeUnit, withUnit } from './chart-units';

/** Locales the dashboard renders in. `zh-CN` is the default; `en` is switchable at run time. */
export type ChartLocale = 'zh-CN' | 'en';

/** The city's time zone: periods are local calendar periods (see scoring.md). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** How a date on an axis or in a tooltip is shown. */
export type DateGranularity = 'day' | 'month' | 'quarter' | 'year' | 'datetime';

/**
 * Formats a number with the active locale, optionally with a unit suffix in the same locale
 * (catalogue units are translated, see `chart-units.ts`; `indicator` picks an indicator's own
 * label where the unit alone is too general). Non-finite input (missing data) is rendered as an
 * em dash rather than "NaN".
 */
export function formatChartNumber(
  value: number | null | undefined,
  locale: ChartLocale,
  options: { unit?: string; indicator?: string; maximumFractionDigits?: number } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = numberFormat(locale, options.maximumFractionDigits ?? 2).format(value);
  if (!options.unit) return text;
  return withUnit(text, localizeUnit(options.unit, locale, options.indicator));
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
    const parts = dateFormat('en', 'month-number', timeZone).formatToParts(date);
    const year = parts.find((p) => p.type === 'year')?.value ?? '';
    const month = Number(parts.find((p) => p.type === 'month')?.value ?? '1');
    const quarter = Math.floor((month - 1) / 3) + 1;
    return locale === 'zh-CN' ? `${year}年第${quarter}季度` : `Q${quarter} ${year}`;
  }
  return dateFormat(locale, granularity, timeZone).format(date);
}

/*
 * Intl formatters are costly to construct (a time zone or locale lookup each time) and a page
 * formats hundreds of values with a handful of settings, so each setting's formatter is built once.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: ChartLocale, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

const DATE_FIELDS: Record<Exclude<DateGranularity, 'quarter'> | 'month-number', Intl.DateTimeFormatOptions> =
  {
    year: { year: 'numeric' },
    month: { year: 'numeric', month: 'short' },
    day: { year: 'numeric', month: 'short', day: 'numeric' },
    datetime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
    'month-number': { year: 'numeric', month: 'numeric' },
  };

function dateFormat(
  locale: ChartLocale,
  fields: keyof typeof DATE_FIELDS,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${locale}|${fields}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...DATE_FIELDS[fields] });
    dateFormats.set(key, format);
  }
  return format;
}

/** Milliseconds since epoch of an ISO string or Date. */
export function toEpochMs(value: string | Date): number {
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}
