import type { Frequency } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';
import type { AlertDeliveryStatus, AlertTransition } from '../entities/alert-delivery.entity';
import type { AlertKind } from '../entities/alert-rule.entity';

/** One enabled rule applied to one region, with the facts needed to decide it. */
export interface AlertTarget {
  ruleId: number;
  ruleName: string;
  kind: AlertKind;
  threshold: number | null;
  windowSeconds: number | null;
  channels: string[];
  indicatorCode: string;
  indicatorNameZh: string;
  indicatorNameEn: string;
  frequency: Frequency;
  regionId: number;
  regionCode: string;
  regionNameZh: string;
  regionNameEn: string;
  /** Latest value in the region and the start of its period; null without data. */
  latest: { value: number; periodStart: Date } | null;
  /** change_pct only: the value in force `windowSeconds` before the latest period. */
  comparison: { value: number; periodStart: Date } | null;
  /** The open event of this rule and region, if any. */
  openEventId: number | null;
}

/** An event to open (ignored when one is already open for the rule and region). */
export interface AlertOpening {
  ruleId: number;
  regionId: number;
  value: number | null;
  messageZh: string;
  messageEn: string;
}

/** An event whose state changed in this evaluation. */
export interface AlertTransitionRecord {
  eventId: number;
  ruleId: number;
  regionId: number;
  at: Date;
}

/** A notification to send, claimed by the process that inserted its delivery row. */
export interface AlertDeliveryClaim {
  deliveryId: number;
  eventId: number;
  transition: AlertTransition;
  channel: string;
}

/** What a notification says about one alert event (its message and the facts it names). */
export interface AlertNotice {
  eventId: number;
  transition: AlertTransition;
  ruleName: string;
  indicatorCode: string;
  indicatorNameZh: string;
  regionCode: string;
  regionNameZh: string;
  value: number | null;
  /** The Chinese message: why it fired, or what the value is now. */
  messageZh: string;
  /** When the event opened or was resolved. */
  at: Date;
}

/**
 * A delivery left pending by a stopped process, re-claimed with what its message needs; `value`
 * and `messageZh` are those the event opened with.
 */
export interface StaleAlertDelivery extends AlertDeliveryClaim, AlertNotice {}

/** The outcome of sending one notification. */
export interface AlertDeliveryOutcome {
  status: Exclude<AlertDeliveryStatus, 'pending'>;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
}

interface TargetRow {
  rule_id: number;
  rule_name: string;
  kind: AlertKind;
  threshold: number | null;
  window_seconds: number | null;
  channels: string[];
  indicator_code: string;
  indicator_name_zh: string;
  indicator_name_en: string;
  frequency: Frequency;
  region_id: number;
  region_code: string;
  region_name_zh: string;
  region_name_en: string;
  latest_value: number | null;
  latest_at: Date | null;
  comparison_value: number | null;
  comparison_at: Date | null;
  open_event_id: number | null;
}

interface TransitionRow {
  id: number;
  rule_id: number;
  region_id: number;
  at: Date;
}

/*
 * Facts come from the rollups, never from raw observations.
 * - Latest value: the year rollup holds every grain and keeps the newest value of each bucket
 *   (last_value at last_at), so the newest year bucket per (indicator, region) has it.
 * - Comparison value (change_pct): the newest bucket whose newest value starts at least
 *   window_seconds before the latest one, at the finest level the indicator's frequency feeds:
 *   day for hourly and daily indicators, month for monthly, year for quarterly and yearly. Exact
 *   for daily, monthly and yearly data; hourly data is compared at day resolution and quarterly at
 *   year resolution (a day's or a year's last value).
 * - Targets: a rule with a region is evaluated for that region (without data → no latest value);
 *   a rule for all regions for every region with data for its indicator.
 */
