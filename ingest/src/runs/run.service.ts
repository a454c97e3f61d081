import {
  LOCK_NAMESPACE,
  type AdvisoryLocks,
  type IngestRejectRepository,
  type IngestRunRepository,
  type SourceRecord,
  type SourceRepository,
} from '@civicpulse/db';
import type {
  BatchCommitListener,
  BatchReader,
  BatchWriter,
  RunProgress,
  RunRequest,
  RunResult,
  SourceBatch,
} from './run-ports';
import { SourceNotFoundError } from './source-not-found.error';

/** Dependencies of the run service; repositories are narrowed to what it uses. */
export interface RunServiceDeps {
  sources: Pick<SourceRepository, 'findByKey'>;
  runs: Pick<
    IngestRunRepository,
    'open' | 'claimQueued' | 'addProgress' | 'close' | 'failInterrupted' | 'sourcesWithRunningRuns'
  >;
  rejects: Pick<IngestRejectRepository, 'addMany'>;
  locks: Pick<AdvisoryLocks, 'tryAcquire'>;
  reader: BatchReader;
  writer: BatchWriter;
  /** Told which indicators each committed batch changed (alert evaluation); optional. */
  batchListener?: BatchCommitListener;
  /** Monotonic milliseconds, for rates; injected so tests need no wall clock. */
  now?: () => number;
}

/** A run was asked to stop (worker shutdown) before its source was exhausted. */
export class RunAbortedError extends Error {
  constructor() {
    super(
      'the run was stopped before the source was exhausted (worker shutdown); committed batches were kept',
    );
    this.name = 'RunAbortedError';
  }
}

// A retried key (`key#2`, `key#3`…) after a failed attempt; bounded so a bug cannot loop forever.
const MAX_ATTEMPTS_PER_KEY = 100;

function errorClassOf(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? error.name : error.constructor.name;
  return 'UnknownError';
}

function errorMessageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Keep the row readable; a multi-megabyte message (a whole body) helps nobody.
  return message.length > 4000 ? `${message.slice(0, 4000)}…` : message;
}

/**
 * Runs one source: the "what" of ingest. Scheduler, CLI and API triggers all end here.
 *
 * Under the source's advisory lock (another replica already running it → skipped), it closes
 * runs left `running` by a crash, opens an `ingest_run` (idempotent by run key), writes each batch
 * in its own transaction, stores rejects, keeps counters current, and closes the run with a
 * truthful status: succeeded, partial (rows were rejected), or failed with the error's class and
 * message. A failed run is never recorded as succeeded.
 */
export class RunService {
  private readonly now: () => number;

  constructor(private readonly deps: RunServiceDeps) {
    this.now = deps.now ?? (() => performance.now());
  }

  /**
   * Marks runs left `running` by a crashed process as failed (`interrupted`). A source whose lock
   * is held is being run by a live process right now, so its `running` row is real: left alone.
   * Returns how many runs were closed.
   */
  async closeInterruptedRuns(): Promise<number> {
    let closed = 0;
    for (const sourceId of await this.deps.runs.sourcesWithRunningRuns()) {
      const lock = await this.deps.locks.tryAcquire(LOCK_NAMESPACE.sourceRun, sourceId);
      if (!lock) continue;
      try {
        closed += await this.deps.runs.failInterrupted(sourceId);
      } finally {
        await lock.release();
      }
    }
    return closed;
  }

  async run(request: RunRequest): Promise<RunResult> {
    const source = await this.deps.sources.findByKey(request.sourceKey);
    if (!source) throw new SourceNotFoundError(request.sourceKey);
    if (!source.enabled && request.trigger === 'schedule') return { outcome: 'skipped', reason: 'disabled' };

    const lock = await this.deps.locks.tryAcquire(LOCK_NAMESPACE.sourceRun, source.id);
    if (!lock) return { outcome: 'skipped', reason: 'locked' };
    try {
      // Holding the lock, no live process runs this source: any `running` run is a crash leftover.
      const interruptedRunsClosed = await this.deps.runs.failInterrupted(source.id);
      if (request.queuedRunId !== undefined) {
        // A run queued through the API: execute that row, if no other worker claimed it first.
        if (!(await this.deps.runs.claimQueued(request.queuedRunId, source.id)))
          return { outcome: 'skipped', reason: 'duplicate', runId: request.queuedRunId };
        return await this.execute(source, request, request.queuedRunId, interruptedRunsClosed);
      }
      const opened = await this.openRun(source, request);
      if (!opened) return { outcome: 'skipped', reason: 'duplicate' };
      if ('duplicateOf' in opened)
        return { outcome: 'skipped', reason: 'duplicate', runId: opened.duplicateOf };
      return await this.execute(source, request, opened.runId, interruptedRunsClosed);
    } finally {
      await lock.release();
    }
  }

