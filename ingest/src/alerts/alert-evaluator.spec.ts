import type { AlertOpening, AlertTarget, AlertTransitionRecord } from '@civicpulse/db';
import { AlertEvaluator } from './alert-evaluator';
import type { AlertNotice } from './dingtalk-message';

const NOW = new Date('2025-11-15T10:00:00+08:00');

function target(overrides: Partial<AlertTarget>): AlertTarget {
  return {
    ruleId: 1,
    ruleName: '拥堵超标',
    kind: 'above',
    threshold: 1.8,
    windowSeconds: null,
    channels: ['in_app', 'webhook'],
    indicatorCode: 'traffic.congestion',
    indicatorNameZh: '拥堵指数',
    indicatorNameEn: 'Congestion index',
    frequency: 'day',
    regionId: 10,
    regionCode: '110108',
    regionNameZh: '海淀区',
    regionNameEn: 'Haidian',
    latest: { value: 1.92, periodStart: new Date('2025-11-14T00:00:00+08:00') },
    comparison: null,
    openEventId: null,
    ...overrides,
  };
}

function harness(targets: AlertTarget[]) {
  const opened: AlertOpening[] = [];
  const resolved: Array<{ ruleId: number; regionId: number }> = [];
  const notices: AlertNotice[] = [];
  const resends: string[] = [];
  let nextId = 100;
  const record = (ruleId: number, regionId: number, at: Date): AlertTransitionRecord => ({
    eventId: (nextId += 1),
    ruleId,
    regionId,
    at,
  });
  const evaluator = new AlertEvaluator({
    repository: {
      findTargets: async () => targets,
      openEvents: async (items, at) => (
        opened.push(...items),
        items.map((o) => record(o.ruleId, o.regionId, at))
      ),
      resolveEvents: async (pairs, at) => (
        resolved.push(...pairs),
        pairs.map((p) => record(p.ruleId, p.regionId, at))
      ),
    },
    notifier: {
      notify: async (items) => void notices.push(...items),
      resendStale: async () => (resends.push('resend'), 0),
    },
    timeZone: 'Asia/Shanghai',
    now: () => NOW,
  });
  return { evaluator, opened, resolved, notices, resends };
}

describe('AlertEvaluator', () => {
  it('opens an event for a firing rule without one, and notifies the webhook', async () => {
    const h = harness([target({})]);
    await expect(h.evaluator.evaluate(['traffic.congestion'])).resolves.toEqual({
      targets: 1,
      opened: 1,
      resolved: 0,
      undecided: 0,
    });
    expect(h.opened).toEqual([
      {
        ruleId: 1,
        regionId: 10,
        value: 1.92,
        messageZh: '拥堵指数 海淀区 1.92，高于阈值 1.80',
        messageEn: 'Congestion index Haidian 1.92, above the threshold 1.80',
      },
    ]);
    expect(h.notices).toEqual([
      expect.objectContaining({
        transition: 'open',
        eventId: 101,
        regionNameZh: '海淀区',
        value: 1.92,
        at: NOW,
      }),
    ]);
  });

  it('leaves an open event alone while the rule still fires', async () => {
    const h = harness([target({ openEventId: 7 })]);
    await expect(h.evaluator.evaluate(null)).resolves.toMatchObject({ opened: 0, resolved: 0 });
    expect(h.opened).toEqual([]);
    expect(h.notices).toEqual([]);
  });

  it('resolves the open event when the condition clears, and says so', async () => {
    const h = harness([target({ openEventId: 7, latest: { value: 1.5, periodStart: NOW } })]);
    await expect(h.evaluator.evaluate(null)).resolves.toMatchObject({ opened: 0, resolved: 1 });
    expect(h.resolved).toEqual([{ ruleId: 1, regionId: 10 }]);
    expect(h.notices).toEqual([
      expect.objectContaining({
        transition: 'resolve',
        messageZh: '拥堵指数 海淀区 1.50，已不再满足告警条件',
      }),
    ]);
  });

  it('keeps in-app-only rules off the webhook and leaves undecidable pairs as they are', async () => {
    const h = harness([
      target({ channels: ['in_app'] }),
      target({ ruleId: 2, latest: null, openEventId: 9 }),
      target({ ruleId: 3, kind: 'below', latest: { value: 1, periodStart: NOW } }),
    ]);
    await expect(h.evaluator.evaluate(null)).resolves.toEqual({
      targets: 3,
      opened: 2,
      resolved: 0,
      undecided: 1,
    });
    expect(h.resolved).toEqual([]);
    expect(h.notices.map((n) => n.eventId)).toEqual([102]);
  });
});
