import { fixtureCatalogWith, minimalFile } from '../loading/catalog-fixture';
import { loadCatalog } from '../loading/catalog-loader';
import type { CatalogIssue } from './catalog-issue';
import { CatalogValidationError } from './catalog-validation-error';

const PILOT = 'brand-projects/pilot.yaml';

/** Loads the minimal catalogue with `files` replaced; returns `[path, message]` of each issue. */
async function problems(files: Record<string, string>): Promise<Array<[string, string, string]>> {
  const fixture = fixtureCatalogWith(files);
  try {
    await loadCatalog(fixture.dir);
    return [];
  } catch (error: unknown) {
    if (!(error instanceof CatalogValidationError)) throw error;
    return error.issues.map((i: CatalogIssue) => [i.file, i.path, i.message]);
  } finally {
    fixture.remove();
  }
}

const pilot = (edit: (text: string) => string) => ({ [PILOT]: edit(minimalFile(PILOT)) });

describe('cross-file checks', () => {
  it('accepts the minimal catalogue (no problems)', async () => {
    expect(await problems({})).toEqual([]);
  });

  it('refuses unknown departments and an owner listed as partner', async () => {
    const found = await problems(
      pilot((t) =>
        t
          .replace('owner_department: transport', 'owner_department: police')
          .replace('[health]', '[health, police]'),
      ),
    );
    expect(found).toEqual([
      [PILOT, 'owner_department', expect.stringContaining('unknown department "police"')],
      [PILOT, 'partner_departments[1]', expect.stringContaining('unknown department "police"')],
      [PILOT, 'partner_departments[1]', expect.stringContaining('is the owner department')],
    ]);
  });

  it('refuses unknown regions and region targets outside the covered regions', async () => {
    const found = await problems(
      pilot((t) => t.replace(`regions: ['990101', '990102']`, `regions: [990102, '990199']`)),
    );
    expect(found).toEqual([
      [PILOT, 'regions[1]', expect.stringContaining('unknown region "990199"')],
      [PILOT, 'kpis[0].region_targets[0].region', expect.stringContaining('not covered by this project')],
    ]);
  });

  it('refuses a cumulative KPI on an indicator that does not sum over time', async () => {
    const found = await problems(
      pilot((t) => t.replace('    weight: 60\n', '    weight: 60\n    cumulative: true\n')),
    );
    expect(found).toEqual([
      [PILOT, 'kpis[0].cumulative', expect.stringContaining('aggregates over time by mean')],
    ]);
  });

  it('refuses values outside the valid range and intermediate targets out of order', async () => {
    const found = await problems(
      pilot((t) =>
        t
          .replace('baseline: { value: 1.8, date: 2023-12-31 }', 'baseline: { value: 3.8, date: 2023-12-31 }')
          .replace(
            "      - { region: '990101', target: 1.7 }",
            "      - { region: '990101', target: 1.7 }\n    period_targets:\n      - { date: 2025-12-31, target: 3 }\n      - { date: 2024-12-31, target: 5 }",
          ),
      ),
    );
    expect(found).toEqual([
      [PILOT, 'kpis[0].period_targets[1].date', expect.stringContaining('out of order')],
      [
        PILOT,
        'kpis[0].period_targets[1].target',
        expect.stringContaining('not between the baseline 3.8 and the target 1.6'),
      ],
      [PILOT, 'kpis[0].baseline.value', expect.stringContaining('outside the valid range 1–3')],
    ]);
  });

  it('refuses milestones outside the period or listed twice', async () => {
    const found = await problems(
      pilot((t) =>
        t.replace(
          '  - date: 2024-06-01\n    title: { zh: 启动, en: Launch }',
          '  - date: 2024-06-01\n    title: { zh: 启动, en: Launch }\n  - date: 2024-06-01\n    title: { zh: 启动, en: Start }\n  - date: 2027-01-01\n    title: { zh: 验收, en: Review }',
        ),
      ),
    );
    expect(found).toEqual([
      [PILOT, 'milestones[1]', expect.stringContaining('listed twice')],
      [PILOT, 'milestones[2].date', expect.stringContaining('outside the project period')],
    ]);
  });

  it('refuses a duplicate indicator code across files and a code filed under the wrong domain', async () => {
    const health = minimalFile('indicators/health.yaml');
    const found = await problems({
      'indicators/health.yaml': health.replace(
        'indicators:\n',
        "indicators:\n  - code: traffic.pt_motorized_mode_share\n    name: { zh: 重复, en: Duplicate }\n    unit: '%'\n    direction: higher_is_better\n    aggregation: { time: last, region: ratio_of_sums, ratio_scale: 100 }\n    frequency: year\n",
      ),
    });
    expect(found).toEqual([
      [
        'indicators/health.yaml',
        'indicators[0].code',
        expect.stringContaining('filed under domain "health"'),
      ],
      [
        'indicators/traffic.yaml',
        'indicators[1].code',
        expect.stringContaining(
          'duplicate indicator code "traffic.pt_motorized_mode_share" (already defined in indicators/health.yaml: indicators[0]',
        ),
      ],
    ]);
  });

  it('requires a band for target_band and a ratio scale for ratio aggregation', async () => {
    const health = minimalFile('indicators/health.yaml');
    const found = await problems({
      'indicators/health.yaml': health
        .replace('    band: { lo: 6, hi: 8.5, tolerance: 1.5 }\n', '')
        .replace(', ratio_scale: 1000', ''),
    });
    expect(found).toEqual([
      [
        'indicators/health.yaml',
        'indicators[0].band',
        expect.stringContaining('is required for direction target_band'),
      ],
      [
        'indicators/health.yaml',
        'indicators[0].aggregation.ratio_scale',
        expect.stringContaining('is required when'),
      ],
    ]);
  });

  it('matches districts and boundary features both ways', async () => {
    const districts = minimalFile('geo/districts.geojson');
    const found = await problems({
      'geo/districts.geojson': districts.replace('"code": "990102"', '"code": "990103"'),
    });
    expect(found).toEqual([
      ['city.yaml', 'districts[1]', expect.stringContaining('no boundary for district 990102')],
      [
        'geo/districts.geojson',
        'features[1].properties.code',
        expect.stringContaining('unknown region code "990103"'),
      ],
    ]);
  });

  it('refuses an alias that names two regions', async () => {
    const city = minimalFile('city.yaml');
    const found = await problems({
      'city.yaml': city.replace('    population: 200000\n', '    population: 200000\n    aliases: [East]\n'),
    });
    expect(found).toEqual([
      [
        'city.yaml',
        'districts[1].aliases[0]',
        expect.stringContaining('alias "East" already names region 990101'),
      ],
    ]);
  });
});
