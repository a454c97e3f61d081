import type { Domain } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';
import type { AlertDeliveryStatus, AlertTransition } from '../entities/alert-delivery.entity';
import type { AlertState } from '../entities/alert-event.entity';
import type { AlertKind } from '../entities/alert-rule.entity';

export interface AlertRuleRecord {
  id: number;
  name: string;
  kind: AlertKind;
  indicatorCode: string;
  regionCode: string | null;
  threshold: number | null;
  windowSeconds: number | null;
  channels: string[];
  enabled: boolean;
}

export type AlertRuleWrite = Omit<AlertRuleRecord, 'id'>;

/** One notification of an event on an outbound channel and how it went. */
export interface AlertDeliveryRecord {
  channel: string;
  transition: AlertTransition;
  status: AlertDeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  updatedAt: Date;
}

export interface AlertEventRecord {
  id: number;
  ruleId: number;
  ruleName: string;
  kind: AlertKind;
  state: AlertState;
  indicatorCode: string;
  regionCode: string | null;
  value: number | null;
  message: string;
  messageEn: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  deliveries: AlertDeliveryRecord[];
}

interface DeliveryJson {
  channel: string;
  transition: AlertTransition;
  status: AlertDeliveryStatus;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  updated_at: string;
}

interface RuleRow {
  id: number;
  name: string;
  kind: AlertKind;
  indicator_code: string;
  region_code: string | null;
  threshold: number | null;
  window_seconds: number | null;
  channels: string[];
  enabled: boolean;
}

interface EventRow {
  id: number;
  rule_id: number;
  rule_name: string;
  kind: AlertKind;
  state: AlertState;
  indicator_code: string;
  region_code: string | null;
  value: number | null;
  message: string;
  message_en: string | null;
  opened_at: Date;
  resolved_at: Date | null;
  deliveries: DeliveryJson[];
}

const RULE_SELECT = `SELECT r.id, r.name, r.kind, i.code AS indicator_code, g.code AS region_code, r.threshold,
  r.window_seconds, r.channels, r.enabled
  FROM alert_rule r JOIN indicator i ON i.id = r.indicator_id LEFT JOIN region g ON g.id = r.region_id`;

const EVENT_SELECT = `SELECT e.id, e.rule_id, r.name AS rule_name, r.kind, e.state, i.code AS indicator_code,
  g.code AS region_code, e.value, e.message, e.message_en, e.opened_at, e.resolved_at,
  COALESCE((SELECT json_agg(json_build_object('channel', d.channel, 'transition', d.transition,
      'status', d.status, 'attempts', d.attempts, 'last_status', d.last_status, 'last_error', d.last_error,
      'updated_at', d.updated_at) ORDER BY d.id)
    FROM alert_delivery d WHERE d.event_id = e.id), '[]'::json) AS deliveries
  FROM alert_event e JOIN alert_rule r ON r.id = e.rule_id JOIN indicator i ON i.id = r.indicator_id
  LEFT JOIN region g ON g.id = e.region_id`;

function toRule(row: RuleRow): AlertRuleRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    indicatorCode: row.indicator_code,
    regionCode: row.region_code,
    threshold: row.threshold,
    windowSeconds: row.window_seconds,
    channels: row.channels,
    enabled: row.enabled,
  };
}

function toEvent(row: EventRow): AlertEventRecord {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    kind: row.kind,
    state: row.state,
    indicatorCode: row.indicator_code,
    regionCode: row.region_code,
    value: row.value,
    message: row.message,
    messageEn: row.message_en,
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
    deliveries: row.deliveries.map((d) => ({
      channel: d.channel,
      transition: d.transition,
      status: d.status,
      attempts: d.attempts,
      lastStatus: d.last_status,
      lastError: d.last_error,
      updatedAt: new Date(d.updated_at),
    })),
  };
}

