import type { Grain } from '@civicpulse/domain';
import type { QueryRunner } from 'typeorm';

export type RollupLevel = 'day' | 'month' | 'year';

/**
 * Which observation grains each rollup level covers. A bucket holds the observations whose
 * period *starts* inside it (in the city's time zone); a grain coarser than the bucket cannot be
 * split into it, so it is left out: a quarterly value has no month, a monthly value has no day.
 */
export const ROLLUP_GRAINS: Readonly<Record<RollupLevel, readonly Grain[]>> = {
  day: ['instant', 'hour', 'day'],
  month: ['instant', 'hour', 'day', 'month'],
  year: ['instant', 'hour', 'day', 'month', 'quarter', 'year'],
};

/**
 * Order of grains for the tie-break of `last_value` when two observations of one bucket start at
 * the same instant: the coarser grain wins, because its period covers more of the bucket.
 */
const GRAIN_RANK_SQL = `CASE o.grain WHEN 'instant' THEN 0 WHEN 'hour' THEN 1 WHEN 'day' THEN 2
  WHEN 'month' THEN 3 WHEN 'quarter' THEN 4 ELSE 5 END`;

/** Σnum and Σden only over observations that carry both, so the ratio of sums stays paired. */
const PAIRED = 'o.numerator IS NOT NULL AND o.denominator IS NOT NULL';

const UPSERT_SET = `ON CONFLICT (indicator_id, region_id, bucket) DO UPDATE SET
  count = EXCLUDED.count, sum = EXCLUDED.sum, min = EXCLUDED.min, max = EXCLUDED.max,
  last_value = EXCLUDED.last_value, last_at = EXCLUDED.last_at,
  numerator_sum = EXCLUDED.numerator_sum, denominator_sum = EXCLUDED.denominator_sum`;

const COLUMNS = `(indicator_id, region_id, bucket, count, sum, min, max, last_value, last_at,
  numerator_sum, denominator_sum)`;

/**
 * Day buckets are aggregated from the raw observations of that local day.
 * `(bucket::timestamp AT TIME ZONE tz)` is local midnight as an instant, so each bucket is one
 * range probe of the observation primary key. The LATERAL subquery keeps it that way: the
 * statistics of `observation` are stale in the middle of the batch's transaction, and a planner
 * left to choose joined every touched bucket against every row of the pair instead.
 */
const DAY_SQL = `
INSERT INTO rollup_day ${COLUMNS}
SELECT t.indicator_id, t.region_id, t.bucket, a.count, a.sum, a.min, a.max, a.last_value, a.last_at,
       a.numerator_sum, a.denominator_sum
  FROM (SELECT DISTINCT indicator_id, region_id, (period_start AT TIME ZONE $1)::date AS bucket
          FROM pg_temp.observation_changed WHERE grain = ANY($2::text[])) t
 CROSS JOIN LATERAL (
   SELECT count(*)::int AS count, sum(o.value) AS sum, min(o.value) AS min, max(o.value) AS max,
          (array_agg(o.value ORDER BY o.period_start DESC, ${GRAIN_RANK_SQL} DESC))[1] AS last_value,
          max(o.period_start) AS last_at,
          sum(o.numerator) FILTER (WHERE ${PAIRED}) AS numerator_sum,
          sum(o.denominator) FILTER (WHERE ${PAIRED}) AS denominator_sum
     FROM observation o
    WHERE o.indicator_id = t.indicator_id AND o.region_id = t.region_id AND o.grain = ANY($2::text[])
      AND o.period_start >= (t.bucket::timestamp AT TIME ZONE $1)
      AND o.period_start < ((t.bucket + 1)::timestamp AT TIME ZONE $1)
 ) a
 WHERE a.count > 0
${UPSERT_SET}`;

