import { createHmac } from 'node:crypto';
import { type AlertNotice, dingTalkMarkdown, signDingTalkUrl } from './dingtalk-message';
import { WebhookReceiver } from './webhook-receiver';
import { type WebhookTarget, WebhookSender } from './webhook-sender';

const notice: AlertNotice = {
  eventId: 42,
  transition: 'open',
  ruleName: '海淀拥堵超标',
  indicatorCode: 'traffic.peak_congestion_delay_index',
  indicatorNameZh: '拥堵指数',
  regionCode: '110108',
  regionNameZh: '海淀区',
  value: 1.92,
  messageZh: '拥堵指数 海淀区 1.92，高于阈值 1.80',
  at: new Date('2025-11-15T10:05:00+08:00'),
};

describe('DingTalk message', () => {
  it('is a markdown message with the alert in Chinese', () => {
    const body = dingTalkMarkdown(notice, 'Asia/Shanghai');
    expect(body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '【告警】海淀拥堵超标',
        text: [
          '### 【告警】海淀拥堵超标',
          '- 指标：拥堵指数（traffic.peak_congestion_delay_index）',
          '- 区域：海淀区（110108）',
          '- 数值：1.92',
          '- 详情：拥堵指数 海淀区 1.92，高于阈值 1.80',
          '- 触发时间：2025-11-15 10:05',
          '- 告警编号：42',
        ].join('\n'),
      },
    });
    const resolved = dingTalkMarkdown({ ...notice, transition: 'resolve', value: null }, 'Asia/Shanghai');
    expect(resolved.markdown.title).toBe('【告警恢复】海淀拥堵超标');
    expect(resolved.markdown.text).toContain('- 恢复时间：2025-11-15 10:05');
    expect(resolved.markdown.text).not.toContain('数值');
  });

  it('signs the URL as DingTalk robots with 加签 expect', () => {
    const signed = new URL(
      signDingTalkUrl('https://oapi.dingtalk.com/robot/send?access_token=t', 'SECabc', 1700000000000),
    );
    expect(signed.searchParams.get('access_token')).toBe('t');
    expect(signed.searchParams.get('timestamp')).toBe('1700000000000');
    const expected = createHmac('sha256', 'SECabc').update('1700000000000\nSECabc').digest('base64');
    expect(signed.searchParams.get('sign')).toBe(expected);
    // The base64 characters travel URL-encoded.
    expect(signed.search).toContain(`sign=${encodeURIComponent(expected)}`);
  });
});

describe('WebhookSender (local receiver)', () => {
  const receiver = new WebhookReceiver();
  const target = (overrides: Partial<WebhookTarget> = {}): WebhookTarget => ({
    url: `${receiver.url}/robot/send?access_token=abc`,
    allowedAddresses: ['127.0.0.1'],
    timeoutMs: 2_000,
    maxAttempts: 3,
    backoffMs: 1,
    ...overrides,
  });

  beforeAll(() => receiver.start());
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.requests.length = 0;
  });

  it('posts the JSON body, signed, and reports delivery on errcode 0', async () => {
    const now = 1_763_172_300_000;
    const sender = new WebhookSender(target({ secret: 'SECret+/=' }), () => now);
    const body = dingTalkMarkdown(notice, 'Asia/Shanghai');
    await expect(sender.send(body)).resolves.toEqual({
      delivered: true,
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.body).toEqual(body);
    expect(request?.url.pathname).toBe('/robot/send');
    expect(request?.url.searchParams.get('access_token')).toBe('abc');
    expect(request?.url.searchParams.get('timestamp')).toBe(String(now));
    expect(request?.url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SECret+/=').update(`${now}\nSECret+/=`).digest('base64'),
    );
  });

  it('retries a 500 and delivers on the next attempt', async () => {
    receiver.answer({ status: 500, body: 'busy' });
    const outcome = await new WebhookSender(target()).send({ msgtype: 'markdown' });
    expect(outcome).toEqual({ delivered: true, attempts: 2, lastStatus: 200, lastError: null });
    expect(receiver.requests).toHaveLength(2);
  });

  it('gives up after the bounded number of attempts', async () => {
    receiver.answer({ status: 503, body: '' }, { status: 503, body: '' }, { status: 503, body: '' });
    const outcome = await new WebhookSender(target()).send({});
    expect(outcome).toEqual({ delivered: false, attempts: 3, lastStatus: 503, lastError: 'HTTP 503' });
    expect(receiver.requests).toHaveLength(3);
  });

  it('records a non-zero errcode as a failure without retrying it', async () => {
    receiver.answer({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    const outcome = await new WebhookSender(target()).send({});
    expect(outcome).toEqual({
      delivered: false,
      attempts: 1,
      lastStatus: 200,
      lastError: 'errcode 310000: sign not match',
    });
  });

  it('treats a 4xx as final', async () => {
    receiver.answer({ status: 404, body: 'no such robot' });
    const outcome = await new WebhookSender(target()).send({});
    expect(outcome).toMatchObject({ delivered: false, attempts: 1, lastStatus: 404 });
  });

  it('times out a receiver that never answers, and retries', async () => {
    receiver.answer('hang', 'hang');
    const outcome = await new WebhookSender(target({ timeoutMs: 200, maxAttempts: 2 })).send({});
    expect(outcome).toEqual({
      delivered: false,
      attempts: 2,
      lastStatus: null,
      lastError: 'no answer within 200 ms',
    });
  });

  it('refuses a private address the deployment does not allow, without connecting', async () => {
    const outcome = await new WebhookSender(target({ allowedAddresses: [] })).send({});
    expect(outcome).toMatchObject({ delivered: false, attempts: 1, lastStatus: null });
    expect(outcome.lastError).toMatch(/private/);
    expect(receiver.requests).toHaveLength(0);
  });
});
