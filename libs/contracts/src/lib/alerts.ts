/** Kinds of alert rule: value above / below a threshold, change in percent over a window, stale data. */
export const ALERT_RULE_KINDS = ['above', 'below', 'change_pct', 'stale'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

/**
 * Where an alert rule's events go. Every event is listed in the app; `webhook` also posts it (when
 * it opens and when it resolves) to the deployment's ALERT_WEBHOOK_URL as a DingTalk robot's
 * markdown message.
 */
export const ALERT_CHANNELS = ['in_app', 'webhook'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export interface AlertRuleDto {
  id: number;
  name: string;
  kind: AlertRuleKind;
  indicatorCode: string;
  /** Region watched; null = every region reporting the indicator. */
  regionCode: string | null;
  /** Bound for above/below, percent for change_pct; null for stale. */
  threshold: number | null;
  /** Comparison span (change_pct) or maximum age (stale), in seconds. */
  windowSeconds: number | null;
  /** Delivery channels, see {@link ALERT_CHANNELS}. */
  channels: string[];
  enabled: boolean;
}

export type UpsertAlertRuleRequest = Omit<AlertRuleDto, 'id'>;

export const ALERT_EVENT_STATES = ['open', 'resolved'] as const;
export type AlertEventState = (typeof ALERT_EVENT_STATES)[number];

export const ALERT_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type AlertDeliveryStatus = (typeof ALERT_DELIVERY_STATUSES)[number];

/** One webhook notification of an alert event: for its opening or its resolution. */
export interface AlertDeliveryDto {
  channel: string;
  transition: 'open' | 'resolve';
  /** `pending` while being sent (or when the sender stopped), then `delivered` or `failed`. */
  status: AlertDeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt; null when no answer arrived. */
  lastStatus: number | null;
  lastError: string | null;
  updatedAt: string;
}

/** GET /api/alerts item (in-app list). */
export interface AlertEventDto {
  id: number;
  ruleId: number;
  ruleName: string;
  kind: AlertRuleKind;
  state: AlertEventState;
  indicatorCode: string;
  regionCode: string | null;
  value: number | null;
  /** What happened, in Chinese. */
  message: string;
  /** The same in English; null for events recorded before evaluation wrote both. */
  messageEn: string | null;
  openedAt: string;
  resolvedAt: string | null;
  /** Webhook notifications and how they went, oldest first; empty for in-app-only rules. */
  deliveries: AlertDeliveryDto[];
}
