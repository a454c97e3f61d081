import { IngestRejectRepository } from '@civicpulse/db';
import { insertIngestRun, insertSource } from '@civicpulse/testing';
import { startTestApp, type TestApp } from '../../test/support/test-app';

const MANIFEST = `
key: survey-upload
name: { zh: 满意度调查, en: Satisfaction survey }
owner_department: statistics
licence: demo
connector:
  type: xlsx
  params:
    url: http://127.0.0.1:8080/files/citizen-survey.xlsx
schedule: { cron: '0 9 10 1,4,7,10 *', time_zone: Asia/Shanghai }
cadence: { expected: quarter, stale_after: 120d }
allowed_hosts: [127.0.0.1]
mapping:
  grain: quarter
  time: { field: 调查季度, format: quarter }
  region: { field: 区划代码, by: code }
  indicators:
    - { code: satisfaction.citizen_experience_index, value: 市民体验指数 }
`;

describe('sources, runs and rejects (medium)', () => {
  let t: TestApp;
  let dataAdmin: { Authorization: string };
  let operator: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2025-11-15T10:00:00+08:00') });
    dataAdmin = { Authorization: `Bearer ${await t.tokenFor('data_admin')}` };
    operator = { Authorization: `Bearer ${await t.tokenFor('operator')}` };
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates a source from a YAML manifest validated by the connector kit', async () => {
    const res = await t.http().post('/api/sources').set(dataAdmin).send({ manifest: MANIFEST }).expect(201);
    expect(res.body).toMatchObject({
      key: 'survey-upload',
      nameZh: '满意度调查',
      connectorType: 'xlsx',
      enabled: true,
      provisioned: false,
      schedule: '0 9 10 1,4,7,10 *',
      staleAfterSeconds: 120 * 86_400,
      lastRun: null,
      // Next 10 Jan 09:00 in Shanghai after 15 Nov.
      nextDueAt: '2026-01-10T01:00:00.000Z',
    });
    await t.http().post('/api/sources').set(dataAdmin).send({ manifest: MANIFEST }).expect(409);
    const list = await t.http().get('/api/sources').set(operator).expect(200);
    expect(list.body.map((s: { key: string }) => s.key)).toEqual(['survey-upload']);
  });

  it('reports every manifest problem as a field detail', async () => {
    const res = await t
      .http()
      .post('/api/sources')
      .set(dataAdmin)
      .send({ manifest: { key: 'Bad Key', name: { zh: 'x' }, connector: { type: 'xlsx' } } })
      .expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['manifest.key', 'manifest.name.en', 'manifest.mapping']));
    await t.http().post('/api/sources').set(dataAdmin).send({ manifest: 'key: [unclosed' }).expect(400);
    await t.http().post('/api/sources').set(dataAdmin).send({}).expect(400);
    await t.http().post('/api/sources').set(operator).send({ manifest: MANIFEST }).expect(403);
  });

  it('replaces, disables and deletes an unused source, auditing each step', async () => {
    const replaced = await t
      .http()
      .put('/api/sources/survey-upload')
      .set(dataAdmin)
      .send({ manifest: MANIFEST.replace('满意度调查', '满意度调查（新）') })
      .expect(200);
    expect(replaced.body.nameZh).toBe('满意度调查（新）');
    await t
      .http()
      .put('/api/sources/survey-upload')
      .set(dataAdmin)
      .send({ manifest: MANIFEST.replace('key: survey-upload', 'key: other-key') })
      .expect(400);
    const disabled = await t
      .http()
      .patch('/api/sources/survey-upload')
      .set(dataAdmin)
      .send({ enabled: false })
      .expect(200);
    expect(disabled.body).toMatchObject({ enabled: false, nextDueAt: null });
    await t.http().delete('/api/sources/survey-upload').set(dataAdmin).expect(204);
    await t.http().get('/api/sources/survey-upload').set(operator).expect(404);
    const admin = { Authorization: `Bearer ${await t.tokenFor('admin')}` };
    const audit = await t
      .http()
      .get('/api/admin/audit-log')
      .query({ entityType: 'source' })
      .set(admin)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'source.delete',
      'source.disable',
      'source.update',
      'source.create',
    ]);
  });

  it('lists runs and their rejects, and refuses to delete a source with history', async () => {
    const source = await insertSource(t.db.dataSource, { key: 'with-runs', provisioned: true });
    const run = await insertIngestRun(t.db.dataSource, source.id, {
      status: 'partial',
      rowsRead: 3,
      rowsInserted: 1,
      rowsRejected: 2,
      finishedAt: new Date('2025-11-01T06:00:00+08:00'),
    });
    await new IngestRejectRepository(t.db.dataSource).addMany(run.id, [
      {
        rowNumber: 2,
        raw: { 区划代码: '999999' },
        reasonCode: 'unknown_region',
        message: 'no region 999999',
      },
      { rowNumber: 3, raw: { 值: 'abc' }, reasonCode: 'not_a_number', message: null },
    ]);
    const runs = await t.http().get('/api/runs').query({ source: 'with-runs' }).set(operator).expect(200);
    expect(runs.body).toMatchObject({
      total: 1,
      items: [{ id: run.id, sourceKey: 'with-runs', status: 'partial', rowsWritten: 1, rowsRejected: 2 }],
    });
    const detail = await t.http().get(`/api/runs/${run.id}`).set(operator).expect(200);
    expect(detail.body.rejectsByReason).toEqual({ not_a_number: 1, unknown_region: 1 });
    const rejects = await t
      .http()
      .get(`/api/runs/${run.id}/rejects`)
      .query({ limit: 1, offset: 1 })
      .set(operator)
      .expect(200);
    expect(rejects.body).toMatchObject({
      total: 2,
      items: [{ rowNumber: 3, reasonCode: 'not_a_number', raw: { 值: 'abc' } }],
    });
    await t.http().get('/api/runs/424242').set(operator).expect(404);
    await t.http().get('/api/runs').query({ status: 'exploded' }).set(operator).expect(400);
    await t.http().delete('/api/sources/with-runs').set(dataAdmin).expect(409);
    await t
      .http()
      .get('/api/runs')
      .set({ Authorization: `Bearer ${await t.tokenFor('viewer')}` })
      .expect(403);
  });
});
