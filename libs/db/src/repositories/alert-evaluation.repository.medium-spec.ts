import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { AlertEvaluationRepository, type AlertTarget } from './alert-evaluation.repository';
import { AlertRepository } from './alert.repository';
import { writeObservationBatch, type ObservationWriteRow } from './observation-writer';

const TZ = 'Asia/Shanghai';
const day = (d: number): Date => new Date(Date.parse('2025-03-01T00:00:00+08:00') + (d - 1) * 86_400_000);

describe('alert evaluation repository', () => {
  let database: ScratchDatabase;
  let repository: AlertEvaluationRepository;
  let ids: { daily: number; monthly: number; east: number; west: number; north: number };

  const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> => database.dataSource.query(sql, params);
  const rule = async (
    indicatorId: number,
    regionId: number | null,
    kind: string,
    threshold: number | null,
    windowSeconds: number | null,
    enabled = true,
  ): Promise<number> =>
    (
      await q<{ id: number }>(
        `INSERT INTO alert_rule (name, indicator_id, region_id, kind, threshold, window_seconds, channels, enabled)
         VALUES ($1, $2, $3, $4, $5, $6, '{webhook}', $7) RETURNING id`,
        [`rule ${kind}`, indicatorId, regionId, kind, threshold, windowSeconds, enabled],
      )
    )[0]!.id;

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    repository = new AlertEvaluationRepository(database.dataSource);
    const indicator = async (code: string, frequency: string) =>
      (
        await q<{ id: number }>(
          `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
           VALUES ($1::text, 'traffic', $2, $3, 'x', 'lower_is_better', 'mean', 'mean', $4) RETURNING id`,
          [code, `${code} 中文`, `${code} en`, frequency],
        )
      )[0]!.id;
    const region = async (code: string, nameZh: string) =>
      (
        await q<{ id: number }>(
          `INSERT INTO region (code, name_zh, name_en, level) VALUES ($1, $2, $3, 'district') RETURNING id`,
          [code, nameZh, `${code} en`],
        )
      )[0]!.id;
    ids = {
      daily: await indicator('traffic.congestion', 'day'),
      monthly: await indicator('traffic.monthly', 'month'),
      east: await region('990101', '东城区'),
      west: await region('990102', '西城区'),
      north: await region('990103', '北城区'),
    };
    const rows: ObservationWriteRow[] = [];
    // Daily values 1..10 March: east 1.0, 1.1 … 1.9; west constant 2.
    for (let d = 1; d <= 10; d += 1) {
      rows.push({
        indicatorId: ids.daily,
        regionId: ids.east,
        grain: 'day',
        periodStart: day(d),
        value: 1 + (d - 1) / 10,
      });
      rows.push({ indicatorId: ids.daily, regionId: ids.west, grain: 'day', periodStart: day(d), value: 2 });
    }
    // Monthly values for the east, Dec 2024 … Mar 2025, crossing a year.
    for (const [iso, value] of [
      ['2024-12-01', 50],
      ['2025-01-01', 40],
      ['2025-02-01', 44],
      ['2025-03-01', 60],
    ] as const) {
      rows.push({
        indicatorId: ids.monthly,
        regionId: ids.east,
        grain: 'month',
        periodStart: new Date(`${iso}T00:00:00+08:00`),
        value,
      });
    }
    await writeObservationBatch(database.dataSource, rows, { runId: null, sourceId: null, timeZone: TZ });
  });

  afterAll(async () => {
    await database.drop();
  });

  afterEach(async () => {
    await q('DELETE FROM alert_rule');
  });

  const pick = (targets: AlertTarget[], ruleId: number, regionId: number) =>
    targets.find((t) => t.ruleId === ruleId && t.regionId === regionId);

  it('reads the latest value per region from rollups, for a region rule and an all-regions rule', async () => {
    const east = await rule(ids.daily, ids.east, 'above', 1.5, null);
    const all = await rule(ids.daily, null, 'below', 1.5, null);
    await rule(ids.daily, ids.west, 'above', 1, null, false);
    const targets = await repository.findTargets(['traffic.congestion']);
    expect(targets.map((t) => [t.ruleId, t.regionCode])).toEqual([
      [east, '990101'],
      [all, '990101'],
      [all, '990102'],
    ]);
    expect(pick(targets, east, ids.east)).toMatchObject({
      kind: 'above',
      threshold: 1.5,
      channels: ['webhook'],
      indicatorCode: 'traffic.congestion',
      indicatorNameZh: 'traffic.congestion 中文',
      frequency: 'day',
      regionNameZh: '东城区',
      latest: { value: 1.9, periodStart: day(10) },
      comparison: null,
      openEventId: null,
    });
    expect(pick(targets, all, ids.west)?.latest).toEqual({ value: 2, periodStart: day(10) });
    expect(await repository.findTargets(['traffic.monthly'])).toEqual([]);
    expect(await repository.findTargets([])).toEqual([]);
    expect((await repository.findTargets(null)).length).toBe(3);
  });

  it('keeps a region rule whose region has no data, without a latest value', async () => {
    const north = await rule(ids.daily, ids.north, 'stale', null, 3600);
    const [target] = await repository.findTargets(null);
    expect(target).toMatchObject({ ruleId: north, regionCode: '990103', latest: null, comparison: null });
  });

  it('finds the comparison value window_seconds back at the level of the frequency', async () => {
    const daily = await rule(ids.daily, ids.east, 'change_pct', 10, 3 * 86_400);
    const dailyTooFar = await rule(ids.daily, ids.east, 'change_pct', 10, 30 * 86_400);
    const monthly = await rule(ids.monthly, ids.east, 'change_pct', 10, 60 * 86_400);
    const targets = await repository.findTargets(null);
    // 10 March minus three days: 7 March (1.6).
    expect(pick(targets, daily, ids.east)?.comparison).toEqual({ value: 1.6, periodStart: day(7) });
    expect(pick(targets, dailyTooFar, ids.east)?.comparison).toBeNull();
    // 1 March minus 60 days is 31 December: the newest month starting by then is December 2024.
    expect(pick(targets, monthly, ids.east)).toMatchObject({
      latest: { value: 60, periodStart: new Date('2025-03-01T00:00:00+08:00') },
      comparison: { value: 50, periodStart: new Date('2024-12-01T00:00:00+08:00') },
    });
  });

  it('opens one event per rule and region even when two evaluators race, resolves it and opens a new one later', async () => {
    const ruleId = await rule(ids.daily, ids.east, 'above', 1.5, null);
    const opening = { ruleId, regionId: ids.east, value: 1.9, messageZh: '高于阈值', messageEn: 'above' };
    const at = new Date('2025-03-11T08:00:00Z');
    const [first, second] = await Promise.all([
      repository.openEvents([opening], at),
      repository.openEvents([opening], at),
    ]);
    expect([...first!, ...second!]).toHaveLength(1);
    expect(await repository.openEvents([opening], at)).toEqual([]);
    const opened = [...first!, ...second!][0]!;
    expect(opened).toEqual({ eventId: expect.any(Number), ruleId, regionId: ids.east, at });
    expect((await repository.findTargets(null))[0]?.openEventId).toBe(opened.eventId);

    const resolvedAt = new Date('2025-03-12T08:00:00Z');
    const resolved = await repository.resolveEvents([{ ruleId, regionId: ids.east }], resolvedAt);
    expect(resolved).toEqual([{ eventId: opened.eventId, ruleId, regionId: ids.east, at: resolvedAt }]);
    expect(await repository.resolveEvents([{ ruleId, regionId: ids.east }], resolvedAt)).toEqual([]);

    const reopened = await repository.openEvents([opening], new Date('2025-03-13T08:00:00Z'));
    expect(reopened).toHaveLength(1);
    expect(reopened[0]?.eventId).not.toBe(opened.eventId);
    const states = await q<{ state: string; resolved_at: Date | null; message_en: string }>(
      'SELECT state, resolved_at, message_en FROM alert_event WHERE rule_id = $1 ORDER BY id',
      [ruleId],
    );
    expect(states).toEqual([
      { state: 'resolved', resolved_at: resolvedAt, message_en: 'above' },
      { state: 'open', resolved_at: null, message_en: 'above' },
    ]);
  });

  it('claims each delivery once and records its outcome for the event list', async () => {
    const ruleId = await rule(ids.daily, ids.east, 'above', 1.5, null);
    const [event] = await repository.openEvents(
      [{ ruleId, regionId: ids.east, value: 1.9, messageZh: '高于阈值', messageEn: 'above' }],
      new Date(),
    );
    const item = { eventId: event!.eventId, transition: 'open' as const, channel: 'webhook' };
    const [a, b] = await Promise.all([
      repository.claimDeliveries([item]),
      repository.claimDeliveries([item]),
    ]);
    const claims = [...a!, ...b!];
    expect(claims).toEqual([{ deliveryId: expect.any(Number), ...item }]);
    await repository.recordDelivery(claims[0]!.deliveryId, {
      status: 'failed',
      attempts: 3,
      lastStatus: 500,
      lastError: 'HTTP 500',
    });
    const listed = await new AlertRepository(database.dataSource).listEvents({ offset: 0, limit: 10 });
    expect(listed.items[0]).toMatchObject({
      id: event!.eventId,
      messageEn: 'above',
      deliveries: [
        {
          channel: 'webhook',
          transition: 'open',
          status: 'failed',
          attempts: 3,
          lastStatus: 500,
          lastError: 'HTTP 500',
          updatedAt: expect.any(Date),
        },
      ],
    });
  });

  it('re-claims a delivery left pending by a stopped sender once, with what its message needs', async () => {
    const ruleId = await rule(ids.daily, ids.east, 'above', 1.5, null);
    const [event] = await repository.openEvents(
      [{ ruleId, regionId: ids.east, value: 1.9, messageZh: '高于阈值', messageEn: 'above' }],
      new Date('2025-03-11T08:00:00Z'),
    );
    const [claim] = await repository.claimDeliveries([
      { eventId: event!.eventId, transition: 'open', channel: 'webhook' },
    ]);
    expect(await repository.reclaimStaleDeliveries(600, 10)).toEqual([]);
    await q(`UPDATE alert_delivery SET updated_at = now() - interval '1 hour' WHERE id = $1`, [
      claim!.deliveryId,
    ]);
    const [a, b] = await Promise.all([
      repository.reclaimStaleDeliveries(600, 10),
      repository.reclaimStaleDeliveries(600, 10),
    ]);
    expect([...a!, ...b!]).toEqual([
      {
        deliveryId: claim!.deliveryId,
        eventId: event!.eventId,
        transition: 'open',
        channel: 'webhook',
        ruleName: 'rule above',
        indicatorCode: 'traffic.congestion',
        indicatorNameZh: 'traffic.congestion 中文',
        regionCode: '990101',
        regionNameZh: '东城区',
        value: 1.9,
        messageZh: '高于阈值',
        at: new Date('2025-03-11T08:00:00Z'),
      },
    ]);
    expect(await repository.reclaimStaleDeliveries(600, 10)).toEqual([]);
    // Finished deliveries are never sent again.
    await repository.recordDelivery(claim!.deliveryId, {
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    await q(`UPDATE alert_delivery SET updated_at = now() - interval '1 hour' WHERE id = $1`, [
      claim!.deliveryId,
    ]);
    expect(await repository.reclaimStaleDeliveries(600, 10)).toEqual([]);
  });
});
