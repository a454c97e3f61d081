import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startFixtureServer, type FixtureReply, type FixtureServer } from '../conformance/fixture-server';
import { parseSourceManifest } from '../manifest/parse-source-manifest';
import type { SourceManifest } from '../manifest/manifest-schema';
import type { MappedObservation, Reject } from '../mapping/mapping-context';
import { runSource } from '../run/run-source';
import { loadTestCatalog, MANIFEST_DIR, OPENDATA_DIR } from './test-catalog';

/**
 * Real portal files ingested through their YAML manifests alone. Files a portal serves over HTTP
 * are answered from recordings by a local server that plays the portal (portal.test → 127.0.0.1).
 */

const file = (relative: string): Buffer => readFileSync(path.join(OPENDATA_DIR, relative));
const jsonReply = (relative: string): FixtureReply => ({
  headers: { 'content-type': 'application/json' },
  body: file(relative),
});

let server: FixtureServer;
let port = '';
const appTokens: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer((request) => {
    switch (request.path) {
      case '/api/3/action/datastore_search':
        return jsonReply('traffic/ckan-datastore-search-bari-traffic-signals.json');
      case '/resource/uczf-rk3c.json': {
        appTokens.push(String(request.headers['x-app-token']));
        const offset = Number(request.query.get('$offset'));
        if (request.query.get('$order') !== ':id') return { status: 400, body: 'order required' };
        if (offset === 0) return jsonReply('traffic/socrata-json-nyc-bike-counts-page1.json');
        if (offset === 1000) return jsonReply('traffic/socrata-json-nyc-bike-counts-page2.json');
        return { body: '[]' };
      }
      case '/arcgis/rest/services/LADOT/MapServer/7':
        return jsonReply('meta/arcgis-layer-metadata-census-designated-places.json');
      case '/arcgis/rest/services/LADOT/MapServer/7/query':
        return jsonReply('traffic/arcgis-mapserver-json-la-traffic-count-locations.json');
      case '/api/explore/v2.1/catalog/datasets/fr-en-annuaire-education/exports/json':
        return jsonReply('education/ods-exports-json-fr-annuaire-education-val-de-marne.json');
      case '/api/explore/v2.1/catalog/datasets/fr-en-college-effectifs-niveau-sexe-lv/exports/csv':
        return {
          headers: { 'content-type': 'text/csv; charset=utf-8' },
          body: file('education/ods-exports-csv-fr-college-effectifs-niveau-sexe-lv.csv'),
        };
      default:
        return { status: 404, body: 'no recording' };
    }
  });
  port = new URL(server.url).port;
});
afterAll(() => server.close());

function loadManifest(name: string): SourceManifest {
  const text = readFileSync(path.join(MANIFEST_DIR, name), 'utf8').split('{{port}}').join(port);
  return parseSourceManifest(text, name);
}

interface Outcome {
  observations: MappedObservation[];
  rejects: Reject[];
  rowsRead: number;
  rowsSkipped: number;
  nullsSkipped: number;
  pageCount: number;
  cursor: string | null;
}

async function ingest(name: string, timeZone = 'Asia/Shanghai', cursor?: string): Promise<Outcome> {
  const out: Outcome = {
    observations: [],
    rejects: [],
    rowsRead: 0,
    rowsSkipped: 0,
    nullsSkipped: 0,
    pageCount: 0,
    cursor: null,
  };
  const batches = runSource(loadManifest(name), loadTestCatalog(timeZone), {
    cursor,
    fetch: {
      fileRoot: OPENDATA_DIR,
      allowedAddresses: ['127.0.0.1'],
      resolver: async (host) => (host === 'portal.test' ? [{ address: '127.0.0.1', family: 4 }] : []),
      env: { SOCRATA_APP_TOKEN: 'test-token' },
    },
  });
  for await (const batch of batches) {
    out.observations.push(...batch.observations);
    out.rejects.push(...batch.rejects);
    Object.assign(out, {
      rowsRead: batch.rowsRead,
      rowsSkipped: batch.rowsSkipped,
      nullsSkipped: batch.nullsSkipped,
      pageCount: batch.pageCount,
      cursor: batch.cursor,
    });
  }
  return out;
}

function valueAt(
  outcome: Outcome,
  indicator: string,
  region: string,
  periodStart: string,
): number | undefined {
  return outcome.observations.find(
    (o) =>
      o.indicatorCode === indicator && o.regionCode === region && o.periodStart.toISOString() === periodStart,
  )?.value;
}

