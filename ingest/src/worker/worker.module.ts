import { IngestRunRepository, SourceRepository, type DataSource } from '@civicpulse/db';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { ALERT_TRIGGER, AlertTimer } from '../alerts/alert-timer';
import type { AlertTrigger } from '../alerts/alert-trigger';
import type { IngestConfig } from '../config/ingest-config';
import { RunDispatcher } from '../runs/run-dispatcher';
import type { RunService } from '../runs/run.service';
import { SourceScheduler } from '../scheduler/source-scheduler';
import { describeDispatch } from './dispatch-log';
import { WorkerLifecycle } from './worker-lifecycle';
import { DATA_SOURCE, INGEST_CONFIG, RUN_SERVICE } from './worker.tokens';

// Runs at once per process: the machine has two cores and Postgres needs one of them.
const RUN_CONCURRENCY = 2;

/** What the worker module is composed from (built before Nest starts, see start-worker.ts). */
export interface WorkerModuleValues {
  config: IngestConfig;
  dataSource: DataSource;
  runService: RunService;
  /** Alert evaluation after batches (wired into the run service) and on the timer. */
  alerts: AlertTrigger;
}

/** The worker: scheduler + run dispatcher + /health. No business HTTP surface. */
@Module({})
export class WorkerModule {
  static register(values: WorkerModuleValues): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ScheduleModule.forRoot()],
      providers: [
        { provide: INGEST_CONFIG, useValue: values.config },
        { provide: DATA_SOURCE, useValue: values.dataSource },
        { provide: RUN_SERVICE, useValue: values.runService },
        { provide: ALERT_TRIGGER, useValue: values.alerts },
        {
          provide: RunDispatcher,
          inject: [RUN_SERVICE],
          useFactory: (runService: RunService) => {
            const logger = new Logger('RunDispatcher');
            return new RunDispatcher(runService, RUN_CONCURRENCY, (request, result) => {
              const { level, message } = describeDispatch(request, result);
              if (level === 'error') logger.error(message);
              else if (level === 'warn') logger.warn(message);
              else logger.log(message);
            });
          },
        },
        {
          provide: SourceScheduler,
          inject: [SchedulerRegistry, DATA_SOURCE, RunDispatcher, INGEST_CONFIG],
          useFactory: (
            registry: SchedulerRegistry,
            dataSource: DataSource,
            dispatcher: RunDispatcher,
            config: IngestConfig,
          ) =>
            new SourceScheduler(
              registry,
              new SourceRepository(dataSource),
              new IngestRunRepository(dataSource),
              dispatcher,
              config.cityTimeZone,
              new Logger('Scheduler'),
            ),
        },
        WorkerLifecycle,
        AlertTimer,
      ],
    };
  }
}
