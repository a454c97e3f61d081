import type { DataSource } from 'typeorm';
import type { IngestRunStatus, IngestTrigger } from '../entities/ingest-run.entity';
import { returnedRows } from './update-result';

/** What is known about a run when it is opened. */
export interface OpenRunInput {
  sourceId: number;
  trigger: IngestTrigger;
  /** Idempotency key: a second open with the same key returns the first run instead. */
  runKey: string | null;
  windowFrom?: Date | null;
  windowTo?: Date | null;
  attempt?: number;
}

/** Result of opening a run: `created` is false when the key had already been used. */
export interface OpenedRun {
  runId: number;
  created: boolean;
  status: IngestRunStatus;
}

/** Counters to add to a run after one batch. */
export interface RunProgressDelta {
  pages: number;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
}

/** How a run ended. */
export interface RunClosing {
  status: Extract<IngestRunStatus, 'succeeded' | 'partial' | 'failed'>;
  errorClass?: string | null;
  errorMessage?: string | null;
  attempt?: number;
}

/** A run as listed for people: the source key instead of its id. */
export interface IngestRunSummary {
  id: number;
  sourceKey: string;
  trigger: IngestTrigger;
  /** Idempotency key (`<source>:schedule:<tick>`, `<source>:initial`…); null for ad-hoc runs. */
  runKey: string | null;
  status: IngestRunStatus;
  windowFrom: Date | null;
  windowTo: Date | null;
  pages: number;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  attempt: number;
  errorClass: string | null;
  errorMessage: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface RunRow {
  id: number;
  source_key: string;
  trigger: IngestTrigger;
  run_key: string | null;
  status: IngestRunStatus;
  window_from: Date | null;
  window_to: Date | null;
  pages: number;
  rows_read: number;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_rejected: number;
  attempt: number;
  error_class: string | null;
  error_message: string | null;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Error class recorded on runs that were `running` when their process died. */
export const INTERRUPTED_ERROR_CLASS = 'interrupted';

const SUMMARY_COLUMNS = `r.id, s.key AS source_key, r.trigger, r.run_key, r.status, r.window_from, r.window_to, r.pages,
  r.rows_read, r.rows_inserted, r.rows_updated, r.rows_unchanged, r.rows_rejected, r.attempt,
  r.error_class, r.error_message, r.started_at, r.finished_at`;

function toSummary(row: RunRow): IngestRunSummary {
  return {
    id: row.id,
    sourceKey: row.source_key,
    trigger: row.trigger,
    runKey: row.run_key,
    status: row.status,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    pages: row.pages,
    rowsRead: row.rows_read,
    rowsInserted: row.rows_inserted,
    rowsUpdated: row.rows_updated,
    rowsUnchanged: row.rows_unchanged,
    rowsRejected: row.rows_rejected,
    attempt: row.attempt,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Bookkeeping of ingest runs: open, count, close, list, and clean up after crashes. */
export class IngestRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens a run in state `running`. With a run key, the insert is `ON CONFLICT DO NOTHING` on the
   * unique key, so two triggers of the same source and window (two replicas, a double click)
   * agree on one run and the second caller learns it did not create it.
   */
  async open(input: OpenRunInput): Promise<OpenedRun> {
    const inserted: Array<{ id: number; status: IngestRunStatus }> = await this.dataSource.query(
      `INSERT INTO ingest_run (source_id, trigger, run_key, window_from, window_to, status, attempt, started_at)
       VALUES ($1, $2, $3, $4, $5, 'running', $6, now())
       ON CONFLICT (run_key) DO NOTHING
       RETURNING id, status`,
      [
        input.sourceId,
        input.trigger,
        input.runKey,
        input.windowFrom ?? null,
        input.windowTo ?? null,
        input.attempt ?? 1,
      ],
    );
    const row = inserted[0];
    if (row) return { runId: row.id, created: true, status: row.status };
    const existing: Array<{ id: number; status: IngestRunStatus }> = await this.dataSource.query(
      'SELECT id, status FROM ingest_run WHERE run_key = $1',
      [input.runKey],
    );
    const found = existing[0];
    if (!found) throw new Error(`ingest run with key '${input.runKey}' neither inserted nor found`);
    return { runId: found.id, created: false, status: found.status };
  }

  /** Adds one batch's counters. Counters only grow, so concurrent readers see monotonic progress. */
  async addProgress(runId: number, delta: RunProgressDelta): Promise<void> {
    await this.dataSource.query(
      `UPDATE ingest_run SET pages = pages + $2, rows_read = rows_read + $3, rows_inserted = rows_inserted + $4,
         rows_updated = rows_updated + $5, rows_unchanged = rows_unchanged + $6, rows_rejected = rows_rejected + $7
       WHERE id = $1`,
      [
        runId,
        delta.pages,
        delta.rowsRead,
        delta.rowsInserted,
        delta.rowsUpdated,
        delta.rowsUnchanged,
        delta.rowsRejected,
      ],
    );
  }

  /** Closes a run that is still `running`; a closed run is never reopened or overwritten. */
  async close(runId: number, closing: RunClosing): Promise<boolean> {
    const rows = returnedRows<{ id: number }>(
      await this.dataSource.query(
        `UPDATE ingest_run SET status = $2, error_class = $3, error_message = $4,
         attempt = COALESCE($5, attempt), finished_at = now()
       WHERE id = $1 AND status IN ('running', 'queued')
       RETURNING id`,
        [
          runId,
          closing.status,
          closing.errorClass ?? null,
          closing.errorMessage ?? null,
          closing.attempt ?? null,
        ],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Marks `running` runs of a source as failed (`interrupted`). Call it only while holding the
   * source's run lock: then no live process can be running that source, so any `running` row is
   * left over from a crash. `queued` runs are waiting for a worker, not interrupted: left alone.
   */
  async failInterrupted(sourceId: number, exceptRunId?: number): Promise<number> {
    const rows = returnedRows<{ id: number }>(
      await this.dataSource.query(
        `UPDATE ingest_run SET status = 'failed', error_class = $2,
         error_message = 'the ingest process stopped before the run finished; committed batches were kept',
         finished_at = now()
       WHERE source_id = $1 AND status = 'running' AND id <> $3
       RETURNING id`,
        [sourceId, INTERRUPTED_ERROR_CLASS, exceptRunId ?? -1],
      ),
    );
    return rows.length;
  }

  /** Source ids that have a `running` run (candidates for the crash sweep at start). */
  async sourcesWithRunningRuns(): Promise<number[]> {
    const rows: Array<{ source_id: number }> = await this.dataSource.query(
      `SELECT DISTINCT source_id FROM ingest_run WHERE status = 'running' ORDER BY source_id`,
    );
    return rows.map((r) => r.source_id);
  }

  /**
   * Queued runs (asked for through the API), oldest first, for a worker to pick up. Listing does
   * not claim them: {@link claimQueued} does, under the source's run lock.
   */
  async listQueued(limit: number): Promise<IngestRunSummary[]> {
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ingest_run r JOIN source s ON s.id = r.source_id
       WHERE r.status = 'queued' ORDER BY r.id LIMIT $1`,
      [limit],
    );
    return rows.map(toSummary);
  }

  /**
   * Claims a queued run of a source for execution: one conditional UPDATE, so of two workers
   * that both saw the run queued exactly one gets it (true) and the other is told no (false).
   */
  async claimQueued(runId: number, sourceId: number): Promise<boolean> {
    const rows = returnedRows<{ id: number }>(
      await this.dataSource.query(
        `UPDATE ingest_run SET status = 'running', started_at = now()
         WHERE id = $1 AND source_id = $2 AND status = 'queued'
         RETURNING id`,
        [runId, sourceId],
      ),
    );
    return rows.length > 0;
  }

  /** Number of runs currently `running` (shown on /health). */
  async countRunning(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ingest_run WHERE status = 'running'`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Sources (of the given ids) that have never had a run that committed data. */
  async sourcesWithoutSuccessfulRun(sourceIds: readonly number[]): Promise<number[]> {
    if (sourceIds.length === 0) return [];
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT s.id FROM unnest($1::int[]) AS s(id)
       WHERE NOT EXISTS (
         SELECT 1 FROM ingest_run r WHERE r.source_id = s.id AND r.status IN ('succeeded', 'partial'))
       ORDER BY s.id`,
      [sourceIds],
    );
    return rows.map((r) => r.id);
  }

  /** One run by id, with its source key. */
  async findById(runId: number): Promise<IngestRunSummary | null> {
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ingest_run r JOIN source s ON s.id = r.source_id WHERE r.id = $1`,
      [runId],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Latest runs first, for all sources or one source key. */
  async listRecent(limit: number, sourceKey?: string): Promise<IngestRunSummary[]> {
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ingest_run r JOIN source s ON s.id = r.source_id
       WHERE ($1::text IS NULL OR s.key = $1)
       ORDER BY r.id DESC LIMIT $2`,
      [sourceKey ?? null, limit],
    );
    return rows.map(toSummary);
  }
}
