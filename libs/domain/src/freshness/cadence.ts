import { InvalidCadenceError } from '../domain-error';
import { addDays, daysInMonth } from '../period/local-period';
import { DEFAULT_TIME_ZONE, fromLocalDateTime, toLocalDateTime } from '../period/time-zone';

/**
 * An expected refresh interval. Calendar parts (years, months, days) are added on the
 * local calendar, so "P1M" from 31 January is the last day of February and "P1D" across a
 * DST change is still one calendar day; clock parts are added as exact durations.
 */
export interface Cadence {
  years: number;
  months: number;
  days: number;
  /** Exact milliseconds (hours, minutes, seconds). */
  milliseconds: number;
}

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

const MS_PER_HOUR = 3_600_000;

/**
 * Parses a cadence: an ISO-8601 duration (`PT6H`, `P1D`, `P1W`, `P1M`, `P3M`, `P1Y`,
 * `P1DT12H`) or a number of hours (`36`, `"36"`). Zero and negative cadences are refused:
 * a source that is due immediately would always be stale.
 */
export function parseCadence(input: string | number): Cadence {
  const text = String(input).trim();
  if (typeof input === 'number' || /^\d+(\.\d+)?$/.test(text)) {
    const hours = Number(text);
    if (!Number.isFinite(hours) || hours <= 0) {
      throw new InvalidCadenceError(text, 'a number of hours must be positive');
    }
    return { years: 0, months: 0, days: 0, milliseconds: hours * MS_PER_HOUR };
  }
  const match = ISO_DURATION.exec(text);
  if (!match || text.toUpperCase() === 'P' || /T$/i.test(text)) {
    throw new InvalidCadenceError(
      text,
      'expected an ISO-8601 duration such as PT6H, P1D or P1M, or a number of hours',
    );
  }
  const n = (i: number): number => (match[i] === undefined ? 0 : Number(match[i]));
  const cadence: Cadence = {
    years: n(1),
    months: n(2),
    days: n(3) * 7 + n(4),
    milliseconds: n(5) * MS_PER_HOUR + n(6) * 60_000 + n(7) * 1000,
  };
  if (cadence.years + cadence.months + cadence.days === 0 && cadence.milliseconds <= 0) {
    throw new InvalidCadenceError(text, 'the duration must be longer than zero');
  }
  return cadence;
}

/** Adds a cadence to an instant: calendar parts in `timeZone`, then the exact part. */
export function addCadence(instant: Date, cadence: Cadence, timeZone: string = DEFAULT_TIME_ZONE): Date {
  let ms = instant.getTime();
  if (cadence.years !== 0 || cadence.months !== 0 || cadence.days !== 0) {
    const local = toLocalDateTime(instant, timeZone);
    const monthIndex = local.year * 12 + (local.month - 1) + cadence.years * 12 + cadence.months;
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    // Month arithmetic clamps to the month's end (31 Jan + 1 month = 28/29 Feb).
    const day = Math.min(local.day, daysInMonth(year, month));
    const date = addDays({ year, month, day }, cadence.days);
    ms = fromLocalDateTime({ ...local, ...date }, timeZone).getTime();
  }
  return new Date(ms + cadence.milliseconds);
}
