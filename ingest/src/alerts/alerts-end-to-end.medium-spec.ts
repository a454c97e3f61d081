import { AlertRepository } from '@civicpulse/db';
import { startDemoPortal, type DemoPortal } from '@civicpulse/demo-portal';
import { createTestDatabase, type TestDatabase } from '@civicpulse/testing';
import { createHmac } from 'node:crypto';
import { loadIngestConfig } from '../config/ingest-config';
import { createRunService } from '../runs/run-service.factory';
import { applyDemoCatalog, insertHealthSource } from '../testing/demo-health-source';
import type { AlertLog } from './alert-notifier';
import { createAlertTrigger } from './alert-trigger.factory';
import { AlertTrigger } from './alert-trigger';
import { WebhookReceiver } from './webhook-receiver';

const NOW = new Date('2026-01-10T10:00:00+08:00');
const SECRET = 'SECdemo-robot';
const FIELDS = {
  'health.appointment_booking_rate': 'appointment_booking_rate',
  'health.bed_occupancy_rate': 'bed_occupancy_rate',
  'health.ems_response_time': 'ems_response_time_min',
} as const;

type Row = Record<string, string | number | undefined>;

/** Per indicator and district: the value of the latest month the portal publishes. */
async function latestValues(portal: DemoPortal): Promise<Map<string, { month: string; value: number }>> {
  const response = await fetch(`${portal.url}/resource/hm7k-2q9x.json?$limit=5000`);
  const rows = (await response.json()) as Row[];
  const latest = new Map<string, { month: string; value: number }>();
  for (const row of rows) {
    for (const [code, field] of Object.entries(FIELDS)) {
      const key = `${code}|${String(row['district_code'])}`;
      const month = String(row['month']);
      const value = Number(row[field]);
      const seen = latest.get(key);
      if (!seen || seen.month < month) latest.set(key, { month, value });
    }
  }
  return latest;
}

