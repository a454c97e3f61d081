import { resolveAllowedAddresses } from '@civicpulse/connectors';
import { AlertEvaluationRepository, type DataSource } from '@civicpulse/db';
import type { IngestConfig } from '../config/ingest-config';
import { AlertEvaluator } from './alert-evaluator';
import { type AlertLog, AlertNotifier } from './alert-notifier';
import { AlertTrigger } from './alert-trigger';
import { type WebhookTarget, WebhookSender } from './webhook-sender';

/** Delivery defaults: DingTalk answers within a second; three tries over about three seconds. */
export const WEBHOOK_DEFAULTS = { timeoutMs: 10_000, maxAttempts: 3, backoffMs: 1_000 } as const;

/** Test seams: a frozen clock, faster retries. */
export interface AlertTriggerOptions {
  now?: () => Date;
  webhook?: Partial<Pick<WebhookTarget, 'timeoutMs' | 'maxAttempts' | 'backoffMs'>>;
}

/**
 * Wires alert evaluation for the worker: repository, domain evaluation, webhook notifier (when
 * ALERT_WEBHOOK_URL is set, under the deployment's private-address policy) and the trigger the run
 * service and the timer call.
 */
export async function createAlertTrigger(
  dataSource: DataSource,
  config: IngestConfig,
  log: AlertLog,
  options: AlertTriggerOptions = {},
): Promise<AlertTrigger> {
  const repository = new AlertEvaluationRepository(dataSource);
  const webhook = config.alertWebhook;
  const sender = webhook
    ? new WebhookSender({
        url: webhook.url,
        ...(webhook.secret ? { secret: webhook.secret } : {}),
        allowedAddresses: await resolveAllowedAddresses(config.allowedPrivateHosts),
        ...WEBHOOK_DEFAULTS,
        ...options.webhook,
      })
    : null;
  const evaluator = new AlertEvaluator({
    repository,
    notifier: new AlertNotifier(repository, sender, config.cityTimeZone, log),
    timeZone: config.cityTimeZone,
    ...(options.now ? { now: options.now } : {}),
  });
  return new AlertTrigger(evaluator, log);
}
