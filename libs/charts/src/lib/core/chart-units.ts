import { attachUnit, KNOWN_UNITS as CATALOGUE_UNITS, unitLabel } from '@civicpulse/domain';
import type { ChartLocale } from './chart-locale';

/** Catalogue units that have a label (the table lives in the domain library, shared with the API). */
export const KNOWN_UNITS: readonly string[] = CATALOGUE_UNITS;

/**
 * The label of a unit in a locale: the indicator's own label when it has one, else the unit's;
 * a unit without an entry (or one already localized) is returned as given.
 */
export function localizeUnit(unit: string, locale: ChartLocale, indicatorCode?: string): string {
  return unitLabel(unit, locale === 'zh-CN' ? 'zh' : 'en', indicatorCode);
}

/** The unit a change of a value is stated in: percentage points for percentages. */
export function unitOfChange(unit: string): string {
  return unit === '%' ? 'percentage points' : unit;
}

/**
 * Joins a formatted number and a localized unit label: Chinese labels, per-unit labels and
 * per-cent/per-mille signs attach directly (`87.5%`, `32分钟`, `6.1/千人`), words follow a space
 * (`32 min`).
 */
export function withUnit(text: string, label: string): string {
  return attachUnit(text, label);
}