/** Alert rules (configured in the API) and alert events (the in-app list). */
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listRules(): Promise<AlertRuleRecord[]> {
    const rows: RuleRow[] = await this.dataSource.query(`${RULE_SELECT} ORDER BY r.id`);
    return rows.map(toRule);
  }

  async findRule(id: number): Promise<AlertRuleRecord | null> {
    const rows: RuleRow[] = await this.dataSource.query(`${RULE_SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ? toRule(rows[0]) : null;
  }

  /**
   * Inserts a rule; codes are resolved in the statement. Returns null when the indicator (or a
   * given region) does not exist, so the caller can name the bad field.
   */
  async createRule(rule: AlertRuleWrite): Promise<AlertRuleRecord | null> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `INSERT INTO alert_rule (name, indicator_id, region_id, kind, threshold, window_seconds, channels, enabled)
       SELECT $1, i.id, g.id, $4, $5, $6, $7::text[], $8
       FROM indicator i LEFT JOIN region g ON g.code = $3::varchar
       WHERE i.code = $2::varchar AND ($3::varchar IS NULL OR g.id IS NOT NULL)
       RETURNING id`,
      [
        rule.name,
        rule.indicatorCode,
        rule.regionCode,
        rule.kind,
        rule.threshold,
        rule.windowSeconds,
        rule.channels,
        rule.enabled,
      ],
    );
    return rows[0] ? this.findRule(rows[0].id) : null;
  }

  /** Replaces a rule; 'missing' when the rule is gone, 'bad_reference' for an unknown indicator/region. */
  async updateRule(id: number, rule: AlertRuleWrite): Promise<'updated' | 'missing' | 'bad_reference'> {
    if (!(await this.findRule(id))) return 'missing';
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE alert_rule r SET name = $2, indicator_id = i.id, region_id = g.id, kind = $5, threshold = $6,
         window_seconds = $7, channels = $8::text[], enabled = $9, updated_at = now()
       FROM indicator i LEFT JOIN region g ON g.code = $4::varchar
       WHERE r.id = $1 AND i.code = $3::varchar AND ($4::varchar IS NULL OR g.id IS NOT NULL)`,
      [
        id,
        rule.name,
        rule.indicatorCode,
        rule.regionCode,
        rule.kind,
        rule.threshold,
        rule.windowSeconds,
        rule.channels,
        rule.enabled,
      ],
    );
    return result[1] > 0 ? 'updated' : 'bad_reference';
  }

  /** Deletes a rule and (by cascade) its events; false when it did not exist. */
  async deleteRule(id: number): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query('DELETE FROM alert_rule WHERE id = $1', [
      id,
    ]);
    return result[1] > 0;
  }

  async listEvents(query: {
    state?: AlertState;
    offset: number;
    limit: number;
  }): Promise<{ items: AlertEventRecord[]; total: number }> {
    const where = query.state ? 'WHERE e.state = $1' : 'WHERE $1::varchar IS NULL';
    const total: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM alert_event e ${where}`,
      [query.state ?? null],
    );
    const rows: EventRow[] = await this.dataSource.query(
      `${EVENT_SELECT} ${where} ORDER BY e.opened_at DESC, e.id DESC LIMIT $2 OFFSET $3`,
      [query.state ?? null, query.limit, query.offset],
    );
    return { items: rows.map(toEvent), total: total[0]?.n ?? 0 };
  }

  /** Resolves an open event; returns the event, or null when it does not exist. Idempotent. */
  async resolveEvent(id: number): Promise<AlertEventRecord | null> {
    await this.dataSource.query(
      `UPDATE alert_event SET state = 'resolved', resolved_at = now() WHERE id = $1 AND state = 'open'`,
      [id],
    );
    const rows: EventRow[] = await this.dataSource.query(`${EVENT_SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ? toEvent(rows[0]) : null;
  }

  /** Open alert events per indicator domain (domains without open alerts are absent). */
  async countOpenByDomain(): Promise<Map<Domain, number>> {
    const rows: Array<{ domain: Domain; n: number }> = await this.dataSource.query(
      `SELECT i.domain, count(*)::int AS n
       FROM alert_event e JOIN alert_rule r ON r.id = e.rule_id JOIN indicator i ON i.id = r.indicator_id
       WHERE e.state = 'open' GROUP BY i.domain`,
    );
    return new Map(rows.map((r) => [r.domain, r.n]));
  }
}
