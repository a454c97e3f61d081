import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { IngestConfig } from '../config/ingest-config';
import { INGEST_CONFIG } from '../worker/worker.tokens';
import type { AlertTrigger } from './alert-trigger';

/** Injection token of the worker's alert trigger (built in start-worker.ts). */
export const ALERT_TRIGGER = Symbol('ALERT_TRIGGER');

const ALERT_INTERVAL = 'alert-evaluation';

/**
 * Evaluates every enabled alert rule at start and then every ALERT_EVALUATION_SECONDS: stale rules
 * fire on time passing, not on data arriving. Before shutdown the timer stops and the running
 * evaluation is waited for, while the database is still open.
 */
@Injectable()
export class AlertTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(ALERT_TRIGGER) private readonly trigger: AlertTrigger,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.trigger.evaluateAll();
    const timer = setInterval(() => this.trigger.evaluateAll(), this.config.alertEvaluationSeconds * 1000);
    this.registry.addInterval(ALERT_INTERVAL, timer);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', ALERT_INTERVAL)) this.registry.deleteInterval(ALERT_INTERVAL);
    await this.trigger.stop();
  }
}
