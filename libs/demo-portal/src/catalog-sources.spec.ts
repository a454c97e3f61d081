import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObservationPoint } from '@civicpulse/domain';
// The demo portal's own manifests are checked with the real manifest schema and connectors: a
// test-only use of the connectors library, which the portal's production code never imports.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  parseSourceManifest,
  runSource,
  type MappedObservation,
  type SourceManifest,
} from '@civicpulse/connectors';
import { defaultCatalogDir, loadDemoDistricts } from './city/city-catalog-loader';
import { INDICATOR_PROFILES } from './generator/indicator-profiles';
import { generateObservations } from './generator/observation-stream';
import { startDemoPortal, type DemoPortal } from './server/demo-portal-server';

const UNTIL = '2024-03-01T00:00:00+08:00';
const sourcesDir = join(defaultCatalogDir() ?? 'catalog', 'sources');
const files = readdirSync(sourcesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

let portal: DemoPortal;
beforeAll(async () => {
  portal = await startDemoPortal({ until: UNTIL, benchRows: 10, hourlyDays: 30 });
});
afterAll(() => portal.close());

function manifest(file: string): SourceManifest {
  const text = readFileSync(join(sourcesDir, file), 'utf8').split('${DEMO_PORTAL_URL}').join(portal.url);
  return parseSourceManifest(text, file);
}

const districts = loadDemoDistricts();
const context = {
  timeZone: 'Asia/Shanghai',
  regions: districts.map((d) => ({
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    level: 'district' as const,
    aliases: [d.nameZh, d.nameEn],
  })),
  indicators: INDICATOR_PROFILES.map((p) => ({
    code: p.code,
    validMin: null,
    validMax: null,
    ratioScale: p.rate?.scale,
  })),
};

const key = (o: Pick<ObservationPoint, 'indicatorCode' | 'regionCode' | 'grain' | 'periodStart'>): string =>
  `${o.indicatorCode}|${o.regionCode}|${o.grain}|${o.periodStart.toISOString()}`;

describe('catalog/sources manifests of the demo city', () => {
  it('validate against the manifest schema', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) expect(() => manifest(file)).not.toThrow();
  });

  it('map every indicator of the catalogue exactly once', () => {
    const mapped = files.flatMap((file) => manifest(file).mapping.indicators.map((i) => i.code));
    expect([...mapped].sort()).toEqual(INDICATOR_PROFILES.map((p) => p.code).sort());
  });

  it('exercise every connector type', () => {
    expect(new Set(files.map((file) => manifest(file).connector.type))).toEqual(
      new Set(['ckan', 'socrata', 'arcgis', 'opendatasoft', 'csv', 'xlsx', 'json']),
    );
  });

  const expected = new Map(
    Array.from(generateObservations({ districts, until: Date.parse(UNTIL) }), (o) => [key(o), o] as const),
  );

  it.each(files)(
    '%s reads end to end from the demo portal without rejects, matching the generator',
    async (file) => {
      const observations: MappedObservation[] = [];
      let rejects = 0;
      for await (const batch of runSource(manifest(file), context, {
        fetch: { allowPrivateNetworks: true },
      })) {
        observations.push(...batch.observations);
        rejects += batch.rejects.length;
      }
      expect(rejects).toBe(0);
      expect(observations.length).toBeGreaterThan(0);
      const mismatched = observations.filter((o) => {
        if (o.grain === 'hour') return false;
        const want = expected.get(key(o));
        // Rates are recomputed from numerator / denominator; the portal rounds to its decimals.
        const decimals = INDICATOR_PROFILES.find((p) => p.code === o.indicatorCode)?.decimals ?? 0;
        return !want || Math.abs(want.value - o.value) > 0.5 * 10 ** -decimals + 1e-9;
      });
      expect(mismatched.slice(0, 3)).toEqual([]);
    },
    60_000,
  );

  it.each([
    ['demo-traffic-daily.yaml', '2024-01-20T00:00:00.000Z'],
    ['demo-traffic-peak-hours.yaml', '2024-02-20T00:00:00.000Z'],
    ['demo-health-monthly.yaml', '2024-01-01T00:00:00.000Z'],
  ])(
    '%s resumes after a stored cursor (%s)',
    async (file, cursor) => {
      const read = async (from: string | null): Promise<MappedObservation[]> => {
        const out: MappedObservation[] = [];
        for await (const batch of runSource(manifest(file), context, {
          cursor: from,
          fetch: { allowPrivateNetworks: true },
        })) {
          out.push(...batch.observations);
        }
        return out;
      };
      const all = await read(null);
      const resumed = await read(cursor);
      expect(resumed.length).toBeGreaterThan(0);
      expect(resumed.length).toBeLessThan(all.length);
    },
    60_000,
  );
});
