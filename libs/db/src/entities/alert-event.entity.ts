import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AlertRuleEntity } from './alert-rule.entity';
import { oneOf } from './enum-check';
import { RegionEntity } from './region.entity';

export const ALERT_STATES = ['open', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/**
 * One firing of an alert rule for one region, open until resolved. At most one event per (rule,
 * region) is open at a time: a partial unique index makes concurrent evaluators (two ingest
 * processes) insert with ON CONFLICT DO NOTHING instead of racing.
 */
@Entity({ name: 'alert_event' })
@Check('chk_alert_event_state', oneOf('state', ALERT_STATES))
@Index('idx_alert_event_rule_state', ['ruleId', 'state'])
@Index('idx_alert_event_opened', ['openedAt'])
@Index('uq_alert_event_open', ['ruleId', 'regionId'], { unique: true, where: `"state" = 'open'` })
export class AlertEventEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Column({ name: 'rule_id', type: 'integer' })
  ruleId!: number;

  @ManyToOne(() => AlertRuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id', foreignKeyConstraintName: 'fk_alert_event_rule' })
  rule?: AlertRuleEntity;

  @Column({ name: 'region_id', type: 'integer', nullable: true })
  regionId!: number | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_alert_event_region' })
  region?: RegionEntity | null;

  @Column({ name: 'state', type: 'varchar', length: 16, default: 'open' })
  state!: AlertState;

  @Column({ name: 'value', type: 'double precision', nullable: true })
  value!: number | null;

  /** What happened, in Chinese (the product's first language). */
  @Column({ name: 'message', type: 'text' })
  message!: string;

  /** The same in English; null for events recorded before evaluation wrote both. */
  @Column({ name: 'message_en', type: 'text', nullable: true })
  messageEn!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
