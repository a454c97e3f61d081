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

/** `GRAIN_RANK` as SQL over column `grain` of alias `c`. */
const CHANGED_RANK_SQL = `CASE c.grain ${Object.entries(GRAIN_RANK)
  .map(([grain, rank]) => `WHEN '${grain}' THEN ${rank}`)
  .join(' ')} END`;

const NEWEST_CHANGED = `ORDER BY c.period_start DESC, ${CHANGED_RANK_SQL} DESC`;
const PAIRED_CHANGED = 'c.numerator IS NOT NULL AND c.denominator IS NOT NULL';

/**
 * The day level's batch aggregate: the changed rows of the day grains (`$2`) per local day, read
 * straight from `observation_changed`.
 */
const DAY_BATCH = `SELECT c.indicator_id, c.region_id, (c.period_start AT TIME ZONE $1)::date AS bucket,
         bool_and(c.inserted) AS inserted,
         count(*)::int AS count, sum(c.value) AS sum, min(c.value) AS min, max(c.value) AS max,
         (array_agg(c.value ${NEWEST_CHANGED}))[1] AS last_value, max(c.period_start) AS last_at,
         sum(c.numerator) FILTER (WHERE ${PAIRED_CHANGED}) AS numerator_sum,
         sum(c.denominator) FILTER (WHERE ${PAIRED_CHANGED}) AS denominator_sum,
         (array_agg(c.numerator ${NEWEST_CHANGED}))[1] AS last_numerator,
         (array_agg(c.denominator ${NEWEST_CHANGED}))[1] AS last_denominator
    FROM pg_temp.observation_changed c WHERE c.grain = ANY($2::text[])
   GROUP BY 1, 2, 3`;

/**
 * Month and year read the changed rows once: one pass over `observation_changed` aggregates them
 * per (indicator, region, local month, grain) into `observation_changed_month` — a few rows per
 * pair instead of one per observation — and both levels aggregate those partials. Within a
 * partial all rows share the grain, so its newest row is the one with the latest start; across
 * partials `last` goes to the latest `last_at`, the coarser grain (`rank`) on a tie — the same
 * order as over the rows themselves. Counts, sums, min, max and `inserted` (all rows inserted)
 * combine exactly; a sum over no paired rows stays NULL.
 */
const CREATE_CHANGED_MONTH = `CREATE TEMPORARY TABLE IF NOT EXISTS observation_changed_month (
  indicator_id integer NOT NULL, region_id integer NOT NULL, month date NOT NULL,
  grain varchar(8) NOT NULL, rank integer NOT NULL, inserted boolean NOT NULL, count integer NOT NULL,
  sum double precision NOT NULL, min double precision NOT NULL, max double precision NOT NULL,
  last_value double precision NOT NULL, last_at timestamptz NOT NULL,
  numerator_sum double precision, denominator_sum double precision,
  last_numerator double precision, last_denominator double precision
) ON COMMIT DELETE ROWS`;

const FILL_CHANGED_MONTH = `INSERT INTO pg_temp.observation_changed_month
SELECT c.indicator_id, c.region_id, date_trunc('month', c.period_start AT TIME ZONE $1)::date, c.grain,
       min(${CHANGED_RANK_SQL}), bool_and(c.inserted), count(*)::int,
       sum(c.value), min(c.value), max(c.value),
       (array_agg(c.value ORDER BY c.period_start DESC))[1], max(c.period_start),
       sum(c.numerator) FILTER (WHERE ${PAIRED_CHANGED}),
       sum(c.denominator) FILTER (WHERE ${PAIRED_CHANGED}),
       (array_agg(c.numerator ORDER BY c.period_start DESC))[1],
       (array_agg(c.denominator ORDER BY c.period_start DESC))[1]
  FROM pg_temp.observation_changed c
 GROUP BY 1, 2, 3, 4`;

const NEWEST_PARTIAL = 'ORDER BY m.last_at DESC, m.rank DESC';

