import type { ObservationPoint } from '@civicpulse/domain';
import type { IngestRejectInput, IngestTrigger, SourceRecord } from '@civicpulse/db';

/** One batch as the connector kit yields it: mapped observations, rejects and the cursor after it. */
export interface SourceBatch {
  observations: readonly ObservationPoint[];
  rejects: readonly IngestRejectInput[];
  /** Cursor to save with this batch (in the same transaction); undefined keeps the saved one. */
  cursor?: unknown;
  /** Pages fetched for this batch. */
  pageCount: number;
  /** Source rows read for this batch (valid and rejected). */
  rowsRead: number;
}

/** A time window to (re)load; both ends are dates in the city's calendar, inclusive. */
export interface RunWindow {
  from: Date;
  to: Date;
}

/** The stream name under which a source's single cursor is saved. */
export const DEFAULT_STREAM = 'default';

/** How a run reads its source. */
export interface BatchReadOptions {
  window?: RunWindow;
  signal: AbortSignal;
  limit?: number;
  /** Told how many attempts a request needed each time the connector kit retries one. */
  onAttempts?: (attempts: number) => void;
}

/** Reads a source as a stream of batches (the connector kit's `runSource`, adapted). */
export interface BatchReader {
  read(source: SourceRecord, options: BatchReadOptions): AsyncIterable<SourceBatch>;
}

/** What one batch write changed. */
export interface BatchWriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows the writer could not place (an indicator or region code the catalogue lacks). */
  rejects: readonly IngestRejectInput[];
}

/**
 * Writes one batch in one transaction: observations merged, touched rollups recomputed, cursor
 * saved (the db library's `writeObservationBatch`, adapted).
 */
export interface BatchWriter {
  write(batch: SourceBatch, target: { sourceId: number; runId: number }): Promise<BatchWriteResult>;
}

/** A batch whose transaction committed and changed stored observations. */
export interface CommittedBatch {
  sourceId: number;
  runId: number;
  /** Indicators the batch wrote, each once. */
  indicatorCodes: readonly string[];
}

/**
 * Told after each committed batch that changed data (alert evaluation). Must return at once and
 * never throw: whatever it does happens beside the run, never inside it.
 */
export interface BatchCommitListener {
  batchCommitted(batch: CommittedBatch): void;
}

/** Cumulative figures of a run in progress (for progress lines and /health). */
export interface RunProgress {
  runId: number;
  sourceKey: string;
  pages: number;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  elapsedMs: number;
}

/** What to run and why. */
export interface RunRequest {
  sourceKey: string;
  trigger: IngestTrigger;
  /**
   * Idempotency key of the trigger (e.g. the scheduled tick). Omitted for ad-hoc CLI runs, which
   * are still serialised by the source lock and merge idempotently.
   */
  runKey?: string;
  window?: RunWindow;
  /**
   * A `queued` run row (asked for through the API) to claim and execute instead of opening a new
   * one; trigger and window must be the row's.
   */
  queuedRunId?: number;
  onProgress?: (progress: RunProgress) => void;
  /** Aborts the run between batches (shutdown). The run is then recorded as failed. */
  signal?: AbortSignal;
}

/** The outcome of asking for a run. */
export type RunResult =
  | { outcome: 'skipped'; reason: 'locked' | 'duplicate' | 'disabled'; runId?: number }
  | {
      outcome: 'finished';
      runId: number;
      status: 'succeeded' | 'partial' | 'failed';
      pages: number;
      rowsRead: number;
      rowsInserted: number;
      rowsUpdated: number;
      rowsUnchanged: number;
      rowsRejected: number;
      errorClass: string | null;
      errorMessage: string | null;
      /** Stale `running` runs of this source found and marked failed before this one started. */
      interruptedRunsClosed: number;
    };
