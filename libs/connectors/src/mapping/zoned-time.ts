import type { Grain } from '@civicpulse/domain';

/** Calendar fields of a wall-clock time (month 1–12). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `instant` in `timeZone`. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const local = toLocal(new Date(instant), timeZone);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  return asUtc - instant;
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. Two passes settle the offset
 * around DST changes (a skipped wall time maps forward, a repeated one to its first occurrence).
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const naive = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return new Date(second);
}

/** Truncates wall-clock fields to the start of the period of `grain` (`instant` keeps them). */
export function truncateLocal(local: LocalDateTime, grain: Grain): LocalDateTime {
  switch (grain) {
    case 'instant':
      return local;
    case 'hour':
      return { ...local, minute: 0, second: 0, millisecond: 0 };
    case 'day':
      return { ...local, hour: 0, minute: 0, second: 0, millisecond: 0 };
    case 'month':
      return { ...local, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    case 'quarter':
      return {
        ...local,
        month: Math.floor((local.month - 1) / 3) * 3 + 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        millisecond: 0,
      };
    case 'year':
      return { year: local.year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  }
}

/** The UTC instant at which the local period of `grain` containing `instant` starts in `timeZone`. */
export function periodStartOf(instant: Date, grain: Grain, timeZone: string): Date {
  if (grain === 'instant') return new Date(instant.getTime());
  return fromLocal(truncateLocal(toLocal(instant, timeZone), grain), timeZone);
}
