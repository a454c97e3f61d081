import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { Timestamped } from './timestamps';

/** A data source: one connector manifest with its schedule and freshness expectation. */
@Entity({ name: 'source' })
export class SourceEntity extends Timestamped {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  /** Stable key of the manifest file, e.g. `demo.traffic.congestion`. */
  @Index('uq_source_key', { unique: true })
  @Column({ name: 'key', type: 'varchar', length: 128 })
  key!: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  /** Connector type that interprets the manifest (`http-json`, `csv-file`, …). */
  @Column({ name: 'connector_type', type: 'varchar', length: 64 })
  connectorType!: string;

  /** The declarative manifest as validated by the connector kit. */
  @Column({ name: 'manifest', type: 'jsonb' })
  manifest!: unknown;

  @Column({ name: 'enabled', type: 'boolean', default: true })
  enabled!: boolean;

  /** Cron expression evaluated in the city's time zone; null means manual runs only. */
  @Column({ name: 'schedule', type: 'varchar', length: 128, nullable: true })
  schedule!: string | null;

  /** Data older than this many seconds is shown as stale. */
  @Column({ name: 'stale_after_seconds', type: 'integer', nullable: true })
  staleAfterSeconds!: number | null;

  @Column({ name: 'owner_department_id', type: 'integer', nullable: true })
  ownerDepartmentId!: number | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_department_id', foreignKeyConstraintName: 'fk_source_owner_department' })
  ownerDepartment?: DepartmentEntity | null;

  @Column({ name: 'provisioned', type: 'boolean', default: false })
  provisioned!: boolean;
}