function recordingLog(): AlertLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (m) => lines.push(`log ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

/**
 * The whole path: the real connector kit reads the demo portal, the real run service commits the
 * batch, the alert trigger evaluates the rules of the indicators it touched, an event opens and
 * the local "DingTalk robot" receives the signed markdown; a later run of the same source, now
 * publishing a lower latest value, resolves the event and sends the recovery.
 */
describe('alerts end to end (demo portal → run → event → webhook)', () => {
  let earlier: DemoPortal;
  let later: DemoPortal;
  const receiver = new WebhookReceiver();
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    [earlier, later] = await Promise.all([
      startDemoPortal({ until: '2025-11-30T00:00:00+08:00', hourlyDays: 1, benchRows: 10 }),
      startDemoPortal({ until: '2025-12-31T00:00:00+08:00', hourlyDays: 1, benchRows: 10 }),
    ]);
    await receiver.start();
  });

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    await Promise.all([earlier?.close(), later?.close(), receiver.close()]);
  });

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    await applyDemoCatalog(db.dataSource);
    await insertHealthSource(db.dataSource, 'health-alerts');
    return db;
  }

  const configFor = (db: TestDatabase, portal: DemoPortal) =>
    loadIngestConfig({
      DATABASE_URL: db.url,
      DEMO_PORTAL_URL: portal.url,
      // One batch per run: the evaluation sees the run's final data.
      INGEST_BATCH_SIZE: '10000',
      ALERT_WEBHOOK_URL: `${receiver.url}/robot/send?access_token=demo`,
      ALERT_WEBHOOK_SECRET: SECRET,
    });

  it('opens an event and notifies the robot, then resolves it when a later batch falls below the threshold', async () => {
    const db = await freshDatabase();
    // A district and indicator whose latest value drops from the earlier portal to the later one.
    const [before, after] = await Promise.all([latestValues(earlier), latestValues(later)]);
    const candidates = [...before].flatMap(([key, b]) => {
      const a = after.get(key);
      return a && a.month > b.month && b.value > a.value ? [{ key, from: b.value, to: a.value }] : [];
    });
    candidates.sort((x, y) => y.from - y.to - (x.from - x.to));
    const chosen = candidates[0];
    if (!chosen) throw new Error('the demo portal published no falling value to test with');
    const [indicatorCode, regionCode] = chosen.key.split('|') as [string, string];
    const threshold = (chosen.from + chosen.to) / 2;
    const [rule] = (await db.dataSource.query(
      `INSERT INTO alert_rule (name, indicator_id, region_id, kind, threshold, channels)
       SELECT '医疗指标超标', i.id, g.id, 'above', $3, '{in_app,webhook}'
         FROM indicator i, region g WHERE i.code = $1 AND g.code = $2 RETURNING id`,
      [indicatorCode, regionCode, threshold],
    )) as Array<{ id: number }>;
    const [names] = (await db.dataSource.query(
      'SELECT i.name_zh AS indicator, g.name_zh AS region FROM indicator i, region g WHERE i.code = $1 AND g.code = $2',
      [indicatorCode, regionCode],
    )) as Array<{ indicator: string; region: string }>;

    const log = recordingLog();
    const first = configFor(db, earlier);
    const alerts = await createAlertTrigger(db.dataSource, first, log, {
      now: () => NOW,
      webhook: { backoffMs: 1 },
    });
    const run = await createRunService(db.dataSource, first, alerts).run({
      sourceKey: 'health-alerts',
      trigger: 'cli',
    });
    expect(run).toMatchObject({ outcome: 'finished', status: 'succeeded' });
    await alerts.idle();

    const events = new AlertRepository(db.dataSource);
    const opened = await events.listEvents({ offset: 0, limit: 10 });
    expect(opened.total).toBe(1);
    expect(opened.items[0]).toMatchObject({
      ruleId: rule!.id,
      state: 'open',
      indicatorCode,
      regionCode,
      value: chosen.from,
      openedAt: NOW,
      resolvedAt: null,
      deliveries: [
        { channel: 'webhook', transition: 'open', status: 'delivered', attempts: 1, lastStatus: 200 },
      ],
    });
    expect(opened.items[0]?.message).toMatch(
      new RegExp(`^${names!.indicator} ${names!.region} .+，高于阈值 `),
    );

    expect(receiver.requests).toHaveLength(1);
    const [notification] = receiver.requests;
    const timestamp = notification!.url.searchParams.get('timestamp');
    expect(notification!.url.searchParams.get('access_token')).toBe('demo');
    expect(notification!.url.searchParams.get('sign')).toBe(
      createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64'),
    );
    expect(notification!.body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '【告警】医疗指标超标',
        text: expect.stringContaining(`- 区域：${names!.region}（${regionCode}）`),
      },
    });

    // The later portal publishes one more month, with a value under the threshold.
    const second = configFor(db, later);
    const rerun = await createRunService(db.dataSource, second, alerts).run({
      sourceKey: 'health-alerts',
      trigger: 'cli',
    });
    expect(rerun).toMatchObject({ outcome: 'finished', status: 'succeeded' });
    await alerts.idle();

    const resolved = await events.listEvents({ offset: 0, limit: 10 });
    expect(resolved.total).toBe(1);
    expect(resolved.items[0]).toMatchObject({
      id: opened.items[0]?.id,
      state: 'resolved',
      resolvedAt: NOW,
      deliveries: [
        { transition: 'open', status: 'delivered' },
        { transition: 'resolve', status: 'delivered', attempts: 1 },
      ],
    });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '【告警恢复】医疗指标超标' },
    });
    expect(log.lines.filter((l) => l.startsWith('error') || l.startsWith('warn'))).toEqual([]);

    // The timer evaluates every rule: a stale rule fires on time passing, without a new batch.
    await db.dataSource.query(
      `INSERT INTO alert_rule (name, indicator_id, region_id, kind, window_seconds, channels)
       SELECT '医疗数据过期', i.id, g.id, 'stale', 86400, '{in_app}' FROM indicator i, region g
        WHERE i.code = $1 AND g.code = $2`,
      [indicatorCode, regionCode],
    );
    alerts.evaluateAll();
    await alerts.idle();
    const stale = await events.listEvents({ state: 'open', offset: 0, limit: 10 });
    expect(stale.items).toEqual([
      expect.objectContaining({ ruleName: '医疗数据过期', kind: 'stale', deliveries: [] }),
    ]);
    expect(stale.items[0]?.message).toContain('数据过期');
    expect(receiver.requests).toHaveLength(2);
  });

  it('keeps the run succeeding when the evaluation fails, and logs it', async () => {
    const db = await freshDatabase();
    const log = recordingLog();
    const failing = new AlertTrigger(
      {
        evaluate: () => Promise.reject(new Error('alert tables unavailable')),
      },
      log,
    );
    const result = await createRunService(db.dataSource, configFor(db, earlier), failing).run({
      sourceKey: 'health-alerts',
      trigger: 'cli',
    });
    await failing.idle();
    expect(result).toMatchObject({ outcome: 'finished', status: 'succeeded', rowsRejected: 0 });
    expect(log.lines).toEqual(['error alert evaluation failed: alert tables unavailable']);
  });
});
