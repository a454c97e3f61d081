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
import { BrandKpiEntity } from './brand-kpi.entity';

/**
 * Append-only history of KPI target changes (old → new, who, when, why). The initial migration
 * adds a trigger that rejects UPDATE on this table.
 */
@Entity({ name: 'kpi_target_revision' })
@Index('idx_kpi_target_revision_kpi_changed', ['kpiId', 'changedAt'])
export class KpiTargetRevisionEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Column({ name: 'kpi_id', type: 'integer' })
  kpiId!: number;

  @ManyToOne(() => BrandKpiEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'fk_kpi_target_revision_kpi' })
  kpi?: BrandKpiEntity;

  @Column({ name: 'old_target_value', type: 'double precision', nullable: true })
  oldTargetValue!: number | null;

  @Column({ name: 'old_target_date', type: 'date', nullable: true })
  oldTargetDate!: string | null;

  @Column({ name: 'new_target_value', type: 'double precision' })
  newTargetValue!: number;

  @Column({ name: 'new_target_date', type: 'date' })
  newTargetDate!: string;

  @Column({ name: 'changed_by_id', type: 'integer', nullable: true })
  changedById!: number | null;

  @ManyToOne(() => AppUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by_id', foreignKeyConstraintName: 'fk_kpi_target_revision_user' })
  changedBy?: AppUserEntity | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;
}
