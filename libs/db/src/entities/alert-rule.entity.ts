import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from './enum-check';
import { IndicatorEntity } from './indicator.entity';
import { RegionEntity } from './region.entity';
import { Timestamped } from './timestamps';

export const ALERT_KINDS = ['above', 'below', 'change_pct', 'stale'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A rule that opens an alert when an indicator crosses a threshold or goes stale. */
@Entity({ name: 'alert_rule' })
@Check('chk_alert_rule_kind', oneOf('kind', ALERT_KINDS))
export class AlertRuleEntity extends Timestamped {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Index('idx_alert_rule_indicator')
  @Column({ name: 'indicator_id', type: 'integer' })
  indicatorId!: number;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_alert_rule_indicator' })
  indicator?: IndicatorEntity;

  /** Region the rule watches; null means every region that reports the indicator. */
  @Column({ name: 'region_id', type: 'integer', nullable: true })
  regionId!: number | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_alert_rule_region' })
  region?: RegionEntity | null;

  @Column({ name: 'kind', type: 'varchar', length: 16 })
  kind!: AlertKind;

  /** Value bound for above/below, percent for change_pct; unused by stale. */
  @Column({ name: 'threshold', type: 'double precision', nullable: true })
  threshold!: number | null;

  /** Evaluation window in seconds (comparison span for change_pct, age for stale). */
  @Column({ name: 'window_seconds', type: 'integer', nullable: true })
  windowSeconds!: number | null;

  /** Delivery channels such as `in_app`, `email`, `webhook`. */
  @Column({ name: 'channels', type: 'text', array: true, default: () => "'{}'" })
  channels!: string[];

  @Column({ name: 'enabled', type: 'boolean', default: true })
  enabled!: boolean;
}
