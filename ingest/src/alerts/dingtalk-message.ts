import { formatAlertInstant, formatAlertNumber } from '@civicpulse/domain';
import type { AlertNotice } from '@civicpulse/db';
import { createHmac } from 'node:crypto';

/** What a notification says about one alert event (shape shared with re-claimed deliveries). */
export type { AlertNotice } from '@civicpulse/db';

/** The Chinese message of a resolved alert: the condition no longer holds (at `value`, if known). */
export function resolvedMessageZh(
  notice: Pick<AlertNotice, 'indicatorNameZh' | 'regionNameZh'>,
  value: number | null,
): string {
  const subject = `${notice.indicatorNameZh} ${notice.regionNameZh}`;
  return value === null
    ? `${subject} 已不再满足告警条件`
    : `${subject} ${formatAlertNumber(value)}，已不再满足告警条件`;
}

/** The JSON a DingTalk custom robot accepts for a markdown message. */
export interface DingTalkMarkdownBody {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
}

/**
 * The webhook body of a notification: DingTalk's markdown message, in Chinese. The title carries
 * 告警, the keyword a keyword-protected robot is usually configured with.
 */
export function dingTalkMarkdown(notice: AlertNotice, timeZone: string): DingTalkMarkdownBody {
  const opened = notice.transition === 'open';
  const title = `${opened ? '【告警】' : '【告警恢复】'}${notice.ruleName}`;
  const lines = [
    `### ${title}`,
    `- 指标：${notice.indicatorNameZh}（${notice.indicatorCode}）`,
    `- 区域：${notice.regionNameZh}（${notice.regionCode}）`,
    ...(notice.value === null ? [] : [`- 数值：${formatAlertNumber(notice.value)}`]),
    `- ${opened ? '详情' : '当前'}：${notice.messageZh}`,
    `- ${opened ? '触发时间' : '恢复时间'}：${formatAlertInstant(notice.at, timeZone)}`,
    `- 告警编号：${notice.eventId}`,
  ];
  return { msgtype: 'markdown', markdown: { title, text: lines.join('\n') } };
}

/**
 * Appends DingTalk's signature for robots with 加签 security: `timestamp` (milliseconds) and
 * `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), URL-encoded.
 */
export function signDingTalkUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}
