import type { RunProgress, RunRequest, RunResult } from './run-ports';

/** What the dispatcher needs of the run service. */
export interface RunExecutor {
  run(request: RunRequest): Promise<RunResult>;
}

/** A run this process is doing right now (for /health). */
export interface ActiveRun {
  sourceKey: string;
  trigger: RunRequest['trigger'];
  progress: RunProgress | null;
}

/** Receives every finished or failed dispatch (logging). */
export type DispatchListener = (
  request: RunRequest,
  result: RunResult | { outcome: 'error'; error: unknown },
) => void;

/**
 * The worker's front door to the run service: at most `concurrency` runs at a time in this
 * process (the machine is small; the database does the heavy lifting), one run per source in this
 * process (a tick while the same source is still running here is dropped at once), and every run
 * aborted on shutdown so it closes as failed instead of being cut off mid-write.
 */
export class RunDispatcher {
  private readonly active = new Map<string, ActiveRun>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly executor: RunExecutor,
    private readonly concurrency: number,
    private readonly onDone: DispatchListener = () => undefined,
  ) {}

  /** Runs in this process right now. */
  activeRuns(): ActiveRun[] {
    return [...this.active.values()];
  }

  /**
   * Starts a run in the background; resolves with its result (never rejects). A source already
   * running or queued in this process is skipped immediately.
   */
  dispatch(request: RunRequest): Promise<RunResult | { outcome: 'error'; error: unknown }> {
    if (this.shutdown.signal.aborted || this.active.has(request.sourceKey)) {
      const skipped: RunResult = { outcome: 'skipped', reason: 'locked' };
      return Promise.resolve(skipped);
    }
    const entry: ActiveRun = { sourceKey: request.sourceKey, trigger: request.trigger, progress: null };
    this.active.set(request.sourceKey, entry);
    const work = this.execute(request, entry);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** Aborts running runs, drops queued ones, and waits for everything to close. */
  async stop(): Promise<void> {
    this.shutdown.abort();
    for (const release of this.waiting.splice(0)) release();
    await Promise.allSettled([...this.inFlight]);
  }

  private async execute(
    request: RunRequest,
    entry: ActiveRun,
  ): Promise<RunResult | { outcome: 'error'; error: unknown }> {
    let result: RunResult | { outcome: 'error'; error: unknown };
    try {
      await this.slot();
      if (this.shutdown.signal.aborted) {
        result = { outcome: 'skipped', reason: 'locked' };
      } else {
        result = await this.executor.run({
          ...request,
          signal: this.shutdown.signal,
          onProgress: (progress) => {
            entry.progress = progress;
            request.onProgress?.(progress);
          },
        });
      }
    } catch (error) {
      result = { outcome: 'error', error };
    } finally {
      this.active.delete(request.sourceKey);
      this.release();
    }
    this.onDone(request, result);
    return result;
  }

  private slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running += 1;
        resolve();
      }),
    );
  }

  private release(): void {
    this.running = Math.max(0, this.running - 1);
    const next = this.waiting.shift();
    if (next) next();
  }
}
