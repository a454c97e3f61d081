import iconv from 'iconv-lite';
import { DATASET_IDS } from '../datasets/dataset-ids';
import { startDemoPortal, type DemoPortal } from '../server/demo-portal-server';
import { FaultBook, FaultSpecError, parseFaultPath } from './fault-plan';

let portal: DemoPortal;
beforeAll(async () => {
  portal = await startDemoPortal({ until: '2024-01-01T00:00:00+08:00', hourlyDays: 1, benchRows: 10 });
});
afterAll(() => portal.close());
afterEach(async () => {
  await fetch(`${portal.url}/_admin/faults`, { method: 'DELETE' });
});

const status = async (path: string, init?: RequestInit): Promise<number> => {
  const r = await fetch(`${portal.url}${path}`, init);
  await r.arrayBuffer();
  return r.status;
};
const socrata = `/resource/${DATASET_IDS.healthMonthly}.json`;

describe('parseFaultPath', () => {
  it('reads every kind of fault', () => {
    expect(
      parseFaultPath(
        '503x3,429x2,retry-after=5,slow=300,truncate,malformed=7,charset,missing=bed_occupancy_rate',
      ),
    ).toEqual([
      { kind: 'error', status: 503, times: 3 },
      { kind: 'rate_limit', times: 2, retryAfterSeconds: 5 },
      { kind: 'slow', delayMs: 300 },
      { kind: 'truncate', times: 1 },
      { kind: 'malformed', every: 7 },
      { kind: 'charset' },
      { kind: 'missing_column', column: 'bed_occupancy_rate' },
    ]);
    expect(() => parseFaultPath('explode')).toThrow(FaultSpecError);
  });

  it('decides delays and counts deterministically', () => {
    const book = new FaultBook([
      { kind: 'slow', delayMs: 250 },
      { kind: 'truncate', target: '/files/', times: 1 },
    ]);
    expect(book.decide('x', '/resource/x.json', [], '').delayMs).toBe(250);
    expect(book.decide('x', '/files/a.csv', [], '').truncate).toBe(true);
    expect(book.decide('x', '/files/a.csv', [], '').truncate).toBe(false);
  });
});

describe('fault injection over HTTP', () => {
  it('fails the first N requests of a path prefix, then serves it', async () => {
    const path = `/_faults/500x2${socrata}?$limit=1`;
    expect([await status(path), await status(path), await status(path)]).toEqual([500, 500, 200]);
  });

  it('sends 429 with Retry-After', async () => {
    const r = await fetch(`${portal.url}/_faults/429,retry-after=7${socrata}?$limit=1`);
    await r.arrayBuffer();
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
  });

  it('applies faults given at start-up to their target dataset only', async () => {
    const configured = await startDemoPortal({
      until: '2024-01-01T00:00:00+08:00',
      faults: [{ kind: 'error', target: DATASET_IDS.healthYearly, times: 1, status: 502 }],
    });
    try {
      const at = async (path: string): Promise<number> => {
        const r = await fetch(`${configured.url}${path}`);
        await r.arrayBuffer();
        return r.status;
      };
      expect(await at(socrata)).toBe(200);
      expect(await at(`/resource/${DATASET_IDS.healthYearly}.json`)).toBe(502);
      expect(await at(`/resource/${DATASET_IDS.healthYearly}.json`)).toBe(200);
    } finally {
      await configured.close();
    }
  });

  it('is configurable through POST /_admin/faults', async () => {
    const body = JSON.stringify({ faults: [{ kind: 'error', target: '/ckan/', times: 1 }] });
    expect(await status('/_admin/faults', { method: 'POST', body })).toBe(200);
    const listed = (await (await fetch(`${portal.url}/_admin/faults`)).json()) as { faults: unknown[] };
    expect(listed.faults).toHaveLength(1);
    const ckan = `/ckan/api/3/action/datastore_search?resource_id=${DATASET_IDS.trafficYearly}`;
    expect([await status(ckan), await status(ckan)]).toEqual([500, 200]);
    expect(await status('/_admin/faults', { method: 'POST', body: '{"faults":[{"kind":"nope"}]}' })).toBe(
      400,
    );
  });

  it('still answers correctly when slowed down', async () => {
    const rows = (await (
      await fetch(`${portal.url}/_faults/slow=50${socrata}?$limit=3`)
    ).json()) as unknown[];
    expect(rows).toHaveLength(3);
  });

  it('truncates buffered and streamed bodies mid-way', async () => {
    const ckan = await fetch(
      `${portal.url}/_faults/truncate/ckan/api/3/action/datastore_search?resource_id=${DATASET_IDS.trafficDaily}&limit=500`,
    );
    await expect(ckan.text()).rejects.toThrow();
    const soda = await fetch(`${portal.url}/_faults/truncate${socrata}?$limit=50000`);
    await expect(soda.text()).rejects.toThrow();
  });

  it('damages every n-th row deterministically: a non-numeric value or a missing field', async () => {
    // The first numeric column (booked_visits) turns to text; the first text column goes missing.
    const path = `/_faults/malformed=4${socrata}?$limit=8&$order=:id&$select=district_code,booked_visits`;
    const rows = (await (await fetch(`${portal.url}${path}`)).json()) as Array<Record<string, string>>;
    expect(rows[3]['booked_visits']).toBe('n/a');
    expect(rows[7]['district_code']).toBeUndefined();
    expect(
      rows.filter((r, i) => i % 4 !== 3).every((r) => /^\d+$/.test(r['booked_visits']) && r['district_code']),
    ).toBe(true);
    const again = (await (await fetch(`${portal.url}${path}`)).json()) as unknown;
    expect(again).toEqual(rows);
  });

  it('declares the wrong charset', async () => {
    const csv = await fetch(`${portal.url}/_faults/charset/files/${DATASET_IDS.hotlineRate}.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(iconv.decode(Buffer.from(await csv.arrayBuffer()), 'gbk')).toContain('数据来源');
    const json = await fetch(`${portal.url}/_faults/charset${socrata}?$limit=1`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=gbk');
    await json.arrayBuffer();
  });

  it('drops a column from the schema and the rows', async () => {
    const r = await fetch(`${portal.url}/_faults/missing=bed_occupancy_rate${socrata}?$limit=2`);
    expect(JSON.parse(r.headers.get('x-soda2-fields') ?? '[]')).not.toContain('bed_occupancy_rate');
    const rows = (await r.json()) as Array<Record<string, string>>;
    expect(rows[0]).not.toHaveProperty('bed_occupancy_rate');
    expect(rows[0]).toHaveProperty('open_bed_days');
  });

  it('rejects an unknown fault spec with 400', async () => {
    expect(await status(`/_faults/explode${socrata}`)).toBe(400);
  });
});
