import type { BatchCommitListener, CommittedBatch } from '../runs/run-ports';
import type { AlertEvaluator } from './alert-evaluator';
import type { AlertLog } from './alert-notifier';

/**
 * Decides when alerts are evaluated: after committed ingest batches (the rules of the indicators
 * they touched) and on the timer (every rule; stale rules need it). Evaluations run one at a time
 * in the background, so a batch never waits for them; requests that arrive meanwhile are merged
 * into the next evaluation. A failed evaluation is logged and never reaches the ingest run.
 */
export class AlertTrigger implements BatchCommitListener {
  private readonly pendingCodes = new Set<string>();
  private pendingAll = false;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly evaluator: Pick<AlertEvaluator, 'evaluate'>,
    private readonly log: AlertLog,
  ) {}

  batchCommitted(batch: CommittedBatch): void {
    for (const code of batch.indicatorCodes) this.pendingCodes.add(code);
    this.kick();
  }

  /** Asks for an evaluation of every enabled rule (the timer). */
  evaluateAll(): void {
    this.pendingAll = true;
    this.kick();
  }

  /** Resolves once no evaluation is running or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Accepts no more requests and waits for the running evaluation (shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pendingAll = false;
    this.pendingCodes.clear();
    await this.idle();
  }

  private kick(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // A request that arrived after the last loop check is not left waiting for the next one.
      if (this.pendingAll || this.pendingCodes.size > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (this.pendingAll || this.pendingCodes.size > 0)) {
      const codes = this.pendingAll ? null : [...this.pendingCodes].sort();
      this.pendingAll = false;
      this.pendingCodes.clear();
      try {
        const summary = await this.evaluator.evaluate(codes);
        if (summary.opened > 0 || summary.resolved > 0)
          this.log.log(
            `alerts: ${summary.opened} opened, ${summary.resolved} resolved (${summary.targets} rule × region pairs${codes ? ` of ${codes.join(', ')}` : ''})`,
          );
      } catch (error) {
        this.log.error(`alert evaluation failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