const TARGETS_SQL = `
WITH rules AS (
  SELECT r.id, r.name, r.kind, r.threshold, r.window_seconds, r.channels, r.region_id,
         i.id AS indicator_id, i.code, i.name_zh, i.name_en, i.frequency
    FROM alert_rule r JOIN indicator i ON i.id = r.indicator_id
   WHERE r.enabled AND ($1::text[] IS NULL OR i.code = ANY($1::text[]))
),
latest AS (
  SELECT DISTINCT ON (y.indicator_id, y.region_id) y.indicator_id, y.region_id, y.last_value, y.last_at
    FROM rollup_year y
   WHERE y.indicator_id IN (SELECT indicator_id FROM rules)
   ORDER BY y.indicator_id, y.region_id, y.bucket DESC
),
targets AS (
  SELECT r.*, r.region_id AS target_region_id FROM rules r WHERE r.region_id IS NOT NULL
  UNION ALL
  SELECT r.*, l.region_id FROM rules r JOIN latest l ON l.indicator_id = r.indicator_id WHERE r.region_id IS NULL
)
SELECT t.id AS rule_id, t.name AS rule_name, t.kind, t.threshold, t.window_seconds, t.channels,
       t.code AS indicator_code, t.name_zh AS indicator_name_zh, t.name_en AS indicator_name_en, t.frequency,
       g.id AS region_id, g.code AS region_code, g.name_zh AS region_name_zh, g.name_en AS region_name_en,
       l.last_value AS latest_value, l.last_at AS latest_at,
       c.last_value AS comparison_value, c.last_at AS comparison_at, e.id AS open_event_id
  FROM targets t
  JOIN region g ON g.id = t.target_region_id
  LEFT JOIN latest l ON l.indicator_id = t.indicator_id AND l.region_id = t.target_region_id
  LEFT JOIN LATERAL (
    SELECT x.last_value, x.last_at FROM (
      (SELECT d.last_value, d.last_at FROM rollup_day d
        WHERE t.kind = 'change_pct' AND t.frequency IN ('hour', 'day')
          AND d.indicator_id = t.indicator_id AND d.region_id = t.target_region_id
          AND d.last_at <= l.last_at - make_interval(secs => t.window_seconds::double precision)
        ORDER BY d.bucket DESC LIMIT 1)
      UNION ALL
      (SELECT m.last_value, m.last_at FROM rollup_month m
        WHERE t.kind = 'change_pct' AND t.frequency = 'month'
          AND m.indicator_id = t.indicator_id AND m.region_id = t.target_region_id
          AND m.last_at <= l.last_at - make_interval(secs => t.window_seconds::double precision)
        ORDER BY m.bucket DESC LIMIT 1)
      UNION ALL
      (SELECT y.last_value, y.last_at FROM rollup_year y
        WHERE t.kind = 'change_pct' AND t.frequency IN ('quarter', 'year')
          AND y.indicator_id = t.indicator_id AND y.region_id = t.target_region_id
          AND y.last_at <= l.last_at - make_interval(secs => t.window_seconds::double precision)
        ORDER BY y.bucket DESC LIMIT 1)
    ) x LIMIT 1
  ) c ON true
  LEFT JOIN alert_event e ON e.rule_id = t.id AND e.region_id = t.target_region_id AND e.state = 'open'
 ORDER BY t.id, g.code`;

function toTarget(row: TargetRow): AlertTarget {
  return {
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    kind: row.kind,
    threshold: row.threshold,
    windowSeconds: row.window_seconds,
    channels: row.channels,
    indicatorCode: row.indicator_code,
    indicatorNameZh: row.indicator_name_zh,
    indicatorNameEn: row.indicator_name_en,
    frequency: row.frequency,
    regionId: row.region_id,
    regionCode: row.region_code,
    regionNameZh: row.region_name_zh,
    regionNameEn: row.region_name_en,
    latest:
      row.latest_value === null || row.latest_at === null
        ? null
        : { value: row.latest_value, periodStart: row.latest_at },
    comparison:
      row.comparison_value === null || row.comparison_at === null
        ? null
        : { value: row.comparison_value, periodStart: row.comparison_at },
    openEventId: row.open_event_id,
  };
}

const toTransition = (row: TransitionRow): AlertTransitionRecord => ({
  eventId: row.id,
  ruleId: row.rule_id,
  regionId: row.region_id,
  at: row.at,
});

