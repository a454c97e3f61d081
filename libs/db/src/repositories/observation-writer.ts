import { GRAINS, QUALITY_FLAGS, type Grain, type QualityFlag } from '@civicpulse/domain';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { CopyBinaryEncoder } from './copy-binary-format';
import {
  observationRowsOf,
  scratchObservationRow,
  type ObservationRowSource,
} from './observation-row-source';
import { recomputeTouchedRollups, type RecomputedBuckets } from './rollup-maintenance';

/** One validated observation, with indicator and region already resolved to ids. */
export interface ObservationWriteRow {
  indicatorId: number;
  regionId: number;
  grain: Grain;
  /** Start of the period, an absolute instant. */
  periodStart: Date;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
  /** Defaults to `ok`. */
  quality?: QualityFlag;
}

export interface ObservationBatchOptions {
  /** The ingest run writing the batch (lineage); null for tools and tests. */
  runId: number | null;
  sourceId: number | null;
  /** City time zone (IANA name) that defines the local day/month/year rollup buckets. */
  timeZone: string;
  /** Cursor of `sourceId`'s stream to save in the same transaction as the rows. */
  cursor?: { stream: string; value: unknown };
  /** Stamp for ingested_at; defaults to the transaction time. */
  ingestedAt?: Date;
}

export interface ObservationBatchResult {
  /** Rows received. */
  received: number;
  /** Rows that repeated an earlier row's key in the same batch; the later row won. */
  duplicatesInBatch: number;
  inserted: number;
  updated: number;
  /** Rows equal to what was stored (value, numerator, denominator and quality). */
  unchanged: number;
  /** Rollup buckets recomputed, per level. */
  rollupBuckets: RecomputedBuckets;
}

export class InvalidObservationRowError extends Error {
  constructor(
    readonly rowIndex: number,
    reason: string,
  ) {
    super(`observation row ${rowIndex} is invalid: ${reason}`);
    this.name = 'InvalidObservationRowError';
  }
}

export class CursorWithoutSourceError extends Error {
  constructor() {
    super('a cursor can only be saved for a batch with a sourceId');
    this.name = 'CursorWithoutSourceError';
  }
}

const GRAIN_SET: ReadonlySet<string> = new Set(GRAINS);
const QUALITY_SET: ReadonlySet<string> = new Set(QUALITY_FLAGS);
const COPY_CHUNK_ROWS = 2_000;

const CREATE_STAGE = `CREATE TEMPORARY TABLE observation_stage (
  seq integer NOT NULL, indicator_id integer NOT NULL, region_id integer NOT NULL,
  grain varchar(8) NOT NULL, period_start timestamptz NOT NULL, value double precision NOT NULL,
  numerator double precision, denominator double precision, quality varchar(16) NOT NULL
) ON COMMIT DROP`;

const CREATE_CHANGED = `CREATE TEMPORARY TABLE observation_changed (
  indicator_id integer NOT NULL, region_id integer NOT NULL, grain varchar(8) NOT NULL,
  period_start timestamptz NOT NULL, inserted boolean NOT NULL, value double precision NOT NULL,
  numerator double precision, denominator double precision
) ON COMMIT DROP`;

/**
 * Serialises writers of the same (indicator, region) pairs: rollup buckets are recomputed from
 * what the statement sees, so two transactions merging into one bucket at once could each miss
 * the other's rows. Locks are taken in key order so concurrent batches cannot deadlock. The
 * two-int advisory key space is reserved for this; other locks in the app use the bigint form.
 */
const LOCK_PAIRS = `SELECT count(*) FROM (
  SELECT pg_advisory_xact_lock(indicator_id, region_id)
    FROM (SELECT DISTINCT indicator_id, region_id FROM observation_stage ORDER BY 1, 2) pairs
) locked`;

/**
 * Merge: the last row of a key in the batch wins (DISTINCT ON … seq DESC; ON CONFLICT cannot
 * touch a row twice in one statement). A conflicting row is rewritten only when its value really
 * changed, so a re-run of the same data writes nothing and `xmax = 0` (no prior version) tells
 * inserts from updates. The changed keys, with their new values, feed the rollup maintenance.
 * The same statement counts the batch's distinct keys, inserts and updates.
 */
const MERGE = `WITH latest AS (
  SELECT DISTINCT ON (indicator_id, region_id, grain, period_start)
         indicator_id, region_id, grain, period_start, value, numerator, denominator, quality
    FROM observation_stage
   ORDER BY indicator_id, region_id, grain, period_start, seq DESC
), merged AS (
  INSERT INTO observation (indicator_id, region_id, grain, period_start, value, numerator, denominator,
                           quality, source_id, ingest_run_id, ingested_at)
  SELECT indicator_id, region_id, grain, period_start, value, numerator, denominator, quality,
         $1::integer, $2::integer, coalesce($3::timestamptz, now())
    FROM latest
  ON CONFLICT (indicator_id, region_id, grain, period_start) DO UPDATE
     SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
         quality = EXCLUDED.quality, source_id = EXCLUDED.source_id,
         ingest_run_id = EXCLUDED.ingest_run_id, ingested_at = EXCLUDED.ingested_at
   WHERE (observation.value, observation.numerator, observation.denominator, observation.quality)
         IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator, EXCLUDED.quality)
  RETURNING indicator_id, region_id, grain, period_start, (xmax = 0) AS inserted, value, numerator,
            denominator
), changed AS (
  INSERT INTO observation_changed SELECT * FROM merged RETURNING inserted
)
SELECT (SELECT count(*) FROM latest)::int AS distinct_keys,
       (count(*) FILTER (WHERE inserted))::int AS inserted,
       (count(*) FILTER (WHERE NOT inserted))::int AS updated
  FROM changed`;

