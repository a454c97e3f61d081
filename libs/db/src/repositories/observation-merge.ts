import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import { CopyBinaryEncoder } from './copy-binary-format';
import { scratchObservationRow, type ObservationRowSource } from './observation-row-source';
import type { SeriesPairs } from './observation-shards';
import { newestStoredStartSql, recomputeTouchedRollups, type RecomputedBuckets } from './rollup-maintenance';

// The steps of the write path, each run inside a transaction the caller opened
// (`writeObservationBatch` in observation-writer.ts decides which transaction does what).

/** The run or source a batch names does not exist (what the lineage foreign keys used to say). */
export class LineageNotFoundError extends Error {
  constructor(
    readonly kind: 'ingest run' | 'source',
    readonly id: number,
  ) {
    super(`${kind} ${id} does not exist: the batch names it as its lineage`);
    this.name = 'LineageNotFoundError';
  }
}

/**
 * The batch's lineage, checked once instead of by a foreign-key check per row (migration
 * 1795591031600): the run and source rows are locked `FOR KEY SHARE`, as each RI check did, so
 * neither can be deleted before the batch commits; a missing one fails the batch before anything
 * is written.
 */
const LOCK_LINEAGE = `SELECT
  (SELECT count(*) FROM (SELECT 1 FROM ingest_run WHERE id = $1 FOR KEY SHARE) r)::int AS runs,
  (SELECT count(*) FROM (SELECT 1 FROM source WHERE id = $2 FOR KEY SHARE) s)::int AS sources`;

export async function lockLineage(
  runner: QueryRunner,
  lineage: { runId: number | null; sourceId: number | null },
): Promise<void> {
  if (lineage.runId === null && lineage.sourceId === null) return;
  const [found]: Array<{ runs: number; sources: number }> = await runner.query(LOCK_LINEAGE, [
    lineage.runId,
    lineage.sourceId,
  ]);
  if (lineage.runId !== null && found?.runs !== 1)
    throw new LineageNotFoundError('ingest run', lineage.runId);
  if (lineage.sourceId !== null && found?.sources !== 1)
    throw new LineageNotFoundError('source', lineage.sourceId);
}

/**
 * Serialises writers of the same (indicator, region) pairs: rollup buckets are brought up to date
 * from what each statement sees, so two transactions merging into one bucket at once could each
 * miss the other's rows. Locks are taken in key order so concurrent batches cannot deadlock. The
 * two-int advisory key space is reserved for this; other locks in the app use the bigint form.
 * The transaction that takes them holds them for every shard of the batch and commits last.
 */
const LOCK_PAIRS = `SELECT count(*) FROM (
  SELECT pg_advisory_xact_lock(p.indicator_id, p.region_id)
    FROM (SELECT * FROM unnest($1::int[], $2::int[]) AS u(indicator_id, region_id) ORDER BY 1, 2) p
) locked`;

export async function lockSeriesPairs(runner: QueryRunner, pairs: SeriesPairs): Promise<void> {
  if (pairs.indicatorIds.length === 0) return;
  await runner.query(LOCK_PAIRS, [pairs.indicatorIds, pairs.regionIds]);
}

/**
 * The session's work tables, created by its first batch and kept: `ON COMMIT DELETE ROWS` empties
 * them at every commit, so each batch starts with empty tables without creating and dropping them
 * (catalogue rows and files each time; that churn cost about 5 % of the write path's CPU). A
 * transaction that rolls back takes a table it created with it; the next batch creates it again.
 */
const CREATE_STAGE = `CREATE TEMPORARY TABLE IF NOT EXISTS observation_stage (
  seq integer NOT NULL, indicator_id integer NOT NULL, region_id integer NOT NULL,
  grain varchar(8) NOT NULL, period_start timestamptz NOT NULL, value double precision NOT NULL,
  numerator double precision, denominator double precision, quality varchar(16) NOT NULL
) ON COMMIT DELETE ROWS`;

const CREATE_CHANGED = `CREATE TEMPORARY TABLE IF NOT EXISTS observation_changed (
  indicator_id integer NOT NULL, region_id integer NOT NULL, grain varchar(8) NOT NULL,
  period_start timestamptz NOT NULL, inserted boolean NOT NULL, value double precision NOT NULL,
  numerator double precision, denominator double precision
) ON COMMIT DELETE ROWS`;

