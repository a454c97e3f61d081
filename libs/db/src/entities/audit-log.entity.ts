import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AppUserEntity } from './app-user.entity';

/** Who changed what: one row per write through the admin API or catalogue apply. */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_entity', ['entityType', 'entityId'])
@Index('idx_audit_log_at', ['at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @ManyToOne(() => AppUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_audit_log_actor' })
  actor?: AppUserEntity | null;

  /** Username (or `system` / `catalog`) kept as text so the row survives the user's deletion. */
  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName!: string;

  /** Verb such as `brand_project.publish`, `kpi.target.change`, `source.run`. */
  @Column({ name: 'action', type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 64 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 128, nullable: true })
  entityId!: string | null;

  @Column({ name: 'before', type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ name: 'after', type: 'jsonb', nullable: true })
  after!: unknown;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
