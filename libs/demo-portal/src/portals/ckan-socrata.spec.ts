import { DATASET_IDS } from '../datasets/dataset-ids';
import { startDemoPortal, type DemoPortal } from '../server/demo-portal-server';

let portal: DemoPortal;
beforeAll(async () => {
  portal = await startDemoPortal({ until: '2025-07-01T00:00:00+08:00', hourlyDays: 3, benchRows: 5000 });
});
afterAll(() => portal.close());

async function getJson(path: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${portal.url}${path}`);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

interface CkanResult {
  resource_id: string;
  fields: Array<{ id: string; type: string }>;
  records: Array<Record<string, unknown>>;
  _links: { start: string; next: string };
  total: number;
  limit: number;
  offset: number;
}

const ckan = async (
  query: string,
): Promise<{
  status: number;
  body: { help: string; success: boolean; result: CkanResult; error?: { __type: string } };
}> => {
  const r = await getJson(`/ckan/api/3/action/datastore_search?${query}`);
  return r as never;
};

describe('CKAN datastore_search', () => {
  const daily = `resource_id=${DATASET_IDS.trafficDaily}`;

  it('answers in the CKAN envelope of the real sample (Bari datastore_search)', async () => {
    const { status, body } = await ckan(`${daily}&limit=3`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['help', 'result', 'success']);
    // Keys of traffic/ckan-datastore-search-bari-traffic-signals.json's result, plus CKAN 2.9's extras.
    expect(Object.keys(body.result)).toEqual(
      expect.arrayContaining(['resource_id', 'fields', 'records', '_links', 'limit', 'total']),
    );
    expect(body.result.fields[0]).toEqual({ id: '_id', type: 'int' });
    expect(body.result.fields.find((f) => f.id === 'peak_delay_index')?.type).toBe('numeric');
    const record = body.result.records[0];
    expect(typeof record['_id']).toBe('number');
    expect(typeof record['peak_delay_index']).toBe('string');
    expect(record['stat_date']).toBe('2023-01-01T00:00:00');
    // Key order is not the schema order.
    const orders = new Set(body.result.records.map((r) => Object.keys(r).join(',')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('pages to `total` while `_links.next` runs past the end', async () => {
    const first = await ckan(`resource_id=${DATASET_IDS.trafficYearly}&limit=7`);
    const total = first.body.result.total;
    expect(total).toBe(20);
    const ids: number[] = [];
    let offset = 0;
    let last: CkanResult | undefined;
    while (offset < total) {
      last = (await ckan(`resource_id=${DATASET_IDS.trafficYearly}&limit=7&offset=${offset}`)).body.result;
      ids.push(...last.records.map((r) => r['_id'] as number));
      offset += 7;
    }
    expect(ids.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(last?._links.next).toContain('offset=21');
    const beyond = await ckan(`resource_id=${DATASET_IDS.trafficYearly}&limit=7&offset=21`);
    expect(beyond.body.result.records).toEqual([]);
  });

  it('filters, sorts and projects', async () => {
    const filters = encodeURIComponent(
      JSON.stringify({ district_code: '990104', day_type: ['sunday', 'saturday'] }),
    );
    const { body } = await ckan(
      `${daily}&filters=${filters}&sort=stat_date%20desc&fields=district_code,stat_date,day_type&limit=5`,
    );
    expect(body.result.total).toBeGreaterThan(200);
    expect(
      body.result.records.every(
        (r) => r['district_code'] === '990104' && ['saturday', 'sunday'].includes(String(r['day_type'])),
      ),
    ).toBe(true);
    expect(body.result.records[0]['stat_date']).toBe('2025-06-29T00:00:00');
    expect(Object.keys(body.result.records[0]).sort()).toEqual([
      '_id',
      'day_type',
      'district_code',
      'stat_date',
    ]);
  });

  it('answers errors the CKAN way', async () => {
    const missing = await ckan('resource_id=nope');
    expect(missing.status).toBe(404);
    expect(missing.body.success).toBe(false);
    expect(missing.body.error?.__type).toBe('Not Found Error');
    const bad = await ckan(`${daily}&filters=${encodeURIComponent('{"nope":1}')}`);
    expect(bad.status).toBe(409);
    const sql = await getJson('/ckan/api/3/action/datastore_search_sql?sql=select%201');
    expect(sql.status).toBe(403);
  });

  it('describes the package with its three resources', async () => {
    const { body } = (await getJson(`/ckan/api/3/action/package_show?id=${DATASET_IDS.ckanPackage}`)) as {
      body: { result: { resources: Array<{ id: string }> } };
    };
    expect(body.result.resources.map((r) => r.id)).toEqual([
      DATASET_IDS.trafficDaily,
      DATASET_IDS.trafficMonthly,
      DATASET_IDS.trafficYearly,
    ]);
  });
});

describe('Socrata resource API', () => {
  const monthly = `/resource/${DATASET_IDS.healthMonthly}`;
  type Rows = Array<Record<string, unknown>>;

  it('returns strings, floating timestamps and types in X-SODA2 headers', async () => {
    const { status, headers, body } = await getJson(`${monthly}.json?$limit=5&$order=:id`);
    expect(status).toBe(200);
    const rows = body as Rows;
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => Object.values(r).every((v) => typeof v === 'string'))).toBe(true);
    expect(rows[0]['month']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000$/);
    const fields = JSON.parse(headers.get('x-soda2-fields') ?? '[]') as string[];
    const types = JSON.parse(headers.get('x-soda2-types') ?? '[]') as string[];
    expect(fields).toHaveLength(types.length);
    expect(types[fields.indexOf('month')]).toBe('floating_timestamp');
    expect(types[fields.indexOf('bed_occupancy_rate')]).toBe('number');
  });

  it('pages with the default limit of 1000 and ends on a short page', async () => {
    const bench = `/resource/${DATASET_IDS.benchObservations}.json`;
    const pages: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const rows = (await getJson(`${bench}?$order=:id&$offset=${offset}`)).body as Rows;
      pages.push(rows.length);
      if (rows.length < 1000) break;
    }
    expect(pages).toEqual([1000, 1000, 1000, 1000, 1000, 0]);
  });

  it('filters with $where (comparison and between) and projects with $select', async () => {
    const where = encodeURIComponent("month > '2025-03-01T00:00:00' AND district_code = '990107'");
    const after = (await getJson(`${monthly}.json?$where=${where}&$order=month`)).body as Rows;
    expect(after.map((r) => r['month'])).toEqual([
      '2025-04-01T00:00:00.000',
      '2025-05-01T00:00:00.000',
      '2025-06-01T00:00:00.000',
    ]);
    const between = encodeURIComponent("month between '2024-01-01T00:00:00' and '2024-03-01T00:00:00'");
    const rows = (await getJson(`${monthly}.json?$where=${between}&$select=district_code,month,:updated_at`))
      .body as Rows;
    expect(rows).toHaveLength(30);
    expect(Object.keys(rows[0]).sort()).toEqual([':updated_at', 'district_code', 'month']);
    const eq = (await getJson(`${monthly}.json?district_code=990101&$limit=50000`)).body as Rows;
    expect(eq).toHaveLength(30);
  });

  it('serves CSV with the X-SODA2 headers', async () => {
    const response = await fetch(
      `${portal.url}${monthly}.csv?$limit=2&$select=district_code,month,bed_occupancy_rate`,
    );
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(JSON.parse(response.headers.get('x-soda2-fields') ?? '[]')).toEqual([
      'district_code',
      'month',
      'bed_occupancy_rate',
    ]);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('"district_code","month","bed_occupancy_rate"');
    expect(lines).toHaveLength(3);
  });

  it('rejects bad queries with a SODA error body', async () => {
    const bad = await getJson(`${monthly}.json?$where=${encodeURIComponent('month >')}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errorCode: 'query.compiler.malformed' });
    expect((await getJson(`${monthly}.json?$limit=50001`)).status).toBe(400);
    expect((await getJson('/resource/zzzz-zzzz.json')).status).toBe(404);
  });
});
