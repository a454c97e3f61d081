import type { RollupCell } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';
import type { RollupLevel } from './rollup-maintenance';

export interface RollupQuery {
  level: RollupLevel;
  indicatorIds: readonly number[];
  regionIds: readonly number[];
  /** First bucket included, local date yyyy-mm-dd (any day inside it; it is truncated). */
  fromBucket: string;
  /** Last bucket included, local date yyyy-mm-dd (any day inside it). */
  toBucket: string;
}

export interface RollupRow {
  indicatorId: number;
  regionId: number;
  /** First local day of the bucket, yyyy-mm-dd. */
  bucket: string;
  cell: RollupCell;
  /**
   * Numerator and denominator of the bucket's newest observation (the one `cell.last` comes
   * from), each null when it has none: `last` over time then a ratio of sums over regions.
   */
  lastNumerator: number | null;
  lastDenominator: number | null;
}

/** Which rollup level to search for each indicator's latest bucket before an instant. */
export interface LatestBucketQuery {
  level: RollupLevel;
  indicatorIds: readonly number[];
  regionIds: readonly number[];
  /** Only buckets whose every value starts before this instant (last_at < before) qualify. */
  before: Date;
}

export interface LatestBucket {
  indicatorId: number;
  /** First local day of the latest bucket with data, yyyy-mm-dd. */
  bucket: string;
}

export interface LatestObservation {
  indicatorId: number;
  /** Start of the latest period with data. */
  lastPeriodStart: Date;
}

interface RollupDbRow {
  indicator_id: number;
  region_id: number;
  bucket: string;
  count: number;
  sum: number;
  min: number;
  max: number;
  last_value: number;
  /** Epoch milliseconds: a float parses far faster than a timestamptz string. */
  last_at_ms: number;
  numerator_sum: number | null;
  denominator_sum: number | null;
  last_numerator: number | null;
  last_denominator: number | null;
}

const TABLES: Record<RollupLevel, string> = { day: 'rollup_day', month: 'rollup_month', year: 'rollup_year' };
const UNITS: Record<RollupLevel, string> = { day: 'day', month: 'month', year: 'year' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidRollupQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRollupQueryError';
  }
}

/** Reads of the rollup tables, the only source of scorecard and trend figures. */
export class RollupReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rollup cells for indicators × regions over an inclusive bucket range, ordered by indicator,
   * region, bucket. The range is truncated to the level's unit first, so `2025-03-15` as
   * `fromBucket` at month level means "from March". Reads the rollup primary key only.
   */
  async findRollups(query: RollupQuery): Promise<RollupRow[]> {
    if (!ISO_DATE.test(query.fromBucket) || !ISO_DATE.test(query.toBucket)) {
      throw new InvalidRollupQueryError('fromBucket and toBucket must be yyyy-mm-dd dates');
    }
    if (query.indicatorIds.length === 0 || query.regionIds.length === 0) return [];
    const unit = UNITS[query.level];
    const rows: RollupDbRow[] = await this.dataSource.query(
      `SELECT indicator_id, region_id, to_char(bucket, 'YYYY-MM-DD') AS bucket, count, sum, min, max,
              last_value, (extract(epoch FROM last_at) * 1000)::float8 AS last_at_ms,
              numerator_sum, denominator_sum, last_numerator, last_denominator
         FROM ${TABLES[query.level]}
        WHERE indicator_id = ANY($1::int[]) AND region_id = ANY($2::int[])
          AND bucket >= date_trunc('${unit}', $3::date)::date AND bucket <= date_trunc('${unit}', $4::date)::date
        ORDER BY indicator_id, region_id, bucket`,
      [query.indicatorIds, query.regionIds, query.fromBucket, query.toBucket],
    );
    return rows.map((row) => ({
      indicatorId: row.indicator_id,
      regionId: row.region_id,
      bucket: row.bucket,
      cell: {
        count: row.count,
        sum: row.sum,
        min: row.min,
        max: row.max,
        last: row.last_value,
        lastAt: new Date(row.last_at_ms),
        numeratorSum: row.numerator_sum,
        denominatorSum: row.denominator_sum,
      },
      lastNumerator: row.last_numerator,
      lastDenominator: row.last_denominator,
    }));
  }

  /**
   * Latest period start with data per indicator (freshness). Taken from the year rollup, which
   * covers every grain and keeps max(period_start) per bucket as last_at, so this never scans
   * observations. Indicators without data are absent.
   */
  async findLatestObservationTimes(indicatorIds: readonly number[]): Promise<LatestObservation[]> {
    if (indicatorIds.length === 0) return [];
    const rows: Array<{ indicator_id: number; last_at: Date }> = await this.dataSource.query(
      `SELECT indicator_id, max(last_at) AS last_at FROM rollup_year
        WHERE indicator_id = ANY($1::int[]) GROUP BY indicator_id ORDER BY indicator_id`,
      [indicatorIds],
    );
    return rows.map((row) => ({ indicatorId: row.indicator_id, lastPeriodStart: row.last_at }));
  }

  /**
   * The latest bucket per indicator that holds data for any of the regions and whose newest value
   * starts before `before` — where a stock's "value as of" an instant is found when the period
   * asked for has none. One row per indicator with such a bucket; others are absent.
   */
  async findLatestBucketsBefore(query: LatestBucketQuery): Promise<LatestBucket[]> {
    if (query.indicatorIds.length === 0 || query.regionIds.length === 0) return [];
    const rows: Array<{ indicator_id: number; bucket: string }> = await this.dataSource.query(
      `SELECT indicator_id, to_char(max(bucket), 'YYYY-MM-DD') AS bucket
         FROM ${TABLES[query.level]}
        WHERE indicator_id = ANY($1::int[]) AND region_id = ANY($2::int[]) AND last_at < $3
        GROUP BY indicator_id ORDER BY indicator_id`,
      [query.indicatorIds, query.regionIds, query.before],
    );
    return rows.map((row) => ({ indicatorId: row.indicator_id, bucket: row.bucket }));
  }
}