/** A month or year level's batch aggregate, from the month partials of the level's grains (`$2`). */
function partialsBatch(level: 'month' | 'year'): string {
  const bucket = level === 'month' ? 'm.month' : "date_trunc('year', m.month::timestamp)::date";
  return `SELECT m.indicator_id, m.region_id, ${bucket} AS bucket, bool_and(m.inserted) AS inserted,
         sum(m.count)::int AS count, sum(m.sum) AS sum, min(m.min) AS min, max(m.max) AS max,
         (array_agg(m.last_value ${NEWEST_PARTIAL}))[1] AS last_value, max(m.last_at) AS last_at,
         sum(m.numerator_sum) AS numerator_sum, sum(m.denominator_sum) AS denominator_sum,
         (array_agg(m.last_numerator ${NEWEST_PARTIAL}))[1] AS last_numerator,
         (array_agg(m.last_denominator ${NEWEST_PARTIAL}))[1] AS last_denominator
    FROM pg_temp.observation_changed_month m WHERE m.grain = ANY($2::text[])
   GROUP BY 1, 2, 3`;
}

/**
 * One statement per level brings every bucket the batch touched up to date, in one of two ways.
 *
 * Added (most of a load): when every changed row of the bucket was *inserted*, the new bucket is
 * the stored one (if any) combined with the batch's own aggregate of those rows, read from
 * `observation_changed` without touching `observation`: count, sum, min, max and the paired sums
 * add up, and `last` is whichever side is newer. This needs the stored row to be exact — which
 * the write path keeps true, under the pair lock — and a strict order between the two sides'
 * newest instants: when the batch's newest row starts exactly at the stored `last_at`, the stored
 * row does not say which grain that was, so the bucket is recomputed instead.
 * An added bucket with no stored row is a plain INSERT: under the pair lock nothing else can
 * insert it, so it needs no ON CONFLICT (whose speculative insertion costs about a quarter more
 * per row, and a load is mostly new buckets); the others are upserted.
 *
 * Recomputed (any row of the bucket updated, or that tie): the touched (indicator, region, bucket)
 * keys with the bucket's bounds as instants (`bucket::timestamp AT TIME ZONE tz` is local
 * midnight), each joined LATERALly to its parts, so each bucket is a few index range probes and
 * the work is proportional to the buckets' rows; one GROUP BY over the joined parts then
 * aggregates all buckets with a single sort (an aggregate inside the LATERAL subquery cost a sort
 * and aggregate node per bucket). A bucket without parts yields no group, so nothing is written.
 * `grains` lists which of the level's direct grains (`$3`) the pair has any observation of, found
 * with one primary-key probe per pair and grain (the pair lock keeps that true until commit).
 * count, sum, min, max and the paired sums are decomposable and `last` is the part with the latest
 * time (coarser grain on a tie), so aggregating parts equals aggregating the raw rows.
 */
/**
 * The newest stored period start of the series (`alias`.indicator_id, `alias`.region_id), from
 * its year rollups: every grain feeds the year level and rollups commit with their observations,
 * so no stored observation of the series starts later. One primary-key range read per series; the
 * pair locks keep it true until commit. NULL for a series with nothing stored. Used by the merge
 * (rows after it are plain inserts) and by the day level below (buckets after its day are not
 * looked up), each before this transaction touches `rollup_year`.
 */
export function newestStoredStartSql(alias: string): string {
  return `(SELECT max(y.last_at) FROM rollup_year y
           WHERE y.indicator_id = ${alias}.indicator_id AND y.region_id = ${alias}.region_id)`;
}

