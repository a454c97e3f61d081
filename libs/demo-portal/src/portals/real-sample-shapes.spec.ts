import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { DATASET_IDS } from '../datasets/dataset-ids';
import { startDemoPortal, type DemoPortal } from '../server/demo-portal-server';

/**
 * Compares the demo portal's answers with real portal responses kept as fixtures outside the
 * repository (their licences allow test use only). Skipped where the samples are not available.
 */
const SAMPLES = process.env['CIVICPULSE_OPENDATA_DIR'] ?? '/work/shared/opendata';
const describeWithSamples = existsSync(join(SAMPLES, 'PROVENANCE.md')) ? describe : describe.skip;

type Json = Record<string, unknown>;
const sample = (path: string): unknown => JSON.parse(readFileSync(join(SAMPLES, path), 'utf8'));
const keysOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null ? Object.keys(value) : [];

let portal: DemoPortal;
const get = async (path: string): Promise<Response> => fetch(`${portal.url}${path}`);

describeWithSamples('shapes of real portal samples', () => {
  beforeAll(async () => {
    portal = await startDemoPortal({ until: '2024-01-01T00:00:00+08:00', hourlyDays: 1, benchRows: 10 });
  });
  afterAll(() => portal.close());

  it('CKAN datastore_search: every key of the Bari response, numeric values as strings', async () => {
    const real = sample('traffic/ckan-datastore-search-bari-traffic-signals.json') as {
      result: Json & { fields: Json[]; records: Json[] };
    };
    const ours = (await (
      await get(`/ckan/api/3/action/datastore_search?resource_id=${DATASET_IDS.trafficDaily}&limit=5`)
    ).json()) as {
      result: Json & { fields: Json[]; records: Json[] };
    };
    expect(keysOf(ours)).toEqual(expect.arrayContaining(keysOf(real)));
    expect(keysOf(ours.result)).toEqual(expect.arrayContaining(keysOf(real.result)));
    expect(keysOf(ours.result['_links']).sort()).toEqual(keysOf(real.result['_links']).sort());
    expect(keysOf(ours.result.fields[0]).sort()).toEqual(keysOf(real.result.fields[0]).sort());
    const numericIn = (r: { fields: Json[]; records: Json[] }): unknown[] =>
      r.fields.filter((f) => f['type'] === 'numeric').map((f) => r.records[0]?.[String(f['id'])]);
    expect(numericIn(real.result).every((v) => typeof v === 'string')).toBe(true);
    expect(numericIn(ours.result).every((v) => typeof v === 'string')).toBe(true);
  });

  it('Socrata: string values like the sodapy pages, type headers like the recorded response', async () => {
    const real = sample('traffic/socrata-json-nyc-bike-counts-page1.json') as Json[];
    const response = await get(`/resource/${DATASET_IDS.healthMonthly}.json?$limit=5`);
    const ours = (await response.json()) as Json[];
    expect(real.every((r) => Object.values(r).every((v) => typeof v === 'string'))).toBe(true);
    expect(ours.every((r) => Object.values(r).every((v) => typeof v === 'string'))).toBe(true);
    const recorded = readFileSync(
      join(SAMPLES, 'meta/socrata-http-response-json-with-soda2-headers.response'),
      'utf8',
    );
    for (const header of ['X-SODA2-Fields', 'X-SODA2-Types']) {
      expect(recorded).toContain(`${header}:`);
      expect(JSON.parse(response.headers.get(header) ?? 'null')).toEqual(expect.any(Array));
    }
  });

  it('ArcGIS: the query keys of the LA MapServer answer and the metadata keys clients read', async () => {
    const realQuery = sample('traffic/arcgis-mapserver-json-la-traffic-count-locations.json');
    const ours = await (
      await get(
        `/arcgis/rest/services/${DATASET_IDS.trafficAccidents}/FeatureServer/0/query?where=1%3D1&outFields=*&resultRecordCount=2&f=json`,
      )
    ).json();
    expect(keysOf(ours)).toEqual(expect.arrayContaining(keysOf(realQuery)));
    const realLayer = sample('meta/arcgis-layer-metadata-census-designated-places.json');
    const layer = await (
      await get(`/arcgis/rest/services/${DATASET_IDS.trafficAccidents}/FeatureServer/0?f=json`)
    ).json();
    // Rendering and versioning details (drawingInfo, scales, subtypes…) are not served.
    const notServed = [
      'drawingInfo',
      'minScale',
      'maxScale',
      'htmlPopupType',
      'subtypeField',
      'subtypeFieldName',
      'subtypes',
      'defaultSubtypeCode',
      'ownershipBasedAccessControlForFeatures',
      'supportsDatumTransformation',
      'supportsCoordinatesQuantization',
    ];
    expect(keysOf(layer)).toEqual(
      expect.arrayContaining(keysOf(realLayer).filter((k) => !notServed.includes(k))),
    );
  });

  it('OpenDataSoft exports: flat lowercase JSON objects, and BOM + ";" + CRLF CSV', async () => {
    const realJson = sample('education/ods-exports-json-fr-annuaire-education-val-de-marne.json') as Json[];
    const ours = (await (
      await get(`/api/explore/v2.1/catalog/datasets/${DATASET_IDS.schools}/exports/json`)
    ).json()) as Json[];
    for (const rows of [realJson, ours])
      expect(keysOf(rows[0]).every((k) => k === k.toLowerCase())).toBe(true);
    const realCsv = readFileSync(
      join(SAMPLES, 'education/ods-exports-csv-fr-college-effectifs-niveau-sexe-lv.csv'),
    );
    const ourCsv = Buffer.from(
      await (
        await get(`/api/explore/v2.1/catalog/datasets/${DATASET_IDS.schools}/exports/csv`)
      ).arrayBuffer(),
    );
    for (const csv of [realCsv, ourCsv]) {
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const firstLine = csv.toString('utf8').split('\r\n')[0];
      expect(firstLine.split(';').length).toBeGreaterThan(5);
      expect(firstLine.slice(1, 2)).toBe(firstLine.slice(1, 2).toUpperCase());
    }
  });

  it('GBK CSV: the 国家统计局 preamble, region header and source footer', async () => {
    const real = iconv
      .decode(
        readFileSync(join(SAMPLES, 'traffic/csv-gbk-nbs-province-monthly-cpi-transport-communication.csv')),
        'gbk',
      )
      .trimEnd()
      .split('\n');
    const ours = iconv
      .decode(Buffer.from(await (await get(`/files/${DATASET_IDS.hotlineRate}.csv`)).arrayBuffer()), 'gbk')
      .trimEnd()
      .split('\n');
    for (const lines of [real, ours]) {
      expect(lines.slice(0, 3).map((l) => l.slice(0, 3))).toEqual(['数据库', '指标：', '时间：']);
      expect(lines[3].split(',')[0]).toBe('地区');
      expect(lines[3].split(',')[1]).toMatch(/^\d{4}年\d{1,2}月$/);
      expect(lines.at(-1)).toBe('数据来源：国家统计局');
    }
  });
});
