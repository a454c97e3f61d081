import { AlertRepository } from '@civicpulse/db';
import { startDemoPortal, type DemoPortal } from '@civicpulse/demo-portal';
import { createTestDatabase, type TestDatabase } from '@civicpulse/testing';
import { loadIngestConfig } from '../config/ingest-config';
import { createRunService } from '../runs/run-service.factory';
import { applyDemoCatalog, insertHealthSource } from '../testing/demo-health-source';
import { spawnIngest, until, type IngestProcess } from '../testing/ingest-process';
import { WebhookReceiver } from './webhook-receiver';

/**
 * Two worker processes evaluate the same rules over the same data (each at start and on its
 * five-second timer): each (rule, region) gets one event and each event one notification. The
 * statement-level race is proven in the repository's medium spec; this is the deployment shape.
 */
describe('alert evaluation in two ingest workers', () => {
  let portal: DemoPortal;
  let db: TestDatabase;
  const receiver = new WebhookReceiver();
  const workers: IngestProcess[] = [];

  beforeAll(async () => {
    portal = await startDemoPortal({ until: '2025-12-31T00:00:00+08:00', hourlyDays: 1, benchRows: 10 });
    await receiver.start();
    db = await createTestDatabase();
    await applyDemoCatalog(db.dataSource);
    await insertHealthSource(db.dataSource, 'alerts-two-workers');
    // Data first, without alerts: the workers then start on the same facts.
    const config = loadIngestConfig({ DATABASE_URL: db.url, DEMO_PORTAL_URL: portal.url });
    const result = await createRunService(db.dataSource, config).run({
      sourceKey: 'alerts-two-workers',
      trigger: 'cli',
    });
    expect(result).toMatchObject({ outcome: 'finished', status: 'succeeded' });
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await db?.drop();
    await portal?.close();
    await receiver.close();
  });

  it('opens one event per region and sends each notification once', async () => {
    // Fires in every district reporting the indicator (any response time is above zero).
    await db.dataSource.query(
      `INSERT INTO alert_rule (name, indicator_id, region_id, kind, threshold, channels)
       SELECT '急救响应', id, NULL, 'above', 0, '{in_app,webhook}' FROM indicator WHERE code = 'health.ems_response_time'`,
    );
    const [{ regions }] = (await db.dataSource.query(
      `SELECT count(DISTINCT region_id)::int AS regions FROM rollup_year y JOIN indicator i ON i.id = y.indicator_id
        WHERE i.code = 'health.ems_response_time'`,
    )) as [{ regions: number }];
    expect(regions).toBe(10);

    const env = {
      DATABASE_URL: db.url,
      INGEST_HEALTH_PORT: '0',
      SCHEDULER_ENABLED: 'false',
      ALERT_EVALUATION_SECONDS: '5',
      ALERT_WEBHOOK_URL: `${receiver.url}/robot/send?access_token=two`,
      ALLOWED_PRIVATE_HOSTS: '127.0.0.1',
    };
    workers.push(spawnIngest([], env), spawnIngest([], env));
    await Promise.all(workers.map((w) => w.waitFor(/health on http/)));
    const alerts = new AlertRepository(db.dataSource);
    const delivered = async (): Promise<number> =>
      (await alerts.listEvents({ offset: 0, limit: 50 })).items.filter((e) =>
        e.deliveries.some((d) => d.status === 'delivered'),
      ).length;
    await until(async () => (await delivered()) === regions);
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));

    const events = await alerts.listEvents({ offset: 0, limit: 50 });
    expect(events.total).toBe(regions);
    expect(new Set(events.items.map((e) => e.regionCode)).size).toBe(regions);
    expect(events.items.every((e) => e.state === 'open' && e.deliveries.length === 1)).toBe(true);
    expect(receiver.requests).toHaveLength(regions);
    const output = workers.map((w) => w.output()).join('\n');
    const opened = [...output.matchAll(/alerts: (\d+) opened/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(opened).toBe(regions);
    expect(output).not.toMatch(/alert evaluation failed|not delivered/);
  });
});