/**
 * Merge: the last row of a key in the batch wins (DISTINCT ON … seq DESC; ON CONFLICT cannot
 * touch a row twice in one statement) — a sort the writer skips when it saw no repeated key
 * (`dedupe` false: the staged rows are merged as they are).
 *
 * Rows that start after their series' newest stored observation are appended with a plain
 * INSERT: no stored row can have their key (`newestStoredStartSql`: one read per series instead
 * of a probe per row). In a load nearly every row is such a row, and ON CONFLICT's
 * speculative insertion cost about a quarter of the merge's CPU. Should the rollups ever lag the
 * observations, the plain INSERT fails the batch on the primary key rather than write anything
 * wrong. MATERIALIZED keeps the per-series read from being inlined into a per-row subquery.
 *
 * The other rows go through `ON CONFLICT`: a conflicting row is rewritten only when its value
 * really changed, so a re-run of the same data writes nothing and `xmax = 0` (no prior version)
 * tells inserts from updates. The changed keys, with their new values, feed the rollup
 * maintenance. The same statement counts the batch's distinct keys, inserts and updates.
 */
function mergeSql(dedupe: boolean): string {
  const latest = dedupe
    ? `SELECT DISTINCT ON (indicator_id, region_id, grain, period_start)
         indicator_id, region_id, grain, period_start, value, numerator, denominator, quality
    FROM observation_stage
   ORDER BY indicator_id, region_id, grain, period_start, seq DESC`
    : `SELECT indicator_id, region_id, grain, period_start, value, numerator, denominator, quality
    FROM observation_stage`;
  const insert = `INSERT INTO observation (indicator_id, region_id, grain, period_start, value, numerator,
                           denominator, quality, source_id, ingest_run_id, ingested_at)
  SELECT indicator_id, region_id, grain, period_start, value, numerator, denominator, quality,
         $1::integer, $2::integer, coalesce($3::timestamptz, now())`;
  return `WITH latest AS (
  ${latest}
), horizon AS MATERIALIZED (
  SELECT p.indicator_id, p.region_id, ${newestStoredStartSql('p')} AS newest
    FROM (SELECT DISTINCT indicator_id, region_id FROM observation_stage) p
), split AS (
  SELECT l.*, h.newest IS NULL OR l.period_start > h.newest AS after_newest
    FROM latest l JOIN horizon h USING (indicator_id, region_id)
), appended AS (
  ${insert}
    FROM split WHERE after_newest
  RETURNING indicator_id, region_id, grain, period_start, true AS inserted, value, numerator, denominator
), merged AS (
  ${insert}
    FROM split WHERE NOT after_newest
  ON CONFLICT (indicator_id, region_id, grain, period_start) DO UPDATE
     SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
         quality = EXCLUDED.quality, source_id = EXCLUDED.source_id,
         ingest_run_id = EXCLUDED.ingest_run_id, ingested_at = EXCLUDED.ingested_at
   WHERE (observation.value, observation.numerator, observation.denominator, observation.quality)
         IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.quality)
  RETURNING indicator_id, region_id, grain, period_start, (xmax = 0) AS inserted, value, numerator,
            denominator
), changed AS (
  INSERT INTO observation_changed SELECT * FROM appended UNION ALL SELECT * FROM merged RETURNING inserted
)
SELECT ${dedupe ? '(SELECT count(*) FROM latest)::int' : '$4::int'} AS distinct_keys,
       (count(*) FILTER (WHERE inserted))::int AS inserted,
       (count(*) FILTER (WHERE NOT inserted))::int AS updated
  FROM changed`;
}

const MERGE_DEDUPE = mergeSql(true);
const MERGE_DISTINCT = mergeSql(false);

/** What merging a set of rows did. */
export interface MergeCounts {
  distinctKeys: number;
  inserted: number;
  updated: number;
  rollupBuckets: RecomputedBuckets;
}

/**
 * Stages `rows` (binary COPY into a temporary table), merges them into `observation` and brings
 * the rollup buckets of the changed rows up to date, in the caller's transaction. `repeatedKeys`
 * false promises that no key occurs twice in `rows` (the merge then skips de-duplication). The pairs of
 * `rows` must be locked (`lockSeriesPairs`) by this or a sibling transaction that commits last.
 */