describe('real open-data files through manifests', () => {
  it('parses every manifest in the fixtures folder', () => {
    const names = [
      'bari-traffic-signals-ckan.yaml',
      'nbs-cpi-transport-gbk.yaml',
      'nyc-bike-counts-socrata.yaml',
    ];
    for (const name of names) expect(loadManifest(name).key).toMatch(/^[a-z0-9-]+$/);
  });

  it('国家统计局 GBK wide monthly table (transport CPI): preamble, footer, empty newest month', async () => {
    const out = await ingest('nbs-cpi-transport-gbk.yaml');
    expect(out.rejects).toEqual([]);
    expect(out.rowsRead).toBe(31);
    expect(out.nullsSkipped).toBe(31);
    expect(out.observations).toHaveLength(62);
    expect(valueAt(out, 'test.cpi_transport', '110000', '2020-01-31T16:00:00.000Z')).toBe(97.6);
    expect(valueAt(out, 'test.cpi_transport', '110000', '2019-12-31T16:00:00.000Z')).toBe(101.9);
    expect(valueAt(out, 'test.cpi_transport', '650000', '2019-12-31T16:00:00.000Z')).toBe(101.0);
    expect(valueAt(out, 'test.cpi_transport', '150000', '2020-01-31T16:00:00.000Z')).toBeDefined();
  });

  it('国家统计局 GBK healthcare CPI with a source range check', async () => {
    const out = await ingest('nbs-cpi-healthcare-gbk.yaml');
    expect(valueAt(out, 'test.cpi_healthcare', '110000', '2019-12-31T16:00:00.000Z')).toBe(112.9);
    expect(valueAt(out, 'test.cpi_healthcare', '650000', '2020-01-31T16:00:00.000Z')).toBe(100.4);
    expect(out.rejects.map((r) => [r.rowNumber, r.reasonCode, r.field])).toContainEqual([
      1,
      'out_of_range',
      undefined,
    ]);
    expect(out.rejects.every((r) => r.reasonCode === 'out_of_range')).toBe(true);
    expect(out.observations.length + out.rejects.length).toBe(62);
  });

  it('NBS road accidents (UTF-8 BOM, units in headers, 万元 factor)', async () => {
    const out = await ingest('nbs-road-accidents.yaml');
    const y2023 = '2022-12-31T16:00:00.000Z';
    expect(valueAt(out, 'test.road_accidents', '100000', y2023)).toBe(254738);
    expect(valueAt(out, 'test.road_deaths', '100000', y2023)).toBe(60028);
    expect(valueAt(out, 'test.road_accident_loss_yuan', '100000', y2023)).toBe(1_179_330_000);
    expect(out.observations).toHaveLength(27);
    expect(out.rejects).toEqual([]);
  });

  it('NBS civil vehicles (万辆 → vehicles)', async () => {
    const out = await ingest('nbs-civil-vehicles.yaml');
    expect(valueAt(out, 'test.civil_vehicles', '100000', '2022-12-31T16:00:00.000Z')).toBeCloseTo(
      329_115_500,
      0,
    );
    expect(valueAt(out, 'test.passenger_vehicles', '100000', '2018-12-31T16:00:00.000Z')).toBeCloseTo(
      224_742_700,
      0,
    );
    expect(out.observations).toHaveLength(10);
  });

  it('CKAN datastore_search (Bari): string numbers, stop on total, signals counted per district by coordinates', async () => {
    const out = await ingest('bari-traffic-signals-ckan.yaml', 'Europe/Rome');
    expect(server.requests.filter((r) => r.startsWith('/api/3/action/datastore_search'))).toHaveLength(1);
    expect(out.rowsRead).toBe(419);
    expect(out.rowsSkipped).toBe(246);
    expect(out.rejects).toEqual([]);
    expect(out.observations.map((o) => [o.regionCode, o.periodStart.toISOString(), o.value])).toEqual([
      ['it-ba-n', '2023-12-31T23:00:00.000Z', 84],
      ['it-ba-s', '2023-12-31T23:00:00.000Z', 89],
    ]);
  });

  it('Socrata SODA page set (page1 + page2): $order=:id, short last page, daily sums, cursor', async () => {
    const out = await ingest('nyc-bike-counts-socrata.yaml', 'America/New_York');
    expect(out.pageCount).toBe(2);
    expect(out.rowsRead).toBe(1001);
    expect(out.observations).toHaveLength(12);
    expect(valueAt(out, 'test.bike_trips', '3651000', '2016-09-21T04:00:00.000Z')).toBe(951);
    expect(valueAt(out, 'test.bike_trips', '3651000', '2016-09-22T04:00:00.000Z')).toBe(3991);
    expect(valueAt(out, 'test.bike_trips', '3651000', '2016-10-02T04:00:00.000Z')).toBe(9);
    expect(out.cursor).toBe('2016-10-02T05:45:00.000Z');
    // The secret came from the environment reference in the manifest.
    expect(appTokens).toEqual(['test-token', 'test-token']);
    // The next run asks the portal for rows after the cursor minus the one-day lookback.
    server.requests.length = 0;
    const next = await ingest('nyc-bike-counts-socrata.yaml', 'America/New_York', out.cursor ?? undefined);
    // Aggregated days are re-read whole: the bound moves back to the start of 1 October.
    expect(new URL(server.requests[0] ?? '', 'http://x').searchParams.get('$where')).toBe(
      "(date > '2016-09-30T23:59:59.999')",
    );
    expect(next.observations.map((o) => [o.periodStart.toISOString(), o.value])).toEqual([
      ['2016-10-01T04:00:00.000Z', 2234],
      ['2016-10-02T04:00:00.000Z', 9],
    ]);
  });

  it('ArcGIS MapServer query (Esri JSON): metadata first, features counted', async () => {
    server.requests.length = 0;
    const out = await ingest('la-traffic-counts-arcgis.yaml', 'America/Los_Angeles');
    expect(server.requests[0]).toBe('/arcgis/rest/services/LADOT/MapServer/7?f=json');
    expect(decodeURIComponent(server.requests[1] ?? '')).toContain('resultOffset=0&resultRecordCount=100000');
    expect(out.observations).toEqual([
      {
        indicatorCode: 'test.traffic_count_sites',
        regionCode: '0644000',
        grain: 'year',
        periodStart: new Date('2019-01-01T08:00:00.000Z'),
        value: 1500,
      },
    ]);
  });

  it('OpenDataSoft /exports/json (Val-de-Marne schools): lowercase keys, nulls, filters', async () => {
    const out = await ingest('val-de-marne-schools-ods.yaml', 'Europe/Paris');
    expect(out.rowsSkipped).toBe(1);
    expect(valueAt(out, 'test.schools', 'fr-94', '2025-12-31T23:00:00.000Z')).toBe(449);
    expect(valueAt(out, 'test.schools_with_canteen', 'fr-94', '2025-12-31T23:00:00.000Z')).toBe(448);
  });

  it('OpenDataSoft /exports/csv (`;`, BOM, CRLF, 150-character header)', async () => {
    const out = await ingest('ille-et-vilaine-colleges-ods-csv.yaml', 'Europe/Paris');
    expect(out.rowsRead).toBe(374);
    expect(out.observations.map((o) => [o.periodStart.toISOString(), o.value])).toEqual([
      ['2018-12-31T23:00:00.000Z', 56959],
      ['2019-12-31T23:00:00.000Z', 57639],
      ['2020-12-31T23:00:00.000Z', 57649],
    ]);
  });

  it('XLSX (NYC UHF crosswalk): named sheet, text ids, comma-joined ZIP lists', async () => {
    const out = await ingest('nyc-uhf-zip-crosswalk-xlsx.yaml', 'America/New_York');
    expect(out.rowsRead).toBe(42);
    expect(out.observations).toEqual([
      {
        indicatorCode: 'test.zip_codes',
        regionCode: '3651000',
        grain: 'year',
        periodStart: new Date('2021-01-01T05:00:00.000Z'),
        value: 207,
      },
    ]);
  });

  it('NYC SAT results: `s` suppressed values skipped, borough from the school id, mean per borough', async () => {
    const out = await ingest('nyc-sat-2012.yaml', 'America/New_York');
    expect(out.nullsSkipped).toBe(57);
    expect(out.rejects).toEqual([]);
    expect(valueAt(out, 'test.sat_math_mean', '36061', '2012-01-01T05:00:00.000Z')).toBeCloseTo(432.2547, 3);
    expect(valueAt(out, 'test.sat_math_mean', '36085', '2012-01-01T05:00:00.000Z')).toBeCloseTo(462.9167, 3);
    expect(out.observations).toHaveLength(5);
  });

  it('NYC school demographics: `20052006` school years', async () => {
    const out = await ingest('nyc-school-demographics.yaml', 'America/New_York');
    expect(valueAt(out, 'test.enrolment', '36061', '2005-01-01T05:00:00.000Z')).toBe(154141);
    expect(valueAt(out, 'test.enrolment', '36047', '2009-01-01T05:00:00.000Z')).toBe(276);
  });

  it('Valencia CSV: `;`, decimal commas, yyyymmdd dates', async () => {
    const out = await ingest('valencia-covid-cases.yaml', 'Europe/Madrid');
    expect(out.rowsRead).toBe(2000);
    expect(out.observations).toHaveLength(200);
    expect(valueAt(out, 'test.covid_cases', 'es-vc', '2022-02-17T23:00:00.000Z')).toBe(1280498);
    expect(valueAt(out, 'test.covid_case_share_mean', 'es-vc', '2022-02-17T23:00:00.000Z')).toBeCloseTo(
      9.99,
      6,
    );
  });

  it('GeoJSON via the json connector (Mecklenburg hospitals)', async () => {
    const out = await ingest('mecklenburg-hospitals-geojson.yaml', 'America/New_York');
    expect(out.observations).toEqual([
      {
        indicatorCode: 'test.hospitals',
        regionCode: '37119',
        grain: 'year',
        periodStart: new Date('2013-01-01T05:00:00.000Z'),
        value: 7,
      },
    ]);
  });
});
