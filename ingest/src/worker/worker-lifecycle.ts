import { IngestRunRepository, type DataSource } from '@civicpulse/db';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { IngestConfig } from '../config/ingest-config';
import { HealthServer, type HealthReport } from '../health/health-server';
import { QueuedRunPoller } from '../runs/queued-run-poller';
import { RunDispatcher } from '../runs/run-dispatcher';
import type { RunService } from '../runs/run.service';
import { SourceScheduler } from '../scheduler/source-scheduler';
import { DATA_SOURCE, INGEST_CONFIG, RUN_SERVICE } from './worker.tokens';

const REFRESH_INTERVAL = 'source-refresh';
const QUEUE_INTERVAL = 'queued-run-poll';

/**
 * Starts and stops the worker's moving parts in order: crash leftovers closed, jobs built from
 * the sources, the source table polled for changes, /health listening; on shutdown the reverse,
 * with running runs aborted between batches so they close truthfully.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly health: HealthServer;
  private readonly started = Date.now();
  private refreshing: Promise<unknown> | null = null;
  private polling: Promise<unknown> | null = null;
  private readonly queue: QueuedRunPoller;
  /** Port /health listens on once started (0 until then). */
  healthPort = 0;

  constructor(
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(RUN_SERVICE) private readonly runService: RunService,
    // Explicit tokens: the worker also runs under tsx (no decorator metadata) in tests and tools.
    @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry,
    @Inject(RunDispatcher) private readonly dispatcher: RunDispatcher,
    @Inject(SourceScheduler) private readonly scheduler: SourceScheduler,
  ) {
    this.health = new HealthServer(() => this.report());
    this.queue = new QueuedRunPoller(new IngestRunRepository(this.dataSource), this.dispatcher);
  }

  async onApplicationBootstrap(): Promise<void> {
    const closed = await this.runService.closeInterruptedRuns();
    if (closed > 0)
      this.logger.warn(`closed ${closed} run(s) left running by a stopped process as failed (interrupted)`);
    this.healthPort = await this.health.listen(this.config.healthPort);
    this.logger.log(`health on http://127.0.0.1:${this.healthPort}/health`);
    // Runs asked for through the API are executed whether or not the scheduler is on.
    const queueTimer = setInterval(() => this.pollQueue(), this.config.queuedRunPollSeconds * 1000);
    this.registry.addInterval(QUEUE_INTERVAL, queueTimer);
    if (!this.config.schedulerEnabled) {
      this.logger.log('scheduler disabled (SCHEDULER_ENABLED=false)');
      return;
    }
    await this.refresh();
    const timer = setInterval(() => void this.refresh(), this.config.sourceRefreshSeconds * 1000);
    this.registry.addInterval(REFRESH_INTERVAL, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', REFRESH_INTERVAL)) this.registry.deleteInterval(REFRESH_INTERVAL);
    if (this.registry.doesExist('interval', QUEUE_INTERVAL)) this.registry.deleteInterval(QUEUE_INTERVAL);
    this.scheduler.stop();
    await this.dispatcher.stop();
    await this.refreshing?.catch(() => undefined);
    await this.polling?.catch(() => undefined);
    await this.health.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** One poll of the source table; overlapping polls are skipped, failures logged and retried next time. */
  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    const work = this.scheduler.refresh().then(
      (result) => {
        if (result.initialRuns.length > 0)
          this.logger.log(`first runs started for ${result.initialRuns.join(', ')}`);
      },
      (error: unknown) =>
        this.logger.error(
          `refreshing sources failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
    this.refreshing = work;
    try {
      await work;
    } finally {
      this.refreshing = null;
    }
  }

  /** Looks for runs queued through the API and dispatches them; a poll still listing is not overlapped. */
  private pollQueue(): void {
    if (this.polling) return;
    // Only the listing is waited for; the runs finish in the background and the dispatcher logs them.
    this.polling = this.queue
      .dispatchQueued()
      .catch((error: unknown) =>
        this.logger.error(
          `polling queued runs failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.polling = null;
      });
  }

  private async report(): Promise<HealthReport> {
    let up = true;
    let error: string | undefined;
    let runningRuns: number | null = null;
    try {
      runningRuns = await new IngestRunRepository(this.dataSource).countRunning();
    } catch (cause) {
      up = false;
      error = cause instanceof Error ? cause.message : String(cause);
    }
    return {
      status: up ? 'ok' : 'degraded',
      database: error ? { up, error } : { up },
      scheduler: { enabled: this.config.schedulerEnabled, jobs: this.scheduler.scheduledJobs() },
      activeRuns: this.dispatcher.activeRuns().map((run) => ({
        sourceKey: run.sourceKey,
        trigger: run.trigger,
        pages: run.progress?.pages ?? 0,
        rowsRead: run.progress?.rowsRead ?? 0,
        rowsRejected: run.progress?.rowsRejected ?? 0,
      })),
      runningRuns,
      uptimeSeconds: Math.round((Date.now() - this.started) / 1000),
    };
  }
}
