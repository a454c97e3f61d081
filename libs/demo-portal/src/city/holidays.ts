import { dayNumber, type LocalDate } from './city-calendar';

/**
 * Spring Festival (春节, lunar new year's day) by year. A lunar calendar is not worth computing
 * for a demo; the dates are fixed facts.
 */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

/** Fixed-date public holidays (month-day ranges, inclusive) that empty the roads. */
const FIXED_HOLIDAYS: ReadonlyArray<{ name: string; from: [number, number]; to: [number, number] }> = [
  { name: '元旦', from: [1, 1], to: [1, 1] },
  { name: '劳动节', from: [5, 1], to: [5, 5] },
  { name: '国庆节', from: [10, 1], to: [10, 7] },
];

export type DayKind = 'workday' | 'saturday' | 'sunday' | 'holiday' | 'spring_festival';

function springFestivalDay(year: number): number | null {
  const iso = SPRING_FESTIVAL[year];
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber({ year: y, month: m, day: d });
}

/**
 * Days from the nearest Spring Festival (negative before it), or null when more than 40 days away.
 */
export function daysFromSpringFestival(date: LocalDate): number | null {
  const n = dayNumber(date);
  for (const year of [date.year, date.year + 1]) {
    const sf = springFestivalDay(year);
    if (sf !== null && Math.abs(n - sf) <= 40) return n - sf;
  }
  return null;
}

/** Classifies a local day for traffic shape. */
export function dayKind(date: LocalDate, weekday: number): DayKind {
  const fromSf = daysFromSpringFestival(date);
  // The official Spring Festival break runs from the eve to the sixth day of the new year.
  if (fromSf !== null && fromSf >= -1 && fromSf <= 6) return 'spring_festival';
  for (const h of FIXED_HOLIDAYS) {
    const after = date.month > h.from[0] || (date.month === h.from[0] && date.day >= h.from[1]);
    const before = date.month < h.to[0] || (date.month === h.to[0] && date.day <= h.to[1]);
    if (after && before) return 'holiday';
  }
  if (weekday === 6) return 'saturday';
  if (weekday === 0) return 'sunday';
  return 'workday';
}

/**
 * Multiplier of traffic activity (1 = ordinary workday). Around Spring Festival the city empties
 * for weeks as migrant workers travel home, deepest during the official break.
 */
export function trafficActivity(date: LocalDate, weekday: number): number {
  const kind = dayKind(date, weekday);
  const base =
    kind === 'workday'
      ? 1
      : kind === 'saturday'
        ? 0.72
        : kind === 'sunday'
          ? 0.62
          : kind === 'holiday'
            ? 0.5
            : 0.18;
  const fromSf = daysFromSpringFestival(date);
  if (fromSf === null || kind === 'spring_festival') return base;
  // Ramp: the exodus starts about ten days before and the return finishes about two weeks after.
  if (fromSf < -1 && fromSf >= -10) return base * (0.55 + 0.045 * (10 + fromSf));
  if (fromSf > 6 && fromSf <= 16) return base * (0.55 + 0.045 * (fromSf - 6));
  return base;
}