export async function mergeRows(
  runner: QueryRunner,
  rows: ObservationRowSource,
  lineage: { runId: number | null; sourceId: number | null; ingestedAt?: Date },
  timeZone: string,
  repeatedKeys = true,
): Promise<MergeCounts> {
  if (rows.length === 0) return { distinctKeys: 0, inserted: 0, updated: 0, rollupBuckets: noBuckets() };
  await runner.query(`${CREATE_STAGE}; ${CREATE_CHANGED}`);
  await copyIntoStage(runner, rows);
  // The staging table is only scanned, and joined to one horizon row per series, so it needs no
  // statistics.
  const [row]: Array<{ distinct_keys: number; inserted: number; updated: number }> = await runner.query(
    repeatedKeys ? MERGE_DEDUPE : MERGE_DISTINCT,
    [lineage.sourceId, lineage.runId, lineage.ingestedAt ?? null, ...(repeatedKeys ? [] : [rows.length])],
  );
  const counts = {
    distinctKeys: row?.distinct_keys ?? 0,
    inserted: row?.inserted ?? 0,
    updated: row?.updated ?? 0,
  };
  // Temporary tables get no autovacuum statistics. Buckets with updated rows are recomputed by
  // probing `observation` per touched bucket; give the planner the real size of the changed
  // set for that. A batch of inserts only adds to the stored buckets and needs none.
  if (counts.updated > 0) await runner.query('ANALYZE observation_changed');
  return { ...counts, rollupBuckets: await recomputeTouchedRollups(runner, timeZone) };
}

function noBuckets(): RecomputedBuckets {
  return { day: 0, month: 0, year: 0 };
}

const SAVE_CURSOR = `INSERT INTO source_state (source_id, stream, cursor, updated_at)
VALUES ($1, $2, $3::jsonb, now())
ON CONFLICT (source_id, stream) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = EXCLUDED.updated_at`;

export async function saveCursor(
  runner: QueryRunner,
  sourceId: number,
  cursor: { stream: string; value: unknown },
): Promise<void> {
  await runner.query(SAVE_CURSOR, [sourceId, cursor.stream, JSON.stringify(cursor.value ?? null)]);
}

const COPY_CHUNK_ROWS = 2_000;
const STAGE_FIELDS = 9;

async function copyIntoStage(runner: QueryRunner, rows: ObservationRowSource): Promise<void> {
  const client: unknown = await runner.connect();
  if (!isCopyCapableClient(client)) {
    throw new Error('the query runner did not expose a node-postgres client for COPY');
  }
  const copy = client.query(
    copyFrom(
      'COPY observation_stage (seq, indicator_id, region_id, grain, period_start, value, numerator, denominator, quality) FROM STDIN (FORMAT binary)',
    ),
  );
  await pipeline(Readable.from(copyChunks(rows)), copy);
}

/**
 * The rows in COPY's binary format, in chunks of COPY_CHUNK_ROWS rows: ids and numbers as their
 * bytes, the period as microseconds, so neither side formats or parses text (formatting each
 * number and date in Node and parsing it back in PostgreSQL cost more than the merge's sort).
 * Every field was validated by the writer first (integers, finite numbers, valid dates, grain
 * and quality from closed sets). `seq` is the row's position, so the last of a repeated key wins.
 */
function* copyChunks(rows: ObservationRowSource): Generator<Buffer> {
  const encoder = new CopyBinaryEncoder().header();
  const scratch = scratchObservationRow();
  for (let seq = 0; seq < rows.length; seq += 1) {
    const row = rows.read(seq, scratch);
    encoder
      .row(STAGE_FIELDS)
      .int4(seq)
      .int4(row.indicatorId)
      .int4(row.regionId)
      .text(row.grain)
      .timestamptz(row.periodStart)
      .float8(row.value)
      .float8(row.numerator)
      .float8(row.denominator)
      .text(row.quality ?? 'ok');
    if ((seq + 1) % COPY_CHUNK_ROWS === 0) yield encoder.take();
  }
  yield encoder.trailer().take();
}

interface CopyCapableClient {
  query<T>(stream: T): T;
}

function isCopyCapableClient(value: unknown): value is CopyCapableClient {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'query') === 'function';
}
