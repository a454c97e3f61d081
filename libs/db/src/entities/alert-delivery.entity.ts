import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AlertEventEntity } from './alert-event.entity';
import { oneOf } from './enum-check';

/** Which change of an alert event a notification announces. */
export const ALERT_TRANSITIONS = ['open', 'resolve'] as const;
export type AlertTransition = (typeof ALERT_TRANSITIONS)[number];

/** `pending` while being sent (or left by a stopped process), then `delivered` or `failed`. */
export const ALERT_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type AlertDeliveryStatus = (typeof ALERT_DELIVERY_STATUSES)[number];

/**
 * One notification of an alert event on one outbound channel (the webhook), with its outcome so
 * operators can see failed deliveries. Unique per (event, transition, channel): whichever process
 * inserts the row sends it, so two ingest processes never notify twice.
 */
@Entity({ name: 'alert_delivery' })
@Check('chk_alert_delivery_transition', oneOf('transition', ALERT_TRANSITIONS))
@Check('chk_alert_delivery_status', oneOf('status', ALERT_DELIVERY_STATUSES))
@Index('uq_alert_delivery_event_transition_channel', ['eventId', 'transition', 'channel'], { unique: true })
export class AlertDeliveryEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Column({ name: 'event_id', type: 'integer' })
  eventId!: number;

  @ManyToOne(() => AlertEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_alert_delivery_event' })
  event?: AlertEventEntity;

  @Column({ name: 'transition', type: 'varchar', length: 16 })
  transition!: AlertTransition;

  @Column({ name: 'channel', type: 'varchar', length: 16 })
  channel!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: 'pending' })
  status!: AlertDeliveryStatus;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  /** HTTP status of the last attempt; null when no response arrived. */
  @Column({ name: 'last_status', type: 'integer', nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
