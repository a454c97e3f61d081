import { InvalidTimeZoneError } from '../domain-error';

/** The demo city's zone and the default everywhere a zone is not configured. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A wall-clock date and time in some time zone (month 1–12). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// Formatter construction is expensive; one per zone is enough for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw new InvalidTimeZoneError(timeZone);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Throws {@link InvalidTimeZoneError} unless `timeZone` is an IANA zone the runtime knows.
 * Use it when reading configuration so a typo fails at start-up, not at the first request.
 */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** True when `timeZone` is an IANA zone the runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** UTC years whose constant offsets are remembered per zone (beyond them Intl answers each time). */
const FAST_PATH_FIRST_YEAR = 1970;
const FAST_PATH_LAST_YEAR = 2200;

/** Per zone, per UTC year: the zone's offset in ms when constant all year, else null. */
const constantOffsets = new Map<string, Map<number, number | null>>();

function intlOffsetMs(ms: number, timeZone: string): number {
  return wallClockAsUtc(intlLocalDateTime(ms, timeZone)) - ms;
}

/**
 * The offset of `timeZone` in ms over the whole UTC year `year` when it does not change within
 * it, else null. Checked once per zone and year through Intl at both ends of the year and at
 * every midnight UTC in between, so any change of offset lasting a day or more (DST, a zone
 * changing its standard time) makes the year variable.
 */
function constantOffsetOfYear(year: number, timeZone: string): number | null {
  const known = constantOffsets.get(timeZone)?.get(year);
  if (known !== undefined) return known;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1) - 1;
  const offset = intlOffsetMs(start, timeZone);
  let constant: number | null = intlOffsetMs(end, timeZone) === offset ? offset : null;
  for (let t = start + MS_PER_DAY; constant !== null && t < end; t += MS_PER_DAY) {
    if (intlOffsetMs(t, timeZone) !== offset) constant = null;
  }
  // Only zones Intl accepted reach this line (an unknown one threw above).
  let years = constantOffsets.get(timeZone);
  if (!years) {
    years = new Map();
    constantOffsets.set(timeZone, years);
  }
  years.set(year, constant);
  return constant;
}

/**
 * The wall-clock date and time of an instant in `timeZone`. In a UTC year where the zone keeps
 * one offset (Asia/Shanghai always; most zones outside DST regions) this is plain arithmetic;
 * otherwise Intl computes it.
 */
export function toLocalDateTime(instant: Date | number, timeZone: string): LocalDateTime {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const year = new Date(ms).getUTCFullYear();
  if (year >= FAST_PATH_FIRST_YEAR && year <= FAST_PATH_LAST_YEAR) {
    const offset = constantOffsetOfYear(year, timeZone);
    if (offset !== null) {
      const wall = new Date(ms + offset);
      return {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: wall.getUTCSeconds(),
        millisecond: wall.getUTCMilliseconds(),
      };
    }
  }
  return intlLocalDateTime(ms, timeZone);
}

function intlLocalDateTime(ms: number, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(ms);
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  const eraPart = parts.find((p) => p.type === 'era');
  const rawYear = field('year');
  // `en-US` formats years before 1 CE as "n BC"; convert to astronomical numbering.
  const year = eraPart && /^B/i.test(eraPart.value) ? 1 - rawYear : rawYear;
  return {
    year,
    month: field('month'),
    day: field('day'),
    // Some ICU versions print midnight as 24 even with h23.
    hour: field('hour') % 24,
    minute: field('minute'),
    second: field('second'),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function wallClockAsUtc(local: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, local.second, local.millisecond);
  return date.getTime();
}

/**
 * Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Shanghai → 480).
 * Derived from Intl rather than hard-coded so DST zones and historical rules work.
 */
export function zoneOffsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = toLocalDateTime(ms, timeZone);
  return Math.round((wallClockAsUtc(local) - ms) / MS_PER_MINUTE);
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`.
 *
 * Ambiguous times (a DST fall-back hour occurs twice) resolve to the earlier instant;
 * non-existent times (skipped by a spring-forward gap) move forward by the gap, the same
 * choice as Temporal's `compatible` disambiguation. Calendar periods start at midnight,
 * which some zones skip, so this matters for period bounds and is not just pedantry.
 */
export function fromLocalDateTime(
  local: Partial<LocalDateTime> & Pick<LocalDateTime, 'year' | 'month' | 'day'>,
  timeZone: string,
): Date {
  const full: LocalDateTime = { hour: 0, minute: 0, second: 0, millisecond: 0, ...local };
  const wall = wallClockAsUtc(full);
  // Real zones change offset at most once within a day either side, so the offsets a day
  // before and a day after are the only candidates.
  const offsetBefore = zoneOffsetMinutes(wall - MS_PER_DAY, timeZone) * MS_PER_MINUTE;
  const offsetAfter = zoneOffsetMinutes(wall + MS_PER_DAY, timeZone) * MS_PER_MINUTE;
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (t) => wallClockAsUtc(toLocalDateTime(t, timeZone)) === wall,
  );
  if (candidates.length > 0) {
    return new Date(Math.min(...candidates));
  }
  // In a gap: keep the pre-transition offset, which lands after the gap.
  return new Date(wall - offsetBefore);
}
