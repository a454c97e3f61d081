import { GRAINS, QUALITY_FLAGS, type Grain, type QualityFlag } from '@civicpulse/domain';
import type { DataSource, QueryRunner } from 'typeorm';
import { lockLineage, lockSeriesPairs, mergeRows, saveCursor, type MergeCounts } from './observation-merge';
import {
  observationRowsOf,
  scratchObservationRow,
  type ObservationRowSource,
} from './observation-row-source';
import { splitIntoShards } from './observation-shards';
import type { RecomputedBuckets } from './rollup-maintenance';

export { LineageNotFoundError } from './observation-merge';

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
  /** Cursor of `sourceId`'s stream, saved by the transaction that commits the batch's last rows. */
  cursor?: { stream: string; value: unknown };
  /** Stamp for ingested_at; defaults to the transaction time. */
  ingestedAt?: Date;
  /**
   * Connections that write the batch in parallel (default 1): the batch is split by series into
   * up to this many shards, each merged in its own transaction. See `writeObservationBatch`.
   */
  connections?: number;
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

/**
 * Writes one batch of observations: staged by binary COPY, merged into `observation`, the rollup
 * buckets the changed rows fall in brought up to date, the cursor saved. Rows are validated first;
 * an invalid row fails the batch before the database is touched. `rows` is an array or a row
 * source (`ObservationRowSource`: rows read by position into one scratch row, so the caller's own
 * objects are encoded without a copy per row).
 *
 * With `connections: 1` the batch is one transaction. With more, the batch is split by series
 * (indicator, region) into shards merged at the same time, one transaction each, on their own
 * connections, so PostgreSQL works the batch on as many cores. The first (lead) transaction
 * checks the lineage and locks every pair of the batch before any shard merges; when every shard
 * has succeeded the others commit, then the lead saves the cursor and commits, releasing the
 * locks. If any shard fails, all roll back: nothing of the batch, nor its cursor, is kept. Only a
 * crash between the commits leaves part of a batch without its cursor; the next run re-reads the
 * batch and the merge, idempotent, writes nothing twice — every series' observations and rollups
 * always commit together, and the cursor never runs ahead of the rows.
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
  const { pairs, shards, repeatedKeys } = splitIntoShards(rows, options.connections ?? 1);
  const runners = shards.map(() => dataSource.createQueryRunner());
  try {
    for (const runner of runners) await runner.connect();
    await Promise.all(runners.map((runner) => runner.startTransaction()));
    const [lead, ...others] = runners as [QueryRunner, ...QueryRunner[]];
    try {
      // A follower's commit need not wait for its WAL to reach disk: the lead commits after it,
      // synchronously, and flushing the lead's commit record flushes every earlier one — so once
      // the cursor is durable, so is every row before it. A crash before that loses no more than
      // the batch whose cursor was not saved, which the next run re-reads.
      await Promise.all(others.map((runner) => runner.query('SET LOCAL synchronous_commit = off')));
      if (rows.length > 0) {
        await lockLineage(lead, options);
        await lockSeriesPairs(lead, pairs);
      }
      const merged = await allOrFirstError(
        shards.map((shard, index) =>
          mergeRows(runners[index] ?? lead, shard, options, options.timeZone, repeatedKeys),
        ),
      );
      await Promise.all(others.map((runner) => runner.commitTransaction()));
      if (options.cursor && options.sourceId !== null)
        await saveCursor(lead, options.sourceId, options.cursor);
      await lead.commitTransaction();
      return batchResult(rows.length, merged);
    } catch (error) {
      await Promise.all(
        runners.map((runner) =>
          runner.isTransactionActive ? runner.rollbackTransaction().catch(() => undefined) : undefined,
        ),
      );
      throw error;
    }
  } finally {
    await Promise.all(runners.map((runner) => runner.release()));
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

/** Waits for every shard (none is left running on a connection about to roll back), then fails with the first error. */
async function allOrFirstError<T>(work: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

function batchResult(received: number, merged: readonly MergeCounts[]): ObservationBatchResult {
  const sum = (pick: (counts: MergeCounts) => number): number =>
    merged.reduce((total, counts) => total + pick(counts), 0);
  const distinctKeys = sum((counts) => counts.distinctKeys);
  const inserted = sum((counts) => counts.inserted);
  const updated = sum((counts) => counts.updated);
  return {
    received,
    duplicatesInBatch: received - distinctKeys,
    inserted,
    updated,
    unchanged: distinctKeys - inserted - updated,
    rollupBuckets: {
      day: sum((counts) => counts.rollupBuckets.day),
      month: sum((counts) => counts.rollupBuckets.month),
      year: sum((counts) => counts.rollupBuckets.year),
    },
  };
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
