import { KPI_ROLES, type KpiPeriodTarget, type KpiRegionTarget, type KpiRole } from '@civicpulse/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BrandProjectEntity } from './brand-project.entity';
import { oneOf } from './enum-check';
import { IndicatorEntity } from './indicator.entity';
import { Timestamped } from './timestamps';

/** One KPI of a brand project: an indicator with weight, baseline and target. */
@Entity({ name: 'brand_kpi' })
@Check('chk_brand_kpi_role', oneOf('role', KPI_ROLES))
@Check('chk_brand_kpi_weight', '"weight" > 0')
@Index('uq_brand_kpi_project_indicator', ['projectId', 'indicatorId'], { unique: true })
export class BrandKpiEntity extends Timestamped {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId!: number;

  @ManyToOne(() => BrandProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_brand_kpi_project' })
  project?: BrandProjectEntity;

  @Index('idx_brand_kpi_indicator')
  @Column({ name: 'indicator_id', type: 'integer' })
  indicatorId!: number;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_brand_kpi_indicator' })
  indicator?: IndicatorEntity;

  @Column({ name: 'weight', type: 'double precision' })
  weight!: number;

  @Column({ name: 'role', type: 'varchar', length: 16, default: 'outcome' })
  role!: KpiRole;

  @Column({ name: 'baseline_value', type: 'double precision' })
  baselineValue!: number;

  /** Local date the baseline was measured (t0). */
  @Column({ name: 'baseline_date', type: 'date' })
  baselineDate!: string;

  @Column({ name: 'target_value', type: 'double precision' })
  targetValue!: number;

  /** Local date the target is due (tT). */
  @Column({ name: 'target_date', type: 'date' })
  targetDate!: string;

  @Column({ name: 'cumulative', type: 'boolean', default: false })
  cumulative!: boolean;

  @Column({ name: 'region_targets', type: 'jsonb', nullable: true })
  regionTargets!: KpiRegionTarget[] | null;

  @Column({ name: 'period_targets', type: 'jsonb', nullable: true })
  periodTargets!: KpiPeriodTarget[] | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;
}
