import { createDataSource } from '@civicpulse/db';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from '@civicpulse/server-kit';
import type { CliOutput } from '../cli/cli-output';
import { EXIT } from '../cli/cli';
import { createAlertTrigger } from '../alerts/alert-trigger.factory';
import { loadIngestConfig } from '../config/ingest-config';
import { createRunService } from '../runs/run-service.factory';
import { createWorkerLogger } from './worker-logger';
import { WorkerModule } from './worker.module';

/**
 * Starts the worker and resolves with the exit code once it has been stopped by SIGINT/SIGTERM.
 * Configuration errors are reported all at once before anything connects.
 */
export async function startWorker(env: Record<string, string | undefined>, out: CliOutput): Promise<number> {
  let config;
  try {
    config = loadIngestConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      out.error(error.message);
      return EXIT.config;
    }
    throw error;
  }
  const logger = createWorkerLogger(config.logLevel, out.interactive);
  // A larger pool than the CLI's: each of the (two) running sources holds one connection for its
  // lock and `writeConnections` while a batch is written; the rest serve bookkeeping and alerts.
  const dataSource = createDataSource({
    url: config.databaseUrl,
    applicationName: 'civicpulse-ingest',
    poolSize: 6 + 2 * config.writeConnections,
  });
  await dataSource.initialize();
  const alerts = await createAlertTrigger(dataSource, config, new Logger('Alerts'));
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({
      config,
      dataSource,
      runService: createRunService(dataSource, config, alerts),
      alerts,
    }),
    { logger },
  );
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.init();
  await new Promise<void>((resolve) => {
    const done = (): void => resolve();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  return EXIT.ok;
}
