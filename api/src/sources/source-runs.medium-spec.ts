import path from 'node:path';
import { loadCatalog } from '@civicpulse/catalog';
import { CatalogRepository, IngestRunRepository } from '@civicpulse/db';
import { startDemoPortal, type DemoPortal } from '@civicpulse/demo-portal';
import { insertSource } from '@civicpulse/testing';
import { startTestApp, type TestApp } from '../../test/support/test-app';

const CATALOG_DIR = path.resolve(__dirname, '../../../catalog');

/** The demo portal's monthly health dataset, with the deployment variable left in place. */
const MANIFEST = {
  key: 'health-monthly',
  name: { zh: '医疗月度', en: 'Health monthly' },
  owner_department: 'health',
  licence: 'demo data',
  connector: {
    type: 'socrata',
    params: { base_url: '${DEMO_PORTAL_URL}', dataset: 'hm7k-2q9x', format: 'json' },
  },
  allowed_hosts: ['127.0.0.1', 'localhost'],
  paging: { mode: 'offset', page_size: 20, timeout: '5s', retries: 1 },
  mapping: {
    grain: 'month',
    time: { field: 'month', format: 'iso' },
    region: { field: 'district_code', by: 'code' },
    indicators: [{ code: 'health.bed_occupancy_rate', value: 'bed_occupancy_rate' }],
  },
};

describe('source preview, run now and backfill (medium)', () => {
  let portal: DemoPortal;
  let t: TestApp;
  let dataAdmin: { Authorization: string };

  beforeAll(async () => {
    portal = await startDemoPortal({ port: 0, catalogDir: CATALOG_DIR, until: '2025-12-31' });
    t = await startTestApp({ env: { DEMO_PORTAL_URL: portal.url } });
    await new CatalogRepository(t.db.dataSource).apply(await loadCatalog(CATALOG_DIR));
    dataAdmin = { Authorization: `Bearer ${await t.tokenFor('data_admin')}` };
    // As `catalog apply` stores it: the deployment variable is resolved when the source is read.
    await insertSource(t.db.dataSource, {
      key: 'health-monthly',
      connectorType: 'socrata',
      manifest: MANIFEST,
      provisioned: true,
    });
  });

  afterAll(async () => {
    await t?.close();
    await portal?.close();
  });

  it('previews the first rows through the demo portal and writes nothing', async () => {
    const res = await t
      .http()
      .post('/api/sources/health-monthly/preview')
      .set(dataAdmin)
      .send({ limit: 5 })
      .expect(200);
    expect(res.body).toMatchObject({ sourceKey: 'health-monthly', rowsRead: expect.any(Number) });
    expect(res.body.rowsRead).toBeGreaterThanOrEqual(5);
    expect(res.body.observations.length).toBeGreaterThan(0);
    expect(res.body.observations[0]).toMatchObject({
      indicatorCode: 'health.bed_occupancy_rate',
      regionCode: expect.stringMatching(/^9901\d\d$/),
      grain: 'month',
      value: expect.any(Number),
    });
    // Without a body the default limit applies.
    await t.http().post('/api/sources/health-monthly/preview').set(dataAdmin).expect(200);
    expect(await new IngestRunRepository(t.db.dataSource).listRecent(10, 'health-monthly')).toEqual([]);
    await t
      .http()
      .post('/api/sources/health-monthly/preview')
      .set(dataAdmin)
      .send({ limit: 201 })
      .expect(400);
    await t.http().post('/api/sources/no-such/preview').set(dataAdmin).send({}).expect(404);
    const operator = { Authorization: `Bearer ${await t.tokenFor('operator')}` };
    await t.http().post('/api/sources/health-monthly/preview').set(operator).send({}).expect(403);
  });

  it('queues a run now and a backfill for the worker, audited', async () => {
    const run = await t.http().post('/api/sources/health-monthly/runs').set(dataAdmin).expect(202);
    expect(run.body).toMatchObject({
      sourceKey: 'health-monthly',
      trigger: 'manual',
      status: 'queued',
      startedAt: null,
      windowFrom: null,
    });

    const backfill = await t
      .http()
      .post('/api/sources/health-monthly/backfill')
      .set(dataAdmin)
      .send({ from: '2025-01-01', to: '2025-03-31' })
      .expect(202);
    // City calendar days (Asia/Shanghai), `to` inclusive.
    expect(backfill.body).toMatchObject({
      trigger: 'backfill',
      status: 'queued',
      windowFrom: '2024-12-31T16:00:00.000Z',
      windowTo: '2025-03-31T16:00:00.000Z',
    });
    const queued = await new IngestRunRepository(t.db.dataSource).listQueued(10);
    expect(queued.map((r) => r.id)).toEqual([run.body.id, backfill.body.id]);

    const bad = await t
      .http()
      .post('/api/sources/health-monthly/backfill')
      .set(dataAdmin)
      .send({ from: '2025-03-01', to: '2025-01-01' })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
    await t
      .http()
      .post('/api/sources/health-monthly/backfill')
      .set(dataAdmin)
      .send({ from: '2025-13-01', to: '2025-12-01' })
      .expect(400);
    await t.http().post('/api/sources/no-such/runs').set(dataAdmin).expect(404);

    const admin = { Authorization: `Bearer ${await t.tokenFor('admin')}` };
    const audit = await t
      .http()
      .get('/api/admin/audit-log')
      .query({ entityType: 'source' })
      .set(admin)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'source.backfill',
      'source.run',
    ]);
  });
});
