import type { IngestRunRepository } from '@civicpulse/db';
import type { RunDispatcher } from './run-dispatcher';
import type { RunRequest } from './run-ports';

/** What the dispatcher resolves a dispatched run with. */
type DispatchOutcome = Awaited<ReturnType<RunDispatcher['dispatch']>>;

// Queued runs looked at per poll; the dispatcher's concurrency limits what actually runs.
const POLL_BATCH = 20;

/**
 * Picks up runs queued through the API (run now, backfill) and hands them to the dispatcher.
 * Listing claims nothing: the run service claims the row under the source's run lock, so when
 * several workers see the same queued run, exactly one executes it. A source busy in this process
 * is left for a later poll.
 */
export class QueuedRunPoller {
  constructor(
    private readonly runs: Pick<IngestRunRepository, 'listQueued'>,
    private readonly dispatcher: Pick<RunDispatcher, 'dispatch' | 'activeRuns'>,
  ) {}

  /** One poll, waiting for the dispatched runs to finish; returns their results. */
  async poll(): Promise<DispatchOutcome[]> {
    return Promise.all(await this.dispatchQueued());
  }

  /**
   * Lists queued runs and dispatches them; resolves once dispatched, with the runs' completions
   * (which never reject: the dispatcher reports errors as outcomes).
   */
  async dispatchQueued(): Promise<Array<Promise<DispatchOutcome>>> {
    const queued = await this.runs.listQueued(POLL_BATCH);
    const busy = new Set(this.dispatcher.activeRuns().map((run) => run.sourceKey));
    const started: Array<Promise<DispatchOutcome>> = [];
    for (const run of queued) {
      // One run per source at a time: the next queued run of a source waits for the next poll.
      if (busy.has(run.sourceKey)) continue;
      busy.add(run.sourceKey);
      const request: RunRequest = {
        sourceKey: run.sourceKey,
        trigger: run.trigger,
        queuedRunId: run.id,
        ...(run.windowFrom && run.windowTo ? { window: { from: run.windowFrom, to: run.windowTo } } : {}),
      };
      started.push(this.dispatcher.dispatch(request));
    }
    return started;
  }
}
