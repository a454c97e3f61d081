import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IndicatorEntity } from './indicator.entity';
import { RegionEntity } from './region.entity';

/**
 * The rollup tables have no foreign keys (migration 1795591031571): they are derived data written
 * only by the ingest write path, and triggers on `indicator` and `region` remove a deleted
 * parent's rollups. The relations below are for joins only.
 *
 * Columns shared by the three rollup tables. A row aggregates the observations of one indicator
 * and region whose period starts inside one local calendar bucket of the city's time zone. See
 * the README of this library for which grains feed which level.
 */
export abstract class RollupColumns {
  @PrimaryColumn({ name: 'indicator_id', type: 'integer' })
  indicatorId!: number;

  @PrimaryColumn({ name: 'region_id', type: 'integer' })
  regionId!: number;

  /** First local day of the bucket (yyyy-mm-dd; pg returns `date` as a string). */
  @PrimaryColumn({ name: 'bucket', type: 'date' })
  bucket!: string;

  @Column({ name: 'count', type: 'integer' })
  count!: number;

  @Column({ name: 'sum', type: 'double precision' })
  sum!: number;

  @Column({ name: 'min', type: 'double precision' })
  min!: number;

  @Column({ name: 'max', type: 'double precision' })
  max!: number;

  /** Value of the observation with the latest period start in the bucket. */
  @Column({ name: 'last_value', type: 'double precision' })
  lastValue!: number;

  @Column({ name: 'last_at', type: 'timestamptz' })
  lastAt!: Date;

  /** Σ numerator and Σ denominator over the observations that carry both (null when none do). */
  @Column({ name: 'numerator_sum', type: 'double precision', nullable: true })
  numeratorSum!: number | null;

  @Column({ name: 'denominator_sum', type: 'double precision', nullable: true })
  denominatorSum!: number | null;

  /**
   * Numerator and denominator of the observation `last_value` comes from, as stored (each null
   * when that observation has none), so `last` over time can be combined with a ratio of sums
   * over regions without mixing in the rest of the bucket.
   */
  @Column({ name: 'last_numerator', type: 'double precision', nullable: true })
  lastNumerator!: number | null;

  @Column({ name: 'last_denominator', type: 'double precision', nullable: true })
  lastDenominator!: number | null;
}

/** Local-day rollup, fed by grains instant, hour and day. */
@Entity({ name: 'rollup_day' })
export class RollupDayEntity extends RollupColumns {
  @ManyToOne(() => IndicatorEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: IndicatorEntity;

  @ManyToOne(() => RegionEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;
}

/** Local-month rollup, fed by grains instant, hour, day and month. */
@Entity({ name: 'rollup_month' })
export class RollupMonthEntity extends RollupColumns {
  @ManyToOne(() => IndicatorEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: IndicatorEntity;

  @ManyToOne(() => RegionEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;
}

/** Local-year rollup, fed by every grain (quarter and year included). */
@Entity({ name: 'rollup_year' })
export class RollupYearEntity extends RollupColumns {
  @ManyToOne(() => IndicatorEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: IndicatorEntity;

  @ManyToOne(() => RegionEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'region_id' })
  region?: RegionEntity;
}
