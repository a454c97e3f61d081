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
 * Rank of each grain in the tie-break of `last_value` when two observations of one bucket start at
 * the same instant: the coarser grain wins, because its period covers more of the bucket.
 */
const GRAIN_RANK: Readonly<Record<Grain, number>> = {
  instant: 0,
  hour: 1,
  day: 2,
  month: 3,
  quarter: 4,
  year: 5,
};

const UPSERT_SET = `ON CONFLICT (indicator_id, region_id, bucket) DO UPDATE SET
  count = EXCLUDED.count, sum = EXCLUDED.sum, min = EXCLUDED.min, max = EXCLUDED.max,
  last_value = EXCLUDED.last_value, last_at = EXCLUDED.last_at,
  numerator_sum = EXCLUDED.numerator_sum, denominator_sum = EXCLUDED.denominator_sum,
  last_numerator = EXCLUDED.last_numerator, last_denominator = EXCLUDED.last_denominator`;

const COLUMNS = `(indicator_id, region_id, bucket, count, sum, min, max, last_value, last_at,
  numerator_sum, denominator_sum, last_numerator, last_denominator)`;

/**
 * The observations of bucket `t` (bounds `t.lo` ≤ period_start < `t.hi`) of the given grains, as
 * partial aggregates of one row each. One branch per grain, each with the grain as an equality:
 * then every branch is an exact range of the primary key (indicator, region, grain, period_start).
 * With `grain = ANY(…)` instead, the planner (working from statistics that are stale in the middle
 * of a load) chose the (region, period_start) index and filtered every indicator of the region,
 * which made each recompute cost in proportion to the table instead of the bucket. (The row
 * comparisons match only the primary key's column order, so no other index can serve them.)
 * A branch runs only for the grains the pair has at all (`t.grains`, a one-time filter per bucket):
 * a daily series then costs one probe per day bucket instead of three.
 */
function observationParts(grains: readonly Grain[]): string {
  return grains
    .map(
      (grain) => `SELECT 1 AS count, o.value AS sum, o.value AS min, o.value AS max, o.value AS last_value,
              o.period_start AS last_at, ${GRAIN_RANK[grain]} AS rank,
              CASE WHEN o.denominator IS NOT NULL THEN o.numerator END AS numerator_sum,
              CASE WHEN o.numerator IS NOT NULL THEN o.denominator END AS denominator_sum,
              o.numerator AS last_numerator, o.denominator AS last_denominator
         FROM observation o
        WHERE '${grain}' = ANY(t.grains)
          AND (o.indicator_id, o.region_id, o.grain, o.period_start)
              >= (t.indicator_id, t.region_id, '${grain}'::varchar, t.lo)
          AND (o.indicator_id, o.region_id, o.grain, o.period_start)
              < (t.indicator_id, t.region_id, '${grain}'::varchar, t.hi)`,
    )
    .join('\n       UNION ALL\n       ');
}

/**
 * One statement per level recomputes every touched bucket of the batch: the distinct touched
 * (indicator, region, bucket) keys with the bucket's bounds as instants
 * (`bucket::timestamp AT TIME ZONE tz` is local midnight), each joined LATERALly to its parts,
 * so each bucket is a few index range probes and the work is proportional to the buckets' rows;
 * one GROUP BY over the joined parts then aggregates all buckets with a single sort (an aggregate
 * inside the LATERAL subquery cost a sort and aggregate node per bucket). A bucket without parts
 * yields no group, so nothing is written for it.
 * `grains` lists which of the level's direct grains (`$3`) the pair has any observation of, found
 * with one primary-key probe per pair and grain (the pair lock keeps that true until commit).
 * count, sum, min, max and the paired sums are decomposable and `last` is the part with the latest
 * time (coarser grain on a tie), so aggregating parts equals aggregating the raw rows.
 */
