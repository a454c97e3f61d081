/** Kinds of alert rule: value above / below a threshold, change in percent over a window, stale data. */
export const ALERT_RULE_KINDS = ['above', 'below', 'change_pct', 'stale'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

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
  /** Delivery channels such as `in_app`. */
  channels: string[];
  enabled: boolean;
}

export type UpsertAlertRuleRequest = Omit<AlertRuleDto, 'id'>;

export const ALERT_EVENT_STATES = ['open', 'resolved'] as const;
export type AlertEventState = (typeof ALERT_EVENT_STATES)[number];

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
  message: string;
  openedAt: string;
  resolvedAt: string | null;
}
