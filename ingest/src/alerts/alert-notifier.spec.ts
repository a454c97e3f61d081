import type { AlertDeliveryClaim, AlertDeliveryOutcome, StaleAlertDelivery } from '@civicpulse/db';
import { AlertNotifier } from './alert-notifier';
import type { AlertNotice } from './dingtalk-message';
import type { WebhookOutcome } from './webhook-sender';

const notice = (eventId: number): AlertNotice => ({
  eventId,
  transition: 'open',
  ruleName: '拥堵超标',
  indicatorCode: 'traffic.congestion',
  indicatorNameZh: '拥堵指数',
  regionCode: '110108',
  regionNameZh: '海淀区',
  value: 2,
  messageZh: '拥堵指数 海淀区 2，高于阈值 1.80',
  at: new Date('2025-11-15T02:00:00Z'),
});

function repository(claimedEventIds: number[], stale: StaleAlertDelivery[] = []) {
  const recorded: Array<[number, AlertDeliveryOutcome]> = [];
  return {
    recorded,
    claimDeliveries: async (
      items: ReadonlyArray<{ eventId: number; transition: 'open' | 'resolve'; channel: string }>,
    ) =>
      items
        .filter((i) => claimedEventIds.includes(i.eventId))
        .map((i): AlertDeliveryClaim => ({ deliveryId: i.eventId * 10, ...i })),
    recordDelivery: async (id: number, outcome: AlertDeliveryOutcome) => void recorded.push([id, outcome]),
    reclaimStaleDeliveries: async () => stale,
  };
}

const log = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

describe('AlertNotifier', () => {
  it('sends only the notifications this process claimed and records each outcome', async () => {
    const repo = repository([1]);
    const sent: unknown[] = [];
    const outcome: WebhookOutcome = { delivered: false, attempts: 3, lastStatus: 500, lastError: 'HTTP 500' };
    const notifier = new AlertNotifier(
      repo,
      { send: async (body) => (sent.push(body), outcome) },
      'Asia/Shanghai',
      log,
    );
    await notifier.notify([notice(1), notice(2)]);
    expect(sent).toEqual([expect.objectContaining({ msgtype: 'markdown' })]);
    expect(repo.recorded).toEqual([
      [10, { status: 'failed', attempts: 3, lastStatus: 500, lastError: 'HTTP 500' }],
    ]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('alert 1 (open) not delivered'));
  });

  it('records the delivery as failed when no webhook is configured', async () => {
    const repo = repository([3]);
    await new AlertNotifier(repo, null, 'Asia/Shanghai', log).notify([notice(3)]);
    expect(repo.recorded).toEqual([
      [
        30,
        {
          status: 'failed',
          attempts: 0,
          lastStatus: null,
          lastError: 'no webhook configured (ALERT_WEBHOOK_URL)',
        },
      ],
    ]);
  });

  it('sends again what a stopped process left pending, from the stored event', async () => {
    const base = {
      channel: 'webhook',
      ruleName: '拥堵超标',
      indicatorCode: 'traffic.congestion',
      indicatorNameZh: '拥堵指数',
      regionCode: '110108',
      regionNameZh: '海淀区',
      value: 2,
      messageZh: '拥堵指数 海淀区 2，高于阈值 1.80',
      at: new Date('2025-11-15T02:00:00Z'),
    };
    const repo = repository(
      [],
      [
        { ...base, deliveryId: 70, eventId: 7, transition: 'open' },
        { ...base, deliveryId: 71, eventId: 7, transition: 'resolve' },
      ],
    );
    const sent: Array<{ markdown: { title: string; text: string } }> = [];
    const delivered: WebhookOutcome = { delivered: true, attempts: 1, lastStatus: 200, lastError: null };
    const notifier = new AlertNotifier(
      repo,
      { send: async (body) => (sent.push(body as (typeof sent)[number]), delivered) },
      'Asia/Shanghai',
      log,
    );
    await expect(notifier.resendStale()).resolves.toBe(2);
    expect(sent.map((b) => b.markdown.title)).toEqual(['【告警】拥堵超标', '【告警恢复】拥堵超标']);
    expect(sent[0]?.markdown.text).toContain('- 详情：拥堵指数 海淀区 2，高于阈值 1.80');
    expect(sent[1]?.markdown.text).toContain('- 当前：拥堵指数 海淀区 已不再满足告警条件');
    expect(sent[1]?.markdown.text).not.toContain('数值');
    expect(repo.recorded.map(([id, o]) => [id, o.status])).toEqual([
      [70, 'delivered'],
      [71, 'delivered'],
    ]);
  });
});
