import { ROLLUP_GRAINS } from './rollup-maintenance';

/**
 * Anything that runs parameterised SQL: a `pg` client, a TypeORM DataSource or QueryRunner.
 * Kept structural so bulk tools (the API benchmark, restores) can call this without TypeORM.
 */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Rows written per level by {@link rebuildAllRollups}. */
export interface RebuiltRollups {
  day: number;
  month: number;
  year: number;
}

/** Same tie-break as the incremental path: on equal `period_start` the coarser grain wins. */
const GRAIN_RANK_SQL = `CASE o.grain WHEN 'instant' THEN 0 WHEN 'hour' THEN 1 WHEN 'day' THEN 2
  WHEN 'month' THEN 3 WHEN 'quarter' THEN 4 ELSE 5 END`;

const PAIRED = 'o.numerator IS NOT NULL AND o.denominator IS NOT NULL';

const COLUMNS = `(indicator_id, region_id, bucket, count, sum, min, max, last_value, last_at,
  numerator_sum, denominator_sum, last_numerator, last_denominator)`;

/** The newest observation's value, numerator and denominator; coarser grain on equal start. */
const NEWEST = `ORDER BY o.period_start DESC, ${GRAIN_RANK_SQL} DESC`;

/** Day buckets: one GROUP BY over the observations of the grains a day can hold. */
const DAY_SQL = `
INSERT INTO rollup_day ${COLUMNS}
SELECT o.indicator_id, o.region_id, (o.period_start AT TIME ZONE $1)::date,
       count(*)::int, sum(o.value), min(o.value), max(o.value),
       (array_agg(o.value ${NEWEST}))[1], max(o.period_start),
       sum(o.numerator) FILTER (WHERE ${PAIRED}), sum(o.denominator) FILTER (WHERE ${PAIRED}),
       (array_agg(o.numerator ${NEWEST}))[1], (array_agg(o.denominator ${NEWEST}))[1]
  FROM observation o
 WHERE o.grain = ANY($2::text[])
 GROUP BY 1, 2, 3`;

/**
 * Month and year buckets, like the incremental path: the level below (rank `$2` in the
 * last-value tie-break) plus the observations of the grains that level cannot hold (`$3`).
 */
function upperLevelSql(level: 'month' | 'year', lower: 'day' | 'month'): string {
  return `
INSERT INTO rollup_${level} ${COLUMNS}
SELECT p.indicator_id, p.region_id, p.bucket, sum(p.count)::int, sum(p.sum), min(p.min), max(p.max),
       (array_agg(p.last_value ORDER BY p.last_at DESC, p.rank DESC))[1], max(p.last_at),
       sum(p.numerator_sum), sum(p.denominator_sum),
       (array_agg(p.last_numerator ORDER BY p.last_at DESC, p.rank DESC))[1],
       (array_agg(p.last_denominator ORDER BY p.last_at DESC, p.rank DESC))[1]
  FROM (
    SELECT r.indicator_id, r.region_id, date_trunc('${level}', r.bucket)::date AS bucket, r.count, r.sum,
           r.min, r.max, r.last_value, r.last_at, $2::int AS rank, r.numerator_sum, r.denominator_sum,
           r.last_numerator, r.last_denominator
      FROM rollup_${lower} r
    UNION ALL
    SELECT o.indicator_id, o.region_id, date_trunc('${level}', o.period_start AT TIME ZONE $1)::date,
           1, o.value, o.value, o.value, o.value, o.period_start, ${GRAIN_RANK_SQL},
           CASE WHEN ${PAIRED} THEN o.numerator END, CASE WHEN ${PAIRED} THEN o.denominator END,
           o.numerator, o.denominator
      FROM observation o
     WHERE o.grain = ANY($3::text[])
  ) p
 GROUP BY p.indicator_id, p.region_id, p.bucket`;
}

const MONTH_SQL = upperLevelSql('month', 'day');
const YEAR_SQL = upperLevelSql('year', 'month');

/**
 * Rebuilds every rollup bucket from `observation` with three set-based statements (day, then
 * month from days, then year from months) — for bulk loads and restores, where recomputing
 * bucket by bucket (what ingest does for the buckets a batch touched) would probe the primary
 * key once per bucket. The result equals the incremental path's: same bucket rule (local
 * calendar in `timeZone`), same grains per level, same last-value tie-break and paired sums.
 *
 * Truncates the rollup tables first. Run it inside one transaction so readers never see the
 * tables empty, and with no concurrent ingest (a batch committed meanwhile would be lost from
 * the rollups until its buckets are touched again).
 */
export async function rebuildAllRollups(db: SqlExecutor, timeZone: string): Promise<RebuiltRollups> {
  await db.query('TRUNCATE rollup_day, rollup_month, rollup_year');
  await db.query(DAY_SQL, [timeZone, ROLLUP_GRAINS.day]);
  await db.query(MONTH_SQL, [timeZone, 2, ['month']]);
  await db.query(YEAR_SQL, [timeZone, 3, ['quarter', 'year']]);
  return {
    day: await countRows(db, 'rollup_day'),
    month: await countRows(db, 'rollup_month'),
    year: await countRows(db, 'rollup_year'),
  };
}

async function countRows(db: SqlExecutor, table: string): Promise<number> {
  const result = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  // pg returns { rows }, TypeORM returns the rows themselves.
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows;
  const first = rows?.[0] as { n?: unknown } | undefined;
  return typeof first?.n === 'number' ? first.n : 0;
}
