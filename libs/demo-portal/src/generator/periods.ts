import { daysInMonth, HISTORY_START, localDays, localMidnight, localMonths } from '../city/city-calendar';
import type { Cadence } from './indicator-profiles';
import { periodAt, schoolYearStart, type Period } from './indicator-model';

const DAY_MS = 86_400_000;

/**
 * The periods of a cadence that are published by `until`. Days, months, quarters and calendar
 * years appear once they are complete (statistics are released after the period closes); a school
 * year appears from its first day (1 September), because enrolment is counted at the start of the
 * year. The school year under way on 2023-01-01 (2022/23) is included so education has a baseline.
 */
export function* publishedPeriods(cadence: Cadence, until: number): Generator<Period> {
  switch (cadence) {
    case 'day':
      for (const d of localDays(until)) {
        if (d.start + DAY_MS <= until) yield periodAt('day', d.index, d.start, 1);
      }
      return;
    case 'month':
      for (const m of localMonths(until)) {
        if (localMidnight(m.year, m.month + 1, 1) <= until)
          yield periodAt('month', m.index, m.start, daysInMonth(m.year, m.month));
      }
      return;
    case 'quarter':
      for (const m of localMonths(until)) {
        if ((m.month - 1) % 3 !== 0 || localMidnight(m.year, m.month + 3, 1) > until) continue;
        const days =
          daysInMonth(m.year, m.month) + daysInMonth(m.year, m.month + 1) + daysInMonth(m.year, m.month + 2);
        yield periodAt('quarter', m.index / 3, m.start, days);
      }
      return;
    case 'school_year':
      // Stored like every yearly value — under the calendar year the school year starts in, as
      // the connectors do for `school_year` times — but published from 1 September on.
      for (let year = HISTORY_START.year - 1; schoolYearStart(year) < until; year += 1) {
        const start = localMidnight(year, 1, 1);
        yield periodAt(
          'year',
          year - HISTORY_START.year + 1,
          start,
          (localMidnight(year + 1, 1, 1) - start) / DAY_MS,
        );
      }
      return;
    case 'year':
      for (let year = HISTORY_START.year; localMidnight(year + 1, 1, 1) <= until; year += 1) {
        const start = localMidnight(year, 1, 1);
        yield periodAt(
          'year',
          year - HISTORY_START.year,
          start,
          (localMidnight(year + 1, 1, 1) - start) / DAY_MS,
        );
      }
      return;
  }
}

/** The hours of the last `days` local days before `until` (complete hours only). */
export function* recentHours(until: number, days: number): Generator<Period> {
  const lastMidnight =
    localMidnight(1970, 1, 1) + Math.floor((until - localMidnight(1970, 1, 1)) / DAY_MS) * DAY_MS;
  const first = Math.max(lastMidnight - days * DAY_MS, localMidnight(HISTORY_START.year, 1, 1));
  const historyStart = localMidnight(HISTORY_START.year, 1, 1);
  for (let start = first; start + 3_600_000 <= until; start += 3_600_000) {
    yield periodAt('hour', Math.round((start - historyStart) / 3_600_000), start, 1 / 24);
  }
}
