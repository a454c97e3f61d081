import { DEFAULT_TIME_ZONE, toLocalDateTime } from '../period/time-zone';

/** A text in both languages of the product, Chinese first. */
export interface BilingualText {
  zh: string;
  en: string;
}

/**
 * A value as alerts show it: whole numbers as they are, others with two decimals (`1.8` → `1.80`)
 * so a value and its threshold line up; very small magnitudes keep three significant digits.
 */
export function formatAlertNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 0.01 ? value.toFixed(2) : value.toPrecision(3);
}

/** A percentage with its sign and one decimal (`+25.0%`, `-3.5%`). */
export function formatSignedPercent(percent: number): string {
  const text = `${Math.abs(percent).toFixed(1)}%`;
  return percent < 0 ? `-${text}` : `+${text}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local date (`2025-11-14`), with the time when it is not midnight (`2025-11-14 08:00`). */
export function formatAlertInstant(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const t = toLocalDateTime(instant, timeZone);
  const date = `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  return t.hour === 0 && t.minute === 0 ? date : `${date} ${pad(t.hour)}:${pad(t.minute)}`;
}
