import type { DemoDistrict } from '../city/demo-city';
import { indicatorProfile, type Cadence } from '../generator/indicator-profiles';
import { measure, type Period } from '../generator/indicator-model';
import { publishedPeriods } from '../generator/periods';
import { field, type CellValue, type FieldDef } from './dataset';

/** Where one indicator lands in a wide row: its value column and, for rates, the counts. */
export interface IndicatorColumns {
  indicator: string;
  value: string;
  /** Publish numerator/denominator columns (named after the indicator's rate spec). */
  counts?: boolean;
}

export interface WideRow {
  district: DemoDistrict;
  period: Period;
  cells: Record<string, CellValue>;
}

/** The value and count columns of a list of indicators, de-duplicated (shared denominators). */
export function indicatorFields(columns: ReadonlyArray<IndicatorColumns>): FieldDef[] {
  const seen = new Set<string>();
  const out: FieldDef[] = [];
  const add = (f: FieldDef): void => {
    if (!seen.has(f.name)) {
      seen.add(f.name);
      out.push(f);
    }
  };
  for (const c of columns) {
    const rate = indicatorProfile(c.indicator).rate;
    if (c.counts && rate) {
      add(field(rate.numeratorName, rate.integerNumerator ? 'integer' : 'number'));
      add(field(rate.denominatorName, 'integer'));
    }
    add(field(c.value, 'number'));
  }
  return out;
}

/**
 * Rows of one cadence with one column group per indicator, in time order and then district
 * order — the layout of a statistical bureau's district table.
 */
export function* wideRows(
  cadence: Cadence,
  columns: ReadonlyArray<IndicatorColumns>,
  districts: ReadonlyArray<DemoDistrict>,
  until: number,
): Generator<WideRow> {
  const profiles = columns.map((c) => ({ c, profile: indicatorProfile(c.indicator) }));
  for (const period of publishedPeriods(cadence, until)) {
    for (const district of districts) {
      const cells: Record<string, CellValue> = {};
      for (const { c, profile } of profiles) {
        const m = measure(profile, district, period);
        if (c.counts && profile.rate && m.numerator !== undefined && m.denominator !== undefined) {
          cells[profile.rate.numeratorName] = m.numerator;
          cells[profile.rate.denominatorName] = m.denominator;
        }
        cells[c.value] = m.value;
      }
      yield { district, period, cells };
    }
  }
}