function recomputeSql(level: RollupLevel, parts: string): string {
  const bucket =
    level === 'day'
      ? '(period_start AT TIME ZONE $1)::date'
      : `date_trunc('${level}', period_start AT TIME ZONE $1)::date`;
  return `
WITH touched AS (
  SELECT DISTINCT indicator_id, region_id, ${bucket} AS bucket
    FROM pg_temp.observation_changed WHERE grain = ANY($2::text[])
), present AS (
  SELECT p.indicator_id, p.region_id, array_agg(g.grain) AS grains
    FROM (SELECT DISTINCT indicator_id, region_id FROM touched) p
   CROSS JOIN unnest($3::varchar[]) g(grain)
   WHERE EXISTS (
     SELECT 1 FROM observation o
      WHERE (o.indicator_id, o.region_id, o.grain, o.period_start)
            >= (p.indicator_id, p.region_id, g.grain, '-infinity'::timestamptz)
        AND (o.indicator_id, o.region_id, o.grain, o.period_start)
            <= (p.indicator_id, p.region_id, g.grain, 'infinity'::timestamptz))
   GROUP BY p.indicator_id, p.region_id
)
INSERT INTO rollup_${level} ${COLUMNS}
SELECT t.indicator_id, t.region_id, t.bucket, sum(p.count)::int, sum(p.sum), min(p.min), max(p.max),
       (array_agg(p.last_value ORDER BY p.last_at DESC, p.rank DESC))[1], max(p.last_at),
       sum(p.numerator_sum), sum(p.denominator_sum),
       (array_agg(p.last_numerator ORDER BY p.last_at DESC, p.rank DESC))[1],
       (array_agg(p.last_denominator ORDER BY p.last_at DESC, p.rank DESC))[1]
  FROM (SELECT k.indicator_id, k.region_id, k.bucket, (k.bucket::timestamp AT TIME ZONE $1) AS lo,
               ((k.bucket + interval '1 ${level}')::timestamp AT TIME ZONE $1) AS hi, g.grains
          FROM touched k
          LEFT JOIN present g ON g.indicator_id = k.indicator_id AND g.region_id = k.region_id) t
 CROSS JOIN LATERAL (
       ${parts}
 ) p
 GROUP BY t.indicator_id, t.region_id, t.bucket
${UPSERT_SET}`;
}

/**
 * Month and year parts: the level below (already recomputed in this transaction; its rows hold
 * only grains finer than the direct ones, so they rank below them) plus the observations of the
 * grains that level cannot hold. A year of 5-minute data costs 12 month rows to re-read instead
 * of ~100 000 observations.
 */
function lowerLevelPart(lower: 'day' | 'month', rank: number): string {
  return `SELECT r.count, r.sum, r.min, r.max, r.last_value, r.last_at, ${rank} AS rank,
              r.numerator_sum, r.denominator_sum, r.last_numerator, r.last_denominator
         FROM rollup_${lower} r
        WHERE r.indicator_id = t.indicator_id AND r.region_id = t.region_id
          AND r.bucket >= t.bucket AND r.bucket < (t.bucket + interval '1 ${lower === 'day' ? 'month' : 'year'}')::date
       UNION ALL
       `;
}

/** Grains each level reads from `observation` itself; the finer ones come from the level below. */
const DIRECT_GRAINS: Readonly<Record<RollupLevel, readonly Grain[]>> = {
  day: ROLLUP_GRAINS.day,
  month: ['month'],
  year: ['quarter', 'year'],
};

const DAY_SQL = recomputeSql('day', observationParts(DIRECT_GRAINS.day));
const MONTH_SQL = recomputeSql(
  'month',
  lowerLevelPart('day', GRAIN_RANK.day) + observationParts(DIRECT_GRAINS.month),
);
const YEAR_SQL = recomputeSql(
  'year',
  lowerLevelPart('month', GRAIN_RANK.month) + observationParts(DIRECT_GRAINS.year),
);

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
  const day = await affected(runner, DAY_SQL, [timeZone, ROLLUP_GRAINS.day, DIRECT_GRAINS.day]);
  const month = await affected(runner, MONTH_SQL, [timeZone, ROLLUP_GRAINS.month, DIRECT_GRAINS.month]);
  const year = await affected(runner, YEAR_SQL, [timeZone, ROLLUP_GRAINS.year, DIRECT_GRAINS.year]);
  return { day, month, year };
}

async function affected(runner: QueryRunner, sql: string, parameters: unknown[]): Promise<number> {
  // With useStructuredResult, TypeORM returns the row count of INSERT … ON CONFLICT.
  const result = await runner.query(sql, parameters, true);
  return typeof result.affected === 'number' ? result.affected : 0;
}
