import { AlertDeliveryEntity, AlertEventEntity } from '@civicpulse/db';
import { FIXTURE, seedFixtureCity } from '../../test/support/fixture-city';
import { startTestApp, type TestApp } from '../../test/support/test-app';

describe('alerts (medium)', () => {
  let t: TestApp;
  let operator: { Authorization: string };
  let viewer: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2025-11-15T10:00:00+08:00') });
    await seedFixtureCity(t.db.dataSource);
    operator = { Authorization: `Bearer ${await t.tokenFor('operator')}` };
    viewer = { Authorization: `Bearer ${await t.tokenFor('viewer')}` };
  });

  afterAll(async () => {
    await t.close();
  });

  const rule = {
    name: '第1区拥堵超标',
    kind: 'above',
    indicatorCode: FIXTURE.congestion,
    regionCode: '990101',
    threshold: 2.0,
    windowSeconds: null,
    channels: ['in_app'],
    enabled: true,
  };

  it('creates, updates and lists rules, checking kind-specific fields and references', async () => {
    const created = await t.http().post('/api/alert-rules').set(operator).send(rule).expect(201);
    expect(created.body).toMatchObject({ ...rule, id: expect.any(Number) });
    const stale = await t
      .http()
      .post('/api/alert-rules')
      .set(operator)
      .send({ ...rule, kind: 'stale', threshold: null })
      .expect(400);
    expect([...new Set(stale.body.details.map((d: { field: string }) => d.field))]).toEqual([
      'windowSeconds',
    ]);
    await t
      .http()
      .post('/api/alert-rules')
      .set(operator)
      .send({ ...rule, threshold: null })
      .expect(400);
    const unknown = await t
      .http()
      .post('/api/alert-rules')
      .set(operator)
      .send({ ...rule, indicatorCode: 'nope.nope' })
      .expect(400);
    expect(unknown.body.details[0].field).toBe('indicatorCode');
    await t
      .http()
      .post('/api/alert-rules')
      .set(operator)
      .send({ ...rule, channels: ['sms'] })
      .expect(400);
    // Nothing sends e-mail: a rule may only ask for the channels that are delivered.
    await t
      .http()
      .post('/api/alert-rules')
      .set(operator)
      .send({ ...rule, channels: ['email'] })
      .expect(400);
    const withWebhook = await t
      .http()
      .post('/api/alert-rules')
      .set(operator)
      .send({ ...rule, channels: ['in_app', 'webhook', 'webhook'] })
      .expect(201);
    expect(withWebhook.body.channels).toEqual(['in_app', 'webhook']);
    await t.http().delete(`/api/alert-rules/${withWebhook.body.id}`).set(operator).expect(204);
    const updated = await t
      .http()
      .put(`/api/alert-rules/${created.body.id}`)
      .set(operator)
      .send({ ...rule, threshold: 2.5 })
      .expect(200);
    expect(updated.body.threshold).toBe(2.5);
    await t.http().put('/api/alert-rules/9999').set(operator).send(rule).expect(404);
    const list = await t.http().get('/api/alert-rules').set(operator).expect(200);
    expect(list.body).toHaveLength(1);
    await t.http().get('/api/alert-rules').set(viewer).expect(403);
  });

  it('lists events, resolves them and counts open ones on the overview', async () => {
    const [existing] = (await t.http().get('/api/alert-rules').set(operator)).body as Array<{ id: number }>;
    const events = t.db.dataSource.getRepository(AlertEventEntity);
    const open = await events.save(
      events.create({ ruleId: existing.id, state: 'open', value: 3.0, message: '拥堵指数 3.0 高于 2.5' }),
    );
    const deliveries = t.db.dataSource.getRepository(AlertDeliveryEntity);
    await deliveries.save(
      deliveries.create({
        eventId: open.id,
        transition: 'open',
        channel: 'webhook',
        status: 'failed',
        attempts: 3,
        lastStatus: 500,
        lastError: 'HTTP 500',
      }),
    );
    await events.save(
      events.create({
        ruleId: existing.id,
        state: 'resolved',
        value: 2.6,
        message: 'old',
        resolvedAt: new Date(),
      }),
    );
    const overview = await t.http().get('/api/overview').set(viewer).expect(200);
    expect(overview.body.openAlertCount).toBe(1);
    expect(overview.body.domains[0].openAlertCount).toBe(1);
    const listed = await t.http().get('/api/alerts').query({ state: 'open' }).set(viewer).expect(200);
    expect(listed.body).toMatchObject({
      total: 1,
      items: [
        {
          id: open.id,
          state: 'open',
          indicatorCode: FIXTURE.congestion,
          ruleName: rule.name,
          messageEn: null,
          deliveries: [
            {
              channel: 'webhook',
              transition: 'open',
              status: 'failed',
              attempts: 3,
              lastStatus: 500,
              lastError: 'HTTP 500',
              updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
            },
          ],
        },
      ],
    });
    await t.http().post(`/api/alerts/${open.id}/resolve`).set(viewer).expect(403);
    const resolved = await t.http().post(`/api/alerts/${open.id}/resolve`).set(operator).expect(200);
    expect(resolved.body.state).toBe('resolved');
    expect(resolved.body.resolvedAt).not.toBeNull();
    const after = await t.http().get('/api/alerts').query({ state: 'open' }).set(viewer).expect(200);
    expect(after.body.total).toBe(0);
    await t.http().post('/api/alerts/999999/resolve').set(operator).expect(404);
  });

  it('deletes a rule with its events', async () => {
    const [existing] = (await t.http().get('/api/alert-rules').set(operator)).body as Array<{ id: number }>;
    await t.http().delete(`/api/alert-rules/${existing.id}`).set(operator).expect(204);
    await t.http().delete(`/api/alert-rules/${existing.id}`).set(operator).expect(404);
    const all = await t.http().get('/api/alerts').set(viewer).expect(200);
    expect(all.body.total).toBe(0);
  });
});
