import type { AlertEvaluationSummary } from './alert-evaluator';
import { AlertTrigger } from './alert-trigger';

const summary: AlertEvaluationSummary = { targets: 0, opened: 0, resolved: 0, undecided: 0 };

function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    log: (m: string) => lines.push(`log ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
}

describe('AlertTrigger', () => {
  it('evaluates the indicators of committed batches, merging requests that arrive meanwhile', async () => {
    const calls: Array<readonly string[] | null> = [];
    let release: () => void = () => undefined;
    const evaluator = {
      evaluate: jest.fn(async (codes: readonly string[] | null) => {
        calls.push(codes);
        if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return summary;
      }),
    };
    const trigger = new AlertTrigger(evaluator, recordingLog());
    trigger.batchCommitted({ sourceId: 1, runId: 1, indicatorCodes: ['a'] });
    trigger.batchCommitted({ sourceId: 1, runId: 1, indicatorCodes: ['c', 'b'] });
    trigger.batchCommitted({ sourceId: 2, runId: 2, indicatorCodes: ['b'] });
    release();
    await trigger.idle();
    expect(calls).toEqual([['a'], ['b', 'c']]);
  });

  it('lets the timer ask for every rule, which covers the pending indicators too', async () => {
    const calls: Array<readonly string[] | null> = [];
    const trigger = new AlertTrigger(
      { evaluate: async (codes) => (calls.push(codes), summary) },
      recordingLog(),
    );
    trigger.evaluateAll();
    trigger.batchCommitted({ sourceId: 1, runId: 1, indicatorCodes: ['a'] });
    trigger.evaluateAll();
    await trigger.idle();
    expect(calls).toEqual([null, null]);
  });

  it('logs a failed evaluation and keeps serving later requests', async () => {
    const log = recordingLog();
    let fail = true;
    const trigger = new AlertTrigger(
      {
        evaluate: async () => {
          if (fail) throw new Error('database is down');
          return { ...summary, opened: 1, targets: 2 };
        },
      },
      log,
    );
    expect(() => trigger.batchCommitted({ sourceId: 1, runId: 1, indicatorCodes: ['a'] })).not.toThrow();
    await trigger.idle();
    fail = false;
    trigger.evaluateAll();
    await trigger.idle();
    expect(log.lines).toEqual([
      'error alert evaluation failed: database is down',
      'log alerts: 1 opened, 0 resolved (2 rule × region pairs)',
    ]);
  });

  it('ignores requests after stop', async () => {
    const evaluate = jest.fn(async () => summary);
    const trigger = new AlertTrigger({ evaluate }, recordingLog());
    await trigger.stop();
    trigger.evaluateAll();
    await trigger.idle();
    expect(evaluate).not.toHaveBeenCalled();
  });
});
