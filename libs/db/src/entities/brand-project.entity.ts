import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { DepartmentEntity } from './department.entity';
import { RegionEntity } from './region.entity';
import { Timestamped } from './timestamps';

/** A city brand project (品牌项目) such as 畅行之城, scored against its KPIs. */
@Entity({ name: 'brand_project' })
@Check('chk_brand_project_satisfaction_share', '"satisfaction_share" >= 0 AND "satisfaction_share" <= 1')
@Check('chk_brand_project_period', '"end_date" >= "start_date"')
export class BrandProjectEntity extends Timestamped {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  @Index('uq_brand_project_code', { unique: true })
  @Column({ name: 'code', type: 'varchar', length: 64 })
  code!: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'slogan_zh', type: 'text', nullable: true })
  sloganZh!: string | null;

  @Column({ name: 'slogan_en', type: 'text', nullable: true })
  sloganEn!: string | null;

  /** 品牌定位 */
  @Column({ name: 'positioning_zh', type: 'text' })
  positioningZh!: string;

  @Column({ name: 'positioning_en', type: 'text' })
  positioningEn!: string;

  /** 核心价值 */
  @Column({ name: 'core_value_zh', type: 'text' })
  coreValueZh!: string;

  @Column({ name: 'core_value_en', type: 'text' })
  coreValueEn!: string;

  @Column({ name: 'owner_department_id', type: 'integer' })
  ownerDepartmentId!: number;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_department_id', foreignKeyConstraintName: 'fk_brand_project_owner_department' })
  ownerDepartment?: DepartmentEntity;

  @ManyToMany(() => DepartmentEntity)
  @JoinTable({
    name: 'brand_project_partner',
    joinColumn: {
      name: 'project_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_brand_project_partner_project',
    },
    inverseJoinColumn: {
      name: 'department_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_brand_project_partner_department',
    },
  })
  partnerDepartments?: DepartmentEntity[];

  @ManyToMany(() => RegionEntity)
  @JoinTable({
    name: 'brand_project_region',
    joinColumn: {
      name: 'project_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_brand_project_region_project',
    },
    inverseJoinColumn: {
      name: 'region_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_brand_project_region_region',
    },
  })
  regions?: RegionEntity[];

  /** Local dates (yyyy-mm-dd). */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  /** α: share of the satisfaction KPIs in the overall score. */
  @Column({ name: 'satisfaction_share', type: 'double precision', default: 0.2 })
  satisfactionShare!: number;

  /** Only published projects appear on the public showcase. */
  @Column({ name: 'published', type: 'boolean', default: false })
  published!: boolean;

  @Column({ name: 'published_by_id', type: 'integer', nullable: true })
  publishedById!: number | null;

  @ManyToOne(() => AppUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id', foreignKeyConstraintName: 'fk_brand_project_published_by' })
  publishedBy?: AppUserEntity | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'provisioned', type: 'boolean', default: false })
  provisioned!: boolean;
}