/**
 * Month and year buckets are combined from the level below (already recomputed in this
 * transaction) plus the observations of the grains that level cannot hold. count, sum, min, max
 * and the paired sums are decomposable, and `last` is the part with the latest time, so the
 * result equals aggregating the raw rows, while a year of 5-minute data costs 12 month rows to
 * re-read instead of 100 000 observations. `$3` is the rank of the lower level's rows in the
 * last-value tie-break (they hold only finer grains than the direct ones, `$4`).
 */
function upperLevelSql(level: 'month' | 'year', lower: 'day' | 'month'): string {
  return `
INSERT INTO rollup_${level} ${COLUMNS}
SELECT t.indicator_id, t.region_id, t.bucket, a.count, a.sum, a.min, a.max, a.last_value, a.last_at,
       a.numerator_sum, a.denominator_sum
  FROM (SELECT DISTINCT indicator_id, region_id,
               date_trunc('${level}', period_start AT TIME ZONE $1)::date AS bucket
          FROM pg_temp.observation_changed WHERE grain = ANY($2::text[])) t
 CROSS JOIN LATERAL (
   SELECT sum(p.count)::int AS count, sum(p.sum) AS sum, min(p.min) AS min, max(p.max) AS max,
          (array_agg(p.last_value ORDER BY p.last_at DESC, p.rank DESC))[1] AS last_value,
          max(p.last_at) AS last_at, sum(p.numerator_sum) AS numerator_sum,
          sum(p.denominator_sum) AS denominator_sum
     FROM (
       SELECT r.count, r.sum, r.min, r.max, r.last_value, r.last_at, $3::int AS rank,
              r.numerator_sum, r.denominator_sum
         FROM rollup_${lower} r
        WHERE r.indicator_id = t.indicator_id AND r.region_id = t.region_id
          AND r.bucket >= t.bucket AND r.bucket < (t.bucket + interval '1 ${level}')::date
       UNION ALL
       SELECT 1, o.value, o.value, o.value, o.value, o.period_start, ${GRAIN_RANK_SQL},
              CASE WHEN ${PAIRED} THEN o.numerator END, CASE WHEN ${PAIRED} THEN o.denominator END
         FROM observation o
        WHERE o.indicator_id = t.indicator_id AND o.region_id = t.region_id AND o.grain = ANY($4::text[])
          AND o.period_start >= (t.bucket::timestamp AT TIME ZONE $1)
          AND o.period_start < ((t.bucket + interval '1 ${level}')::timestamp AT TIME ZONE $1)
     ) p
 ) a
 WHERE a.count > 0
${UPSERT_SET}`;
}

const MONTH_SQL = upperLevelSql('month', 'day');
const YEAR_SQL = upperLevelSql('year', 'month');

export interface RecomputedBuckets {
  day: number;
  month: number;
  year: number;
}

/**
 * Recomputes exactly the rollup buckets touched by the keys in the temporary table
 * `observation_changed(indicator_id, region_id, grain, period_start)`, day first, then month
 * from days, then year from months. Must run in the transaction that changed the observations.
 * Buckets are only ever upserted: observations are never deleted by ingest, so a touched bucket
 * always has at least one row.
 */
export async function recomputeTouchedRollups(
  runner: QueryRunner,
  timeZone: string,
): Promise<RecomputedBuckets> {
  const day = await affected(runner, DAY_SQL, [timeZone, ROLLUP_GRAINS.day]);
  const month = await affected(runner, MONTH_SQL, [timeZone, ROLLUP_GRAINS.month, 2, ['month']]);
  const year = await affected(runner, YEAR_SQL, [timeZone, ROLLUP_GRAINS.year, 3, ['quarter', 'year']]);
  return { day, month, year };
}

async function affected(runner: QueryRunner, sql: string, parameters: unknown[]): Promise<number> {
  // With useStructuredResult, TypeORM returns the row count of INSERT … ON CONFLICT.
  const result = await runner.query(sql, parameters, true);
  return typeof result.affected === 'number' ? result.affected : 0;
}
