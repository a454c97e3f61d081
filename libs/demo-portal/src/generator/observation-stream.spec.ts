import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ObservationPoint } from '@civicpulse/domain';
import { defaultCatalogDir, loadDemoDistricts } from '../city/city-catalog-loader';
import { toLocal } from '../city/city-calendar';
import { dayKind, SPRING_FESTIVAL } from '../city/holidays';
import { INDICATOR_PROFILES, indicatorProfile } from './indicator-profiles';
import { generateObservations } from './observation-stream';

const UNTIL = Date.parse('2025-07-01T00:00:00+08:00');
const districts = loadDemoDistricts();

function collect(codes: string[], until = UNTIL): ObservationPoint[] {
  return Array.from(generateObservations({ districts, until, indicators: codes }));
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('generateObservations', () => {
  it('covers exactly the indicator codes of the catalogue', () => {
    const dir = join(defaultCatalogDir() ?? '', 'indicators');
    const catalogue = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.yaml'))
          .flatMap((f) =>
            (
              parseYaml(readFileSync(join(dir, f), 'utf8')) as { indicators: Array<{ code: string }> }
            ).indicators.map((i) => i.code),
          )
      : [];
    expect(INDICATOR_PROFILES).toHaveLength(45);
    if (catalogue.length > 0)
      expect(new Set(INDICATOR_PROFILES.map((p) => p.code))).toEqual(new Set(catalogue));
    const seen = new Set(
      Array.from(generateObservations({ districts, until: UNTIL }), (o) => o.indicatorCode),
    );
    expect(seen.size).toBe(45);
  });

  it('is deterministic and does not rewrite history when `until` moves on', () => {
    const codes = [
      'traffic.road_tpi',
      'health.bed_occupancy_rate',
      'satisfaction.hotline_12345_satisfaction',
    ];
    const first = collect(codes);
    const again = collect(codes);
    expect(again).toEqual(first);
    const later = collect(codes, Date.parse('2026-03-01T00:00:00+08:00'));
    const key = (o: ObservationPoint): string =>
      `${o.indicatorCode}|${o.regionCode}|${o.grain}|${o.periodStart.toISOString()}`;
    const laterByKey = new Map(later.map((o) => [key(o), o]));
    expect(later.length).toBeGreaterThan(first.length);
    for (const o of first) expect(laterByKey.get(key(o))).toEqual(o);
  });

  it('keeps every non-flow value inside the typical range, and yearly flow totals too', () => {
    const all = Array.from(generateObservations({ districts, until: UNTIL }));
    const outside = all.filter((o) => {
      const p = indicatorProfile(o.indicatorCode);
      return !p.flow && (o.value < p.min || o.value > p.max || !Number.isFinite(o.value));
    });
    expect(outside).toEqual([]);
    const totals = new Map<string, number>();
    for (const o of all) {
      if (!indicatorProfile(o.indicatorCode).flow || toLocal(o.periodStart.getTime()).year !== 2024) continue;
      const k = `${o.indicatorCode}|${o.regionCode}`;
      totals.set(k, (totals.get(k) ?? 0) + o.value);
    }
    expect(totals.size).toBe(30);
    for (const [k, total] of totals) {
      const p = indicatorProfile(k.split('|')[0]);
      // Road deaths are small Poisson counts: allow their sampling spread around the range.
      const slack = p.code === 'traffic.road_deaths_per_100k' ? 1.5 : 0;
      expect(total).toBeGreaterThanOrEqual(p.min - slack);
      expect(total).toBeLessThanOrEqual(p.max + slack);
    }
  });

  it('carries numerator and denominator on rates so that value = num / den × scale', () => {
    const rates = collect([
      'traffic.pt_epayment_rate',
      'health.physicians_per_1000',
      'education.primary_pupil_teacher_ratio',
      'satisfaction.hotline_12345_satisfaction',
    ]);
    expect(rates.length).toBeGreaterThan(9000);
    const inconsistent = rates.filter((o) => {
      const p = indicatorProfile(o.indicatorCode);
      if (typeof o.numerator !== 'number' || typeof o.denominator !== 'number' || o.denominator <= 0)
        return true;
      const exact = (o.numerator / o.denominator) * (p.rate?.scale ?? 1);
      return Math.abs(exact - o.value) > 0.5 * 10 ** -p.decimals + 1e-9;
    });
    expect(inconsistent).toEqual([]);
    const hotline = collect(['satisfaction.hotline_12345_satisfaction']);
    expect(hotline.every((o) => Number.isInteger(o.numerator) && Number.isInteger(o.denominator))).toBe(true);
  });

  it('gives traffic a weekday/weekend rhythm and a Spring Festival dip', () => {
    const delay = collect(['traffic.peak_congestion_delay_index']).filter((o) => o.regionCode === '990101');
    const byKind = (kind: string): number[] =>
      delay
        .filter((o) => {
          const l = toLocal(o.periodStart.getTime());
          return dayKind(l, l.weekday) === kind;
        })
        .map((o) => o.value);
    const workday = mean(byKind('workday'));
    const sunday = mean(byKind('sunday'));
    expect(workday - sunday).toBeGreaterThan(0.08);
    const festival = mean(byKind('spring_festival'));
    expect(sunday - festival).toBeGreaterThan(0.1);
    const sf2024 = delay.find(
      (o) => o.periodStart.getTime() === Date.parse(`${SPRING_FESTIVAL[2024]}T00:00:00+08:00`),
    );
    expect(sf2024?.value).toBeLessThan(workday - 0.25);
  });

  it('loads hospitals in winter and improves towards the targets over the years', () => {
    const beds = collect(['health.bed_occupancy_rate']);
    const month = (m: number): number =>
      mean(beds.filter((o) => toLocal(o.periodStart.getTime()).month === m).map((o) => o.value));
    expect(month(1)).toBeGreaterThan(month(7) + 1);
    const cei = collect(['satisfaction.hotline_12345_satisfaction']);
    const year = (y: number): number =>
      mean(cei.filter((o) => toLocal(o.periodStart.getTime()).year === y).map((o) => o.value));
    expect(year(2025)).toBeGreaterThan(year(2023) + 1);
  });

  it('makes districts differ: a congested old town, an outer district behind on education, one getting worse', () => {
    const delay = collect(['traffic.peak_congestion_delay_index']);
    const districtMean = (rows: ObservationPoint[], code: string): number =>
      mean(rows.filter((o) => o.regionCode === code).map((o) => o.value));
    expect(districtMean(delay, '990101')).toBeGreaterThan(districtMean(delay, '990110') + 0.1);
    const ratio = collect(['education.primary_pupil_teacher_ratio']);
    expect(districtMean(ratio, '990108')).toBeGreaterThan(districtMean(ratio, '990101') + 1);
    const beiyuan = delay.filter((o) => o.regionCode === '990104');
    const yearMean = (y: number): number =>
      mean(beiyuan.filter((o) => toLocal(o.periodStart.getTime()).year === y).map((o) => o.value));
    expect(yearMean(2025)).toBeGreaterThan(yearMean(2023));
  });

  it('publishes school years from September and only complete months', () => {
    const years = (until: string): number[] =>
      collect(['education.preschool_gross_enrollment'], Date.parse(until))
        .filter((o) => o.regionCode === '990101')
        .map((o) => toLocal(o.periodStart.getTime()).year);
    expect(years('2025-08-31T00:00:00+08:00')).toEqual([2022, 2023, 2024]);
    expect(years('2025-09-02T00:00:00+08:00')).toEqual([2022, 2023, 2024, 2025]);
    const monthly = collect(['health.ems_response_time']).filter((o) => o.regionCode === '990101');
    expect(monthly).toHaveLength(30);
    expect(monthly.at(-1)?.periodStart.toISOString()).toBe('2025-05-31T16:00:00.000Z');
  });
});
