import type { AlertEvaluationRepository } from '@civicpulse/db';
import { type AlertNotice, dingTalkMarkdown, resolvedMessageZh } from './dingtalk-message';
import type { WebhookSender } from './webhook-sender';

/** The outbound channel this worker delivers; rules list it in their `channels`. */
export const WEBHOOK_CHANNEL = 'webhook';

/**
 * A delivery still `pending` this long after it was claimed lost its sender (the process stopped
 * between claiming and recording); the timer sends it again. Far above the longest send
 * (three attempts of ten seconds plus backoff).
 */
export const STALE_PENDING_SECONDS = 600;

/** Where delivery problems are reported (Nest's Logger fits). */
export interface AlertLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Sends the webhook notifications of opened and resolved events. Each notification is claimed by
 * inserting its delivery row first, so with two ingest processes only one sends it; the outcome
 * (attempts, last HTTP status, error) is recorded for operators. Without a configured webhook the
 * delivery is recorded as failed, saying so. Deliveries a stopped process left pending are sent
 * again by {@link AlertNotifier.resendStale}.
 */
export class AlertNotifier {
  constructor(
    private readonly repository: Pick<
      AlertEvaluationRepository,
      'claimDeliveries' | 'recordDelivery' | 'reclaimStaleDeliveries'
    >,
    private readonly sender: Pick<WebhookSender, 'send'> | null,
    private readonly timeZone: string,
    private readonly log: AlertLog,
  ) {}

  async notify(notices: readonly AlertNotice[]): Promise<void> {
    const byKey = new Map(notices.map((n) => [`${n.eventId}:${n.transition}`, n]));
    const claims = await this.repository.claimDeliveries(
      notices.map((n) => ({ eventId: n.eventId, transition: n.transition, channel: WEBHOOK_CHANNEL })),
    );
    for (const claim of claims) {
      const notice = byKey.get(`${claim.eventId}:${claim.transition}`);
      if (notice) await this.deliver(claim.deliveryId, notice);
    }
  }

  /** Sends again the deliveries left pending by a stopped process; returns how many. */
  async resendStale(): Promise<number> {
    const stale = await this.repository.reclaimStaleDeliveries(STALE_PENDING_SECONDS, 50);
    for (const d of stale) {
      const opened = d.transition === 'open';
      // The event keeps the value it opened with; the value at resolution is not stored.
      await this.deliver(d.deliveryId, {
        ...d,
        value: opened ? d.value : null,
        messageZh: opened ? d.messageZh : resolvedMessageZh(d, null),
      });
    }
    return stale.length;
  }

  private async deliver(deliveryId: number, notice: AlertNotice): Promise<void> {
    if (!this.sender) {
      await this.repository.recordDelivery(deliveryId, {
        status: 'failed',
        attempts: 0,
        lastStatus: null,
        lastError: 'no webhook configured (ALERT_WEBHOOK_URL)',
      });
      return;
    }
    const outcome = await this.sender.send(dingTalkMarkdown(notice, this.timeZone));
    await this.repository.recordDelivery(deliveryId, {
      status: outcome.delivered ? 'delivered' : 'failed',
      attempts: outcome.attempts,
      lastStatus: outcome.lastStatus,
      lastError: outcome.lastError,
    });
    if (!outcome.delivered)
      this.log.warn(
        `alert ${notice.eventId} (${notice.transition}) not delivered to the webhook after ${outcome.attempts} attempt(s): ${outcome.lastError}`,
      );
  }
}
