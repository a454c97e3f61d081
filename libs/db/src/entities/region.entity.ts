import { REGION_LEVELS, type RegionLevel } from '@civicpulse/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from './enum-check';
import { Timestamped } from './timestamps';

/** City, district or subdistrict; observations and KPI region scopes point here. */
@Entity({ name: 'region' })
@Check('chk_region_level', oneOf('level', REGION_LEVELS))
export class RegionEntity extends Timestamped {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  /** GB/T 2260-style administrative code where one exists. */
  @Index('uq_region_code', { unique: true })
  @Column({ name: 'code', type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'level', type: 'varchar', length: 16 })
  level!: RegionLevel;

  @Index('idx_region_parent')
  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_region_parent' })
  parent?: RegionEntity | null;

  /** Residents; the weight of per-capita and population-weighted aggregation. */
  @Column({ name: 'population', type: 'integer', nullable: true })
  population!: number | null;

  /** Names seen in source files (浦东新区 / Pudong / 310115) that map to this region. */
  @Column({ name: 'aliases', type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  /** GeoJSON Polygon/MultiPolygon geometry (WGS 84), drawn by the district map. */
  @Column({ name: 'boundary', type: 'jsonb', nullable: true })
  boundary!: unknown;

  @Column({ name: 'provisioned', type: 'boolean', default: false })
  provisioned!: boolean;
}