/** What the alert evaluator reads and writes: rule targets with their facts, events, deliveries. */
export class AlertEvaluationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every (enabled rule, region) pair to evaluate, for the rules of the given indicators (all
   * rules when `indicatorCodes` is null), with the latest value, the comparison value and the open
   * event. Ordered by rule and region code.
   */
  async findTargets(indicatorCodes: readonly string[] | null): Promise<AlertTarget[]> {
    if (indicatorCodes !== null && indicatorCodes.length === 0) return [];
    const rows: TargetRow[] = await this.dataSource.query(TARGETS_SQL, [indicatorCodes]);
    return rows.map(toTarget);
  }

  /**
   * Opens events; a pair that already has an open event is skipped (ON CONFLICT on the partial
   * unique index), so two evaluators racing open one event. Returns the events actually opened.
   */
  async openEvents(openings: readonly AlertOpening[], at: Date): Promise<AlertTransitionRecord[]> {
    if (openings.length === 0) return [];
    const rows: TransitionRow[] = await this.dataSource.query(
      `INSERT INTO alert_event (rule_id, region_id, state, value, message, message_en, opened_at)
       SELECT o.rule_id, o.region_id, 'open', o.value, o.message, o.message_en, $6
         FROM unnest($1::int[], $2::int[], $3::float8[], $4::text[], $5::text[])
              AS o(rule_id, region_id, value, message, message_en)
       ON CONFLICT (rule_id, region_id) WHERE state = 'open' DO NOTHING
       RETURNING id, rule_id, region_id, opened_at AS at`,
      [
        openings.map((o) => o.ruleId),
        openings.map((o) => o.regionId),
        openings.map((o) => o.value),
        openings.map((o) => o.messageZh),
        openings.map((o) => o.messageEn),
        at,
      ],
    );
    return rows.map(toTransition);
  }

  /** Resolves the open event of each (rule, region) pair, keeping the event. Returns those resolved. */
  async resolveEvents(
    pairs: ReadonlyArray<{ ruleId: number; regionId: number }>,
    at: Date,
  ): Promise<AlertTransitionRecord[]> {
    if (pairs.length === 0) return [];
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [TransitionRow[], number] = await this.dataSource.query(
      `UPDATE alert_event e SET state = 'resolved', resolved_at = $3
         FROM unnest($1::int[], $2::int[]) AS p(rule_id, region_id)
        WHERE e.rule_id = p.rule_id AND e.region_id = p.region_id AND e.state = 'open'
       RETURNING e.id, e.rule_id, e.region_id, e.resolved_at AS at`,
      [pairs.map((p) => p.ruleId), pairs.map((p) => p.regionId), at],
    );
    return rows.map(toTransition);
  }

  /**
   * Inserts a pending delivery row per notification; the ones already there (another process
   * claimed them) are skipped. Returns the claimed ones: only their sender sends them.
   */
  async claimDeliveries(
    items: ReadonlyArray<{ eventId: number; transition: AlertTransition; channel: string }>,
  ): Promise<AlertDeliveryClaim[]> {
    if (items.length === 0) return [];
    const rows: Array<{ id: number; event_id: number; transition: AlertTransition; channel: string }> =
      await this.dataSource.query(
        `INSERT INTO alert_delivery (event_id, transition, channel)
         SELECT * FROM unnest($1::int[], $2::varchar[], $3::varchar[])
         ON CONFLICT (event_id, transition, channel) DO NOTHING
         RETURNING id, event_id, transition, channel`,
        [items.map((i) => i.eventId), items.map((i) => i.transition), items.map((i) => i.channel)],
      );
    return rows.map((row) => ({
      deliveryId: row.id,
      eventId: row.event_id,
      transition: row.transition,
      channel: row.channel,
    }));
  }

  /**
   * Re-claims deliveries still `pending` after `olderThanSeconds` (their sender stopped between
   * claiming and recording), at most `limit`, oldest first. Claiming moves `updated_at`, and a
   * concurrent claimer re-checks the row after the first commits, so each is re-sent once.
   */
  async reclaimStaleDeliveries(olderThanSeconds: number, limit: number): Promise<StaleAlertDelivery[]> {
    const [rows]: [
      Array<{
        id: number;
        event_id: number;
        transition: AlertTransition;
        channel: string;
        rule_name: string;
        indicator_code: string;
        indicator_name_zh: string;
        region_code: string;
        region_name_zh: string;
        value: number | null;
        message: string;
        at: Date;
      }>,
      number,
    ] = await this.dataSource.query(
      `WITH stale AS (
         SELECT id FROM alert_delivery
          WHERE status = 'pending' AND updated_at < now() - make_interval(secs => $1::double precision)
          ORDER BY id LIMIT $2
       )
       UPDATE alert_delivery d SET updated_at = now()
         FROM stale, alert_event e, alert_rule r, indicator i, region g
        WHERE d.id = stale.id AND d.status = 'pending'
          AND d.updated_at < now() - make_interval(secs => $1::double precision)
          AND e.id = d.event_id AND r.id = e.rule_id AND i.id = r.indicator_id AND g.id = e.region_id
       RETURNING d.id, d.event_id, d.transition, d.channel, r.name AS rule_name, i.code AS indicator_code,
                 i.name_zh AS indicator_name_zh, g.code AS region_code, g.name_zh AS region_name_zh,
                 e.value, e.message,
                 CASE WHEN d.transition = 'open' THEN e.opened_at ELSE COALESCE(e.resolved_at, e.opened_at) END AS at`,
      [olderThanSeconds, limit],
    );
    return rows.map((row) => ({
      deliveryId: row.id,
      eventId: row.event_id,
      transition: row.transition,
      channel: row.channel,
      ruleName: row.rule_name,
      indicatorCode: row.indicator_code,
      indicatorNameZh: row.indicator_name_zh,
      regionCode: row.region_code,
      regionNameZh: row.region_name_zh,
      value: row.value,
      messageZh: row.message,
      at: row.at,
    }));
  }

  /** Records how sending a claimed notification ended. */
  async recordDelivery(deliveryId: number, outcome: AlertDeliveryOutcome): Promise<void> {
    await this.dataSource.query(
      `UPDATE alert_delivery SET status = $2, attempts = $3, last_status = $4, last_error = $5, updated_at = now()
        WHERE id = $1`,
      [deliveryId, outcome.status, outcome.attempts, outcome.lastStatus, outcome.lastError],
    );
  }
}
