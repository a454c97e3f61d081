import { GRAINS, QUALITY_FLAGS, type Grain, type QualityFlag } from '@civicpulse/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from './enum-check';
import { IndicatorEntity } from './indicator.entity';
import { IngestRunEntity } from './ingest-run.entity';
import { RegionEntity } from './region.entity';
import { SourceEntity } from './source.entity';

/**
 * One value of one indicator for one region and one period.
 *
 * The primary key is the natural key (indicator, region, grain, period start), so the ingest merge
 * is a plain `INSERT … ON CONFLICT` and the table carries no surrogate id worth 8 bytes a row.
 * Written only by the observation writer; the API reads rollups, not this table. Source and run
 * (lineage) are checked once per batch by the writer instead of by per-row foreign keys; triggers
 * refuse to delete a run or source still named here (migration 1795591031600).
 */
@Entity({ name: 'observation' })
@Check('chk_observation_grain', oneOf('grain', GRAINS))
@Check('chk_observation_quality', oneOf('quality', QUALITY_FLAGS))
@Index('idx_observation_region_period', ['regionId', 'periodStart'])
@Index('idx_observation_ingest_run', ['ingestRunId'])
export class ObservationEntity {
  @PrimaryColumn({ name: 'indicator_id', type: 'integer', primaryKeyConstraintName: 'pk_observation' })
  indicatorId!: number;

  @PrimaryColumn({ name: 'region_id', type: 'integer', primaryKeyConstraintName: 'pk_observation' })
  regionId!: number;

  @PrimaryColumn({ name: 'grain', type: 'varchar', length: 8, primaryKeyConstraintName: 'pk_observation' })
  grain!: Grain;

  /** Start of the period as an absolute instant. */
  @PrimaryColumn({ name: 'period_start', type: 'timestamptz', primaryKeyConstraintName: 'pk_observation' })
  periodStart!: Date;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_observation_indicator' })
  indicator?: IndicatorEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_observation_region' })
  region?: RegionEntity;

  @Column({ name: 'value', type: 'double precision' })
  value!: number;

  /** Numerator and denominator of a rate, so rates re-aggregate as a ratio of sums. */
  @Column({ name: 'numerator', type: 'double precision', nullable: true })
  numerator!: number | null;

  @Column({ name: 'denominator', type: 'double precision', nullable: true })
  denominator!: number | null;

  @Column({ name: 'quality', type: 'varchar', length: 16, default: 'ok' })
  quality!: QualityFlag;

  @Column({ name: 'source_id', type: 'integer', nullable: true })
  sourceId!: number | null;

  @ManyToOne(() => SourceEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity | null;

  /** The run that last changed this value (lineage shown next to every figure). */
  @Column({ name: 'ingest_run_id', type: 'integer', nullable: true })
  ingestRunId!: number | null;

  @ManyToOne(() => IngestRunEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'ingest_run_id' })
  ingestRun?: IngestRunEntity | null;

  @Column({ name: 'ingested_at', type: 'timestamptz', default: () => 'now()' })
  ingestedAt!: Date;
}
