import { DATASET_IDS } from '../datasets/dataset-ids';
import { startDemoPortal, type DemoPortal } from '../server/demo-portal-server';
import { ARCGIS_MAX_RECORD_COUNT } from './arcgis-portal';

let portal: DemoPortal;
beforeAll(async () => {
  portal = await startDemoPortal({ until: '2024-01-01T00:00:00+08:00', hourlyDays: 2, benchRows: 10 });
});
afterAll(() => portal.close());

type Json = Record<string, unknown>;
async function get(path: string): Promise<{ status: number; headers: Headers; body: Json }> {
  const response = await fetch(`${portal.url}${path}`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

describe('ArcGIS FeatureServer', () => {
  const layer = `/arcgis/rest/services/${DATASET_IDS.trafficAccidents}/FeatureServer/0`;

  it('describes the layer like the real metadata sample (census designated places)', async () => {
    const { body } = await get(`${layer}?f=json`);
    // Keys every client reads from meta/arcgis-layer-metadata-census-designated-places.json.
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining([
        'currentVersion',
        'id',
        'name',
        'type',
        'geometryType',
        'fields',
        'maxRecordCount',
        'capabilities',
        'supportedQueryFormats',
        'advancedQueryCapabilities',
        'extent',
      ]),
    );
    expect(body['maxRecordCount']).toBe(ARCGIS_MAX_RECORD_COUNT);
    expect((body['advancedQueryCapabilities'] as Json)['supportsPagination']).toBe(true);
    const fields = body['fields'] as Array<{ name: string; type: string }>;
    expect(fields.find((f) => f.name === 'OBJECTID')?.type).toBe('esriFieldTypeOID');
    expect(fields.find((f) => f.name === 'OCCURRED_AT')?.type).toBe('esriFieldTypeDate');
  });

  it('pages with resultOffset while exceededTransferLimit is true', async () => {
    const count = (await get(`${layer}/query?where=1%3D1&returnCountOnly=true&f=json`)).body[
      'count'
    ] as number;
    expect(count).toBeGreaterThan(2000);
    const ids = new Set<number>();
    let pages = 0;
    for (let offset = 0; ; offset += 1500) {
      const { body } = await get(
        `${layer}/query?where=1%3D1&outFields=*&orderByFields=OBJECTID&resultOffset=${offset}&resultRecordCount=1500&f=json`,
      );
      pages += 1;
      const features = body['features'] as Array<{ attributes: Json; geometry: { x: number; y: number } }>;
      for (const f of features) ids.add(f.attributes['OBJECTID'] as number);
      expect(typeof features[0]?.geometry.x).toBe('number');
      if (!body['exceededTransferLimit']) break;
    }
    expect(ids.size).toBe(count);
    expect(pages).toBe(Math.ceil(count / 1500));
    const capped = (await get(`${layer}/query?where=1%3D1&resultRecordCount=99999&f=json`)).body;
    expect((capped['features'] as unknown[]).length).toBe(ARCGIS_MAX_RECORD_COUNT);
    expect(Object.keys(capped)).toEqual(
      expect.arrayContaining([
        'displayFieldName',
        'fieldAliases',
        'geometryType',
        'spatialReference',
        'fields',
        'features',
      ]),
    );
  });

  it('answers GeoJSON with points and filters on dates in UTC', async () => {
    const where = encodeURIComponent("OCCURRED_AT >= timestamp '2023-12-01 00:00:00' AND SEVERITY = 'fatal'");
    const { body } = await get(
      `${layer}/query?where=${where}&outFields=ACCIDENT_ID,OCCURRED_AT,FATALITIES&f=geojson`,
    );
    expect(body['type']).toBe('FeatureCollection');
    const features = body['features'] as Array<{
      geometry: { type: string; coordinates: number[] };
      properties: Json;
    }>;
    expect(features.length).toBeGreaterThan(0);
    expect(features[0].geometry.type).toBe('Point');
    expect(Object.keys(features[0].properties).sort()).toEqual(['ACCIDENT_ID', 'FATALITIES', 'OCCURRED_AT']);
    expect(
      features.every(
        (f) =>
          (f.properties['OCCURRED_AT'] as number) >= Date.UTC(2023, 11, 1) &&
          (f.properties['FATALITIES'] as number) >= 1,
      ),
    ).toBe(true);
  });

  it('reports query errors inside a 200 response, as ArcGIS Server does', async () => {
    const { status, body } = await get(`${layer}/query?where=${encodeURIComponent('NOPE = 1')}&f=json`);
    expect(status).toBe(200);
    expect((body['error'] as Json)['code']).toBe(400);
  });

  it('serves hourly traffic with a morning peak', async () => {
    const hourly = `/arcgis/rest/services/${DATASET_IDS.trafficHourly}/FeatureServer/0/query`;
    const { body } = await get(
      `${hourly}?where=${encodeURIComponent("DISTRICT_CODE = '990101'")}&outFields=HOUR_START,DELAY_INDEX&orderByFields=HOUR_START&f=json`,
    );
    const rows = (body['features'] as Array<{ attributes: { HOUR_START: number; DELAY_INDEX: number } }>).map(
      (f) => f.attributes,
    );
    expect(rows).toHaveLength(48);
    const at = (hour: number): number =>
      rows.find((r) => new Date(r.HOUR_START + 8 * 3_600_000).getUTCHours() === hour)?.DELAY_INDEX ?? 0;
    expect(at(8)).toBeGreaterThan(at(3) + 0.3);
  });
});

describe('OpenDataSoft Explore v2.1', () => {
  const base = `/api/explore/v2.1/catalog/datasets/${DATASET_IDS.educationSchoolYear}`;

  it('returns { total_count, results } with lowercase keys and enforces the limits', async () => {
    const { body } = await get(`${base}/records`);
    expect(Object.keys(body).sort()).toEqual(['results', 'total_count']);
    expect(body['total_count']).toBe(20);
    expect((body['results'] as Json[]).length).toBe(10);
    expect((await get(`${base}/records?limit=101`)).status).toBe(400);
    expect((await get(`${base}/records?limit=100&offset=9901`)).status).toBe(400);
    expect((await get(`${base}/records?limit=100&offset=9900`)).status).toBe(200);
  });

  it('understands ODSQL where, order_by and select', async () => {
    const where = encodeURIComponent('district_code = "990108" and rentree >= date\'2023-09-01\'');
    const { body } = await get(
      `${base}/records?where=${where}&order_by=rentree%20desc&select=district_code,school_year,primary_pupil_teacher_ratio`,
    );
    expect(body['results']).toEqual([
      { district_code: '990108', school_year: '2023-2024', primary_pupil_teacher_ratio: expect.any(Number) },
    ]);
    const bad = await get(`${base}/records?where=${encodeURIComponent('nope = 1')}`);
    expect(bad.status).toBe(400);
    expect(bad.body['error_code']).toBe('ODSQLError');
  });

  it('exports JSON with lowercase keys and CSV with BOM, ";", CRLF and capitalised headers', async () => {
    const schools = `/api/explore/v2.1/catalog/datasets/${DATASET_IDS.schools}`;
    const json = (await (await fetch(`${portal.url}${schools}/exports/json`)).json()) as Json[];
    expect(json.length).toBeGreaterThan(500);
    expect(Object.keys(json[0])).toEqual([
      'school_id',
      'name',
      'kind',
      'ownership',
      'pupils',
      'teachers',
      'opened_year',
      'district_name',
      'geo_point_2d',
    ]);
    const bytes = Buffer.from(await (await fetch(`${portal.url}${schools}/exports/csv`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'School Id;Name;Kind;Ownership;Pupils;Teachers;Opened Year;District Name;Geo Point',
    );
    expect(lines).toHaveLength(json.length + 2);
    expect(lines[1].split(';')).toHaveLength(9);
  });

  it('sends X-RateLimit headers and a 429 beyond the quota', async () => {
    const limited = await startDemoPortal({ until: '2024-01-01T00:00:00+08:00', odsRateLimit: { limit: 2 } });
    try {
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 4; i += 1) {
        const r = await fetch(`${limited.url}${base}/records?limit=1`);
        statuses.push(r.status);
        if (r.status === 429) refused = r;
        await r.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 429, 200]);
      expect(refused?.headers.get('x-ratelimit-limit')).toBe('2');
      expect(refused?.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(refused?.headers.get('retry-after')).toBe('1');
    } finally {
      await limited.close();
    }
  });
});
