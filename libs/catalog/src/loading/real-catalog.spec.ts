import { join } from 'node:path';
import { loadCatalog } from './catalog-loader';

/** The catalogue the product ships (repository root `catalog/`). */
const CATALOG_DIR = join(__dirname, '..', '..', '..', '..', 'catalog');

describe('the shipped catalogue', () => {
  it('loads: the demo city with 10 districts, all indicators, 4 brand projects of 5+ KPIs', async () => {
    const bundle = await loadCatalog(CATALOG_DIR);
    expect(bundle.city).toEqual({
      code: '990100',
      nameZh: '示范市',
      nameEn: 'Demo City',
      timeZone: 'Asia/Shanghai',
    });
    const districts = bundle.regions.filter((r) => r.level === 'district');
    expect(districts.map((d) => d.code)).toEqual(Array.from({ length: 10 }, (_, i) => String(990101 + i)));
    expect(districts.every((d) => d.parentCode === '990100' && d.boundary !== null)).toBe(true);
    const population = districts.reduce((sum, d) => sum + (d.population ?? 0), 0);
    expect(population).toBeGreaterThanOrEqual(8_000_000);
    expect(population).toBeLessThanOrEqual(10_000_000);
    expect(bundle.indicators.length).toBeGreaterThanOrEqual(40);
    expect(bundle.indicators).toHaveLength(45);
    expect(bundle.departments.length).toBeGreaterThanOrEqual(6);
    expect(bundle.brandProjects.map((p) => p.code).sort()).toEqual([
      'citizen-satisfaction',
      'education-equity',
      'healthy-city',
      'smart-traffic',
    ]);
    for (const project of bundle.brandProjects) {
      expect(project.kpis.length).toBeGreaterThanOrEqual(5);
      expect(project.kpis.length).toBeLessThanOrEqual(10);
      expect(project.regionCodes).toHaveLength(10);
    }
  });

  it('gives every rate a ratio scale and every band indicator a band', async () => {
    const bundle = await loadCatalog(CATALOG_DIR);
    const byCode = new Map(bundle.indicators.map((i) => [i.code, i]));
    expect(byCode.get('health.physicians_per_1000')).toMatchObject({
      regionAggregation: 'ratio_of_sums',
      ratioScale: 1000,
    });
    expect(byCode.get('traffic.road_deaths_per_100k')).toMatchObject({
      timeAggregation: 'sum',
      ratioScale: 100000,
    });
    expect(byCode.get('traffic.peak_congestion_delay_index')).toMatchObject({
      regionAggregation: 'weighted_mean',
      regionWeight: 'vehicle_km',
    });
    expect(byCode.get('health.bed_occupancy_rate')).toMatchObject({
      direction: 'target_band',
      band: { lo: 85, hi: 93 },
    });
    for (const indicator of bundle.indicators) {
      if (indicator.regionAggregation === 'ratio_of_sums' || indicator.timeAggregation === 'ratio') {
        expect([indicator.code, indicator.ratioScale]).toEqual([indicator.code, expect.any(Number)]);
      }
      expect([indicator.code, indicator.nameZh.length > 0, indicator.definitionZh !== undefined]).toEqual([
        indicator.code,
        true,
        true,
      ]);
    }
  });
});