  /**
   * Opens the run. A key already used by a failed run is retried as `key#2`, `key#3`…, so a tick
   * that failed may be triggered again, while a tick that succeeded (or is running) is a duplicate.
   */
  private async openRun(
    source: SourceRecord,
    request: RunRequest,
  ): Promise<{ runId: number } | { duplicateOf: number } | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS_PER_KEY; attempt += 1) {
      const runKey =
        request.runKey === undefined ? null : attempt === 1 ? request.runKey : `${request.runKey}#${attempt}`;
      const opened = await this.deps.runs.open({
        sourceId: source.id,
        trigger: request.trigger,
        runKey,
        windowFrom: request.window?.from ?? null,
        windowTo: request.window?.to ?? null,
      });
      if (opened.created) return { runId: opened.runId };
      if (opened.status !== 'failed') return { duplicateOf: opened.runId };
    }
    return null;
  }

  private async execute(
    source: SourceRecord,
    request: RunRequest,
    runId: number,
    interruptedRunsClosed: number,
  ): Promise<RunResult> {
    const started = this.now();
    const totals = {
      pages: 0,
      rowsRead: 0,
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsRejected: 0,
    };
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    let maxRequestAttempts = 1;
    let failure: unknown = null;
    try {
      const onAttempts = (attempts: number): void => {
        maxRequestAttempts = Math.max(maxRequestAttempts, attempts);
      };
      const batches = this.deps.reader.read(source, {
        window: request.window,
        signal: controller.signal,
        onAttempts,
      });
      for await (const batch of batches) {
        const written = await this.deps.writer.write(batch, { sourceId: source.id, runId });
        if (written.inserted + written.updated > 0) this.announceBatch(source.id, runId, batch.observations);
        const rejects = written.rejects.length > 0 ? [...batch.rejects, ...written.rejects] : batch.rejects;
        if (rejects.length > 0) await this.deps.rejects.addMany(runId, rejects);
        const delta = {
          pages: batch.pageCount,
          rowsRead: batch.rowsRead,
          rowsInserted: written.inserted,
          rowsUpdated: written.updated,
          rowsUnchanged: written.unchanged,
          rowsRejected: rejects.length,
        };
        await this.deps.runs.addProgress(runId, delta);
        totals.pages += delta.pages;
        totals.rowsRead += delta.rowsRead;
        totals.rowsInserted += delta.rowsInserted;
        totals.rowsUpdated += delta.rowsUpdated;
        totals.rowsUnchanged += delta.rowsUnchanged;
        totals.rowsRejected += delta.rowsRejected;
        request.onProgress?.(this.progress(runId, source.key, totals, started));
        if (request.signal?.aborted) throw new RunAbortedError();
      }
      // A reader that stopped early because of the abort must not pass for a finished source.
      if (controller.signal.aborted) throw new RunAbortedError();
    } catch (error) {
      failure = error;
    } finally {
      request.signal?.removeEventListener('abort', onAbort);
    }

    const status = failure !== null ? 'failed' : totals.rowsRejected > 0 ? 'partial' : 'succeeded';
    const errorClass = failure !== null ? errorClassOf(failure) : null;
    const errorMessage =
      failure !== null
        ? errorMessageOf(failure)
        : status === 'partial'
          ? `${totals.rowsRejected} row(s) rejected; see the run's rejects`
          : null;
    // `attempt` records the retries the connector kit made: the most attempts any request needed.
    await this.deps.runs.close(runId, { status, errorClass, errorMessage, attempt: maxRequestAttempts });
    return { outcome: 'finished', runId, status, ...totals, errorClass, errorMessage, interruptedRunsClosed };
  }

  private announceBatch(sourceId: number, runId: number, observations: SourceBatch['observations']): void {
    const listener = this.deps.batchListener;
    if (!listener) return;
    try {
      const indicatorCodes = [...new Set(observations.map((o) => o.indicatorCode))];
      listener.batchCommitted({ sourceId, runId, indicatorCodes });
    } catch {
      // The listener reports its own failures; the batch is committed and the run goes on.
    }
  }

  private progress(
    runId: number,
    sourceKey: string,
    totals: {
      pages: number;
      rowsRead: number;
      rowsInserted: number;
      rowsUpdated: number;
      rowsUnchanged: number;
      rowsRejected: number;
    },
    started: number,
  ): RunProgress {
    return {
      runId,
      sourceKey,
      pages: totals.pages,
      rowsRead: totals.rowsRead,
      rowsWritten: totals.rowsInserted + totals.rowsUpdated + totals.rowsUnchanged,
      rowsRejected: totals.rowsRejected,
      elapsedMs: this.now() - started,
    };
  }
}