// The stored bucket is looked up per batch bucket through the primary key (LIMIT 1 keeps the
// subquery from being flattened into a join, which the planner, estimating the CTE at a fraction
// of its size, turned into a hash join over the whole rollup table — cost growing with the table).
// At the day level a bucket after the local day of its series' newest stored observation cannot
// be stored, so it is not looked up: in a load that is nearly every bucket.
function maintainSql(level: RollupLevel, batch: string, parts: string): string {
  const day = level === 'day';
  const horizon = day
    ? `horizon AS MATERIALIZED (
  SELECT p.indicator_id, p.region_id, (${newestStoredStartSql('p')} AT TIME ZONE $1)::date AS newest_day
    FROM (SELECT DISTINCT indicator_id, region_id FROM pg_temp.observation_changed) p
), `
    : '';
  const horizonJoin = day
    ? 'JOIN horizon h ON h.indicator_id = b.indicator_id AND h.region_id = b.region_id'
    : '';
  const mayBeStored = day ? 'b.bucket <= h.newest_day AND ' : '';
  return `
WITH ${horizon}batch AS (
  ${batch}
), classified AS (
  SELECT b.*, b.inserted AND (r.last_at IS NULL OR r.last_at <> b.last_at) AS added,
         r.last_at IS NULL OR b.last_at > r.last_at AS batch_is_newer,
         r.count AS r_count, r.sum AS r_sum, r.min AS r_min, r.max AS r_max, r.last_value AS r_last_value,
         r.last_at AS r_last_at, r.numerator_sum AS r_numerator_sum, r.denominator_sum AS r_denominator_sum,
         r.last_numerator AS r_last_numerator, r.last_denominator AS r_last_denominator
    FROM batch b
    ${horizonJoin}
    LEFT JOIN LATERAL (
      SELECT * FROM rollup_${level} r
       WHERE ${mayBeStored}r.indicator_id = b.indicator_id AND r.region_id = b.region_id AND r.bucket = b.bucket
       LIMIT 1) r ON true
), touched AS (
  SELECT indicator_id, region_id, bucket FROM classified WHERE NOT added
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
), fresh AS (
  INSERT INTO rollup_${level} ${COLUMNS}
  SELECT indicator_id, region_id, bucket, count, sum, min, max, last_value, last_at, numerator_sum,
         denominator_sum, last_numerator, last_denominator
    FROM classified WHERE added AND r_last_at IS NULL
  RETURNING 1
), upserted AS (
  INSERT INTO rollup_${level} ${COLUMNS}
  SELECT indicator_id, region_id, bucket, count + r_count, r_sum + sum, least(r_min, min), greatest(r_max, max),
         CASE WHEN batch_is_newer THEN last_value ELSE r_last_value END, greatest(r_last_at, last_at),
         coalesce(r_numerator_sum + numerator_sum, r_numerator_sum, numerator_sum),
         coalesce(r_denominator_sum + denominator_sum, r_denominator_sum, denominator_sum),
         CASE WHEN batch_is_newer THEN last_numerator ELSE r_last_numerator END,
         CASE WHEN batch_is_newer THEN last_denominator ELSE r_last_denominator END
    FROM classified WHERE added AND r_last_at IS NOT NULL
  UNION ALL
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
  ${UPSERT_SET}
  RETURNING 1
)
SELECT ((SELECT count(*) FROM fresh) + (SELECT count(*) FROM upserted))::int AS buckets`;
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

const DAY_SQL = maintainSql('day', DAY_BATCH, observationParts(DIRECT_GRAINS.day));
const MONTH_SQL = maintainSql(
  'month',
  partialsBatch('month'),
  lowerLevelPart('day', GRAIN_RANK.day) + observationParts(DIRECT_GRAINS.month),
);
const YEAR_SQL = maintainSql(
  'year',
  partialsBatch('year'),
  lowerLevelPart('month', GRAIN_RANK.month) + observationParts(DIRECT_GRAINS.year),
);

export interface RecomputedBuckets {
  day: number;
  month: number;
  year: number;
}

/**
 * Brings up to date exactly the rollup buckets touched by the rows in the temporary table
 * `observation_changed(indicator_id, region_id, grain, period_start, inserted, value, numerator,
 * denominator)` — every row the batch inserted or changed, with its new values — day first,
 * then month, then year (a recomputed month reads the day rollups), the last two from one pass
 * over the changed rows (`observation_changed_month`, a session table emptied at every commit).
 * Must run in the transaction that changed the observations, once per transaction.
 * Buckets are only ever upserted: observations are never deleted by ingest, so a touched bucket
 * always has at least one row.
 */
export async function recomputeTouchedRollups(
  runner: QueryRunner,
  timeZone: string,
): Promise<RecomputedBuckets> {
  const day = await affected(runner, DAY_SQL, [timeZone, ROLLUP_GRAINS.day, DIRECT_GRAINS.day]);
  await runner.query(CREATE_CHANGED_MONTH);
  await runner.query(FILL_CHANGED_MONTH, [timeZone]);
  const month = await affected(runner, MONTH_SQL, [timeZone, ROLLUP_GRAINS.month, DIRECT_GRAINS.month]);
  const year = await affected(runner, YEAR_SQL, [timeZone, ROLLUP_GRAINS.year, DIRECT_GRAINS.year]);
  return { day, month, year };
}

async function affected(runner: QueryRunner, sql: string, parameters: unknown[]): Promise<number> {
  const [row]: Array<{ buckets: number }> = await runner.query(sql, parameters);
  return row?.buckets ?? 0;
}