const SAVE_CURSOR = `INSERT INTO source_state (source_id, stream, cursor, updated_at)
VALUES ($1, $2, $3::jsonb, now())
ON CONFLICT (source_id, stream) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = EXCLUDED.updated_at`;

/**
 * Writes one batch of observations in ONE transaction: COPY into a temporary staging table, merge
 * into `observation`, recompute the rollup buckets the changed rows fall in, save the cursor. If
 * anything fails nothing of the batch (nor its cursor) is kept, so a resumed run re-reads it.
 * `rows` is an array or a row source (`ObservationRowSource`: rows read by position into one
 * scratch row, so the caller's own objects are encoded without a copy per row).
 */
export async function writeObservationBatch(
  dataSource: DataSource,
  batch: readonly ObservationWriteRow[] | ObservationRowSource,
  options: ObservationBatchOptions,
): Promise<ObservationBatchResult> {
  const rows = isRowArray(batch) ? observationRowsOf(batch) : batch;
  const scratch = scratchObservationRow();
  for (let index = 0; index < rows.length; index += 1) assertValidRow(rows.read(index, scratch), index);
  if (options.cursor && options.sourceId === null) throw new CursorWithoutSourceError();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const result = await writeInTransaction(runner, rows, options);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** Injectable wrapper of `writeObservationBatch` for the ingest run service. */
export class ObservationWriter {
  constructor(private readonly dataSource: DataSource) {}

  writeObservationBatch(
    rows: readonly ObservationWriteRow[] | ObservationRowSource,
    options: ObservationBatchOptions,
  ): Promise<ObservationBatchResult> {
    return writeObservationBatch(this.dataSource, rows, options);
  }
}

function isRowArray(
  batch: readonly ObservationWriteRow[] | ObservationRowSource,
): batch is readonly ObservationWriteRow[] {
  return Array.isArray(batch);
}

async function writeInTransaction(
  runner: QueryRunner,
  rows: ObservationRowSource,
  options: ObservationBatchOptions,
): Promise<ObservationBatchResult> {
  let counts = { distinctKeys: 0, inserted: 0, updated: 0 };
  let rollupBuckets: RecomputedBuckets = { day: 0, month: 0, year: 0 };
  if (rows.length > 0) {
    await runner.query(CREATE_STAGE);
    await runner.query(CREATE_CHANGED);
    await copyIntoStage(runner, rows);
    // The staging table is only scanned (sorted, never joined), so it needs no statistics.
    await runner.query(LOCK_PAIRS);
    const [row]: Array<{ distinct_keys: number; inserted: number; updated: number }> = await runner.query(
      MERGE,
      [options.sourceId, options.runId, options.ingestedAt ?? null],
    );
    counts = {
      distinctKeys: row?.distinct_keys ?? 0,
      inserted: row?.inserted ?? 0,
      updated: row?.updated ?? 0,
    };
    // Temporary tables get no autovacuum statistics. Buckets with updated rows are recomputed by
    // probing `observation` per touched bucket; give the planner the real size of the changed
    // set for that. A batch of inserts only adds to the stored buckets and needs none.
    if (counts.updated > 0) await runner.query('ANALYZE observation_changed');
    rollupBuckets = await recomputeTouchedRollups(runner, options.timeZone);
  }
  if (options.cursor && options.sourceId !== null) {
    await runner.query(SAVE_CURSOR, [
      options.sourceId,
      options.cursor.stream,
      JSON.stringify(options.cursor.value ?? null),
    ]);
  }
  return {
    received: rows.length,
    duplicatesInBatch: rows.length - counts.distinctKeys,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.distinctKeys - counts.inserted - counts.updated,
    rollupBuckets,
  };
}

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

const STAGE_FIELDS = 9;

/**
 * The batch in COPY's binary format, in chunks of COPY_CHUNK_ROWS rows: ids and numbers as their
 * bytes, the period as microseconds, so neither side formats or parses text (formatting each
 * number and date in Node and parsing it back in PostgreSQL cost more than the merge's sort).
 * Every field was validated by `assertValidRow` first (integers, finite numbers, valid dates,
 * grain and quality from closed sets).
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

function assertValidRow(row: ObservationWriteRow, index: number): void {
  const fail = (reason: string): never => {
    throw new InvalidObservationRowError(index, reason);
  };
  if (!Number.isInteger(row.indicatorId) || row.indicatorId <= 0)
    fail('indicatorId must be a positive integer');
  if (!Number.isInteger(row.regionId) || row.regionId <= 0) fail('regionId must be a positive integer');
  if (!GRAIN_SET.has(row.grain)) fail(`unknown grain ${JSON.stringify(row.grain)}`);
  if (!(row.periodStart instanceof Date) || Number.isNaN(row.periodStart.getTime()))
    fail('periodStart is not a valid date');
  if (!Number.isFinite(row.value)) fail('value must be a finite number');
  if (row.numerator != null && !Number.isFinite(row.numerator)) fail('numerator must be finite or null');
  if (row.denominator != null && !Number.isFinite(row.denominator))
    fail('denominator must be finite or null');
  if (row.quality !== undefined && !QUALITY_SET.has(row.quality))
    fail(`unknown quality ${JSON.stringify(row.quality)}`);
}
