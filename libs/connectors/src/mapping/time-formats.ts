import type { LocalDateTime } from './zoned-time';

/**
 * Time formats a manifest can name for its time field or for period column headers.
 * - `iso`: `2023-01-05`, `2023-01-05T08:30:00`, with optional `Z`/offset (without one the
 *   value is wall-clock time in the source time zone — Socrata's "floating" timestamps);
 * - `epoch_s` / `epoch_ms`: Unix time;
 * - `yyyy-mm` (`2023-01`), `yyyymmdd` (`20220218`), `m/yyyy` (`3/2020`), `yyyy` (`2023`);
 * - `zh_year` (`2023年`), `zh_month` (`2023年1月`), `zh_month_range` (`2023年1-2月`, start month);
 * - `quarter` (`2023Q1`, `2023-Q1`, `2023年第1季度`);
 * - `school_year` (`20052006`, `2005-2006`, `2005/06`): starts in the manifest's school-year month;
 * - `us_datetime` (`09/14/2012 10:38:01 PM`).
 */
export const TIME_FORMATS = [
  'iso',
  'epoch_s',
  'epoch_ms',
  'yyyy-mm',
  'yyyymmdd',
  'm/yyyy',
  'yyyy',
  'zh_year',
  'zh_month',
  'zh_month_range',
  'quarter',
  'school_year',
  'us_datetime',
] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

/** A parsed time: either an absolute instant or wall-clock fields still to be placed in a zone. */
export type ParsedTime = { kind: 'instant'; instant: Date } | { kind: 'local'; local: LocalDateTime };

function local(
  year: number,
  month = 1,
  day = 1,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): ParsedTime | null {
  if (
    year < 1000 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  )
    return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { kind: 'local', local: { year, month, day, hour, minute, second, millisecond } };
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function parseIso(text: string): ParsedTime | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const parsed = local(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  if (!parsed || parsed.kind !== 'local' || !zone) return parsed;
  const l = parsed.local;
  const naive = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond);
  if (zone.toUpperCase() === 'Z') return { kind: 'instant', instant: new Date(naive) };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  return { kind: 'instant', instant: new Date(naive - offsetMs) };
}

function parseUsDateTime(text: string): ParsedTime | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(text);
  if (!m) return null;
  let hour = Number(m[4] ?? 0);
  const meridiem = m[7]?.toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  return local(Number(m[3]), Number(m[1]), Number(m[2]), hour, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

function parseEpoch(raw: unknown, unitMs: number): ParsedTime | null {
  const n =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim())
        ? Number(raw)
        : NaN;
  if (!Number.isFinite(n)) return null;
  return { kind: 'instant', instant: new Date(Math.round(n * unitMs)) };
}

/**
 * Parses a raw time value in `format`. Returns null when the value does not match: the caller
 * turns that into an `unparseable_time` reject.
 */
export function parseTime(raw: unknown, format: TimeFormat, schoolYearStartMonth = 9): ParsedTime | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : { kind: 'instant', instant: raw };
  if (format === 'epoch_s') return parseEpoch(raw, 1000);
  if (format === 'epoch_ms') return parseEpoch(raw, 1);
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  let m: RegExpExecArray | null;
  switch (format) {
    case 'iso':
      return parseIso(text);
    case 'us_datetime':
      return parseUsDateTime(text);
    case 'yyyy-mm':
      m = /^(\d{4})-(\d{1,2})$/.exec(text);
      return m ? local(Number(m[1]), Number(m[2])) : null;
    case 'yyyymmdd':
      m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
      return m ? local(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    case 'm/yyyy':
      m = /^(\d{1,2})\/(\d{4})$/.exec(text);
      return m ? local(Number(m[2]), Number(m[1])) : null;
    case 'yyyy':
      m = /^(\d{4})(?:\.0+)?$/.exec(text);
      return m ? local(Number(m[1])) : null;
    case 'zh_year':
      m = /^(\d{4})\s*年?$/.exec(text);
      return m ? local(Number(m[1])) : null;
    case 'zh_month':
      m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(text);
      return m ? local(Number(m[1]), Number(m[2])) : null;
    case 'zh_month_range':
      m = /^(\d{4})\s*年\s*(\d{1,2})\s*(?:[-–—~至]\s*(\d{1,2})\s*)?月$/.exec(text);
      return m ? local(Number(m[1]), Number(m[2])) : null;
    case 'quarter':
      m = /^(\d{4})\s*(?:-?\s*Q|年第)\s*([1-4])\s*(?:季度)?$/i.exec(text);
      return m ? local(Number(m[1]), (Number(m[2]) - 1) * 3 + 1) : null;
    case 'school_year': {
      m = /^(\d{4})\s*[-/]?\s*(\d{2}|\d{4})$/.exec(text);
      if (!m) return null;
      const start = Number(m[1]);
      const endText = m[2] ?? '';
      const end = endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
      return end === start + 1 || end % 100 === (start + 1) % 100 ? local(start, schoolYearStartMonth) : null;
    }
  }
}
