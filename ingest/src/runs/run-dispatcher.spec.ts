import { RunDispatcher } from './run-dispatcher';
import type { RunRequest, RunResult } from './run-ports';

const finished = (runId: number): RunResult => ({
  outcome: 'finished',
  runId,
  status: 'succeeded',
  pages: 1,
  rowsRead: 1,
  rowsInserted: 1,
  rowsUpdated: 0,
  rowsUnchanged: 0,
  rowsRejected: 0,
  errorClass: null,
  errorMessage: null,
  interruptedRunsClosed: 0,
});

class GatedExecutor {
  readonly started: string[] = [];
  readonly signals: AbortSignal[] = [];
  private readonly gates = new Map<string, () => void>();

  run(request: RunRequest): Promise<RunResult> {
    this.started.push(request.sourceKey);
    if (request.signal) this.signals.push(request.signal);
    return new Promise((resolve) =>
      this.gates.set(request.sourceKey, () => resolve(finished(this.started.length))),
    );
  }

  finish(key: string): void {
    this.gates.get(key)?.();
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RunDispatcher', () => {
  it('runs at most `concurrency` runs at once and queues the rest', async () => {
    const executor = new GatedExecutor();
    const dispatcher = new RunDispatcher(executor, 2);
    const results = ['a', 'b', 'c'].map((key) =>
      dispatcher.dispatch({ sourceKey: key, trigger: 'schedule' }),
    );
    await flush();
    expect(executor.started).toEqual(['a', 'b']);
    executor.finish('a');
    await results[0];
    await flush();
    expect(executor.started).toEqual(['a', 'b', 'c']);
    executor.finish('b');
    executor.finish('c');
    await Promise.all(results);
  });

  it('skips a source already running in this process', async () => {
    const executor = new GatedExecutor();
    const dispatcher = new RunDispatcher(executor, 2);
    const first = dispatcher.dispatch({ sourceKey: 'a', trigger: 'schedule' });
    expect(await dispatcher.dispatch({ sourceKey: 'a', trigger: 'schedule' })).toEqual({
      outcome: 'skipped',
      reason: 'locked',
    });
    expect(dispatcher.activeRuns().map((r) => r.sourceKey)).toEqual(['a']);
    await flush();
    executor.finish('a');
    await first;
    expect(dispatcher.activeRuns()).toEqual([]);
  });

  it('reports executor errors to the listener instead of rejecting', async () => {
    const seen: string[] = [];
    const dispatcher = new RunDispatcher(
      { run: () => Promise.reject(new Error('db down')) },
      1,
      (_req, result) => seen.push(result.outcome),
    );
    expect(await dispatcher.dispatch({ sourceKey: 'a', trigger: 'schedule' })).toMatchObject({
      outcome: 'error',
    });
    expect(seen).toEqual(['error']);
  });

  it('aborts running runs on stop and refuses new ones', async () => {
    const executor = new GatedExecutor();
    const dispatcher = new RunDispatcher(executor, 1);
    const running = dispatcher.dispatch({ sourceKey: 'a', trigger: 'schedule' });
    await flush();
    const stopping = dispatcher.stop();
    expect(executor.signals[0]?.aborted).toBe(true);
    executor.finish('a');
    await running;
    await stopping;
    expect(await dispatcher.dispatch({ sourceKey: 'b', trigger: 'schedule' })).toEqual({
      outcome: 'skipped',
      reason: 'locked',
    });
  });
});
