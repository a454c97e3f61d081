import {
  DIRECTIONS,
  DOMAINS,
  FREQUENCIES,
  REGION_AGGREGATIONS,
  TIME_AGGREGATIONS,
  type Direction,
  type Domain,
  type Frequency,
  type RegionAggregation,
  type StandardReference,
  type TimeAggregation,
} from '@civicpulse/domain';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from './enum-check';
import { Timestamped } from './timestamps';

/** An indicator definition: what is measured, which way is good and how it aggregates. */
@Entity({ name: 'indicator' })
@Check('chk_indicator_domain', oneOf('domain', DOMAINS))
@Check('chk_indicator_direction', oneOf('direction', DIRECTIONS))
@Check('chk_indicator_time_aggregation', oneOf('time_aggregation', TIME_AGGREGATIONS))
@Check('chk_indicator_region_aggregation', oneOf('region_aggregation', REGION_AGGREGATIONS))
@Check('chk_indicator_frequency', oneOf('frequency', FREQUENCIES))
export class IndicatorEntity extends Timestamped {
  @PrimaryGeneratedColumn({ name: 'id', type: 'integer' })
  id!: number;

  /** Catalogue code such as `traffic.peak_congestion_delay_index`. */
  @Index('uq_indicator_code', { unique: true })
  @Column({ name: 'code', type: 'varchar', length: 128 })
  code!: string;

  @Column({ name: 'domain', type: 'varchar', length: 16 })
  domain!: Domain;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'definition_zh', type: 'text', nullable: true })
  definitionZh!: string | null;

  @Column({ name: 'definition_en', type: 'text', nullable: true })
  definitionEn!: string | null;

  @Column({ name: 'unit', type: 'varchar', length: 64 })
  unit!: string;

  @Column({ name: 'direction', type: 'varchar', length: 24 })
  direction!: Direction;

  /** Target band (only for `target_band` direction). */
  @Column({ name: 'band_lo', type: 'double precision', nullable: true })
  bandLo!: number | null;

  @Column({ name: 'band_hi', type: 'double precision', nullable: true })
  bandHi!: number | null;

  @Column({ name: 'band_tolerance', type: 'double precision', nullable: true })
  bandTolerance!: number | null;

  @Column({ name: 'time_aggregation', type: 'varchar', length: 16 })
  timeAggregation!: TimeAggregation;

  @Column({ name: 'region_aggregation', type: 'varchar', length: 16 })
  regionAggregation!: RegionAggregation;

  /**
   * Weight of `weighted_mean` over regions (e.g. `population`, `vehicle_km`); null means
   * population.
   */
  @Column({ name: 'region_weight', type: 'varchar', length: 32, nullable: true })
  regionWeight!: string | null;

  /** Multiplier applied to Σnum/Σden for ratio aggregation (100 for %, 1000 for per mille). */
  @Column({ name: 'ratio_scale', type: 'double precision', nullable: true })
  ratioScale!: number | null;

  @Column({ name: 'frequency', type: 'varchar', length: 8 })
  frequency!: Frequency;

  @Column({ name: 'valid_min', type: 'double precision', nullable: true })
  validMin!: number | null;

  @Column({ name: 'valid_max', type: 'double precision', nullable: true })
  validMax!: number | null;

  @Column({ name: 'standard_refs', type: 'jsonb', default: () => "'[]'" })
  standardRefs!: StandardReference[];

  @Column({ name: 'provisioned', type: 'boolean', default: false })
  provisioned!: boolean;
}
