// The ingest side of `npm run bench:ingest`, run as its own process so its peak RSS is its own.
// Env: DATABASE_URL, BENCH_URL (the portal's bulk CSV), INGEST_BATCH_SIZE (default: the worker's).
// Prints one JSON line.
import 'pg';
import 'reflect-metadata';
import {
  AdvisoryLocks,
  IngestRejectRepository,
  IngestRunRepository,
  SourceEntity,
  SourceRepository,
  createDataSource,
} from '@civicpulse/db';
import { loadIngestConfig } from '../src/config/ingest-config';
import { ObservationBatchWriter } from '../src/runs/observation-batch-writer';
import { ReadAheadBatchReader } from '../src/runs/read-ahead-batch-reader';
import { RunService } from '../src/runs/run.service';
import { BulkCsvReader } from './bulk-csv-reader';

async function main(): Promise<void> {
  // The worker's own validated configuration: the same batch size, time zone and checks.
  const { databaseUrl, batchSize, cityTimeZone, writeConnections } = loadIngestConfig(process.env);
  const benchUrl = process.env['BENCH_URL'] ?? '';
  const dataSource = createDataSource({
    url: databaseUrl,
    applicationName: 'civicpulse-bench',
    poolSize: 2 + writeConnections,
  });
  await dataSource.initialize();
  try {
    const repository = dataSource.getRepository(SourceEntity);
    if (!(await repository.findOneBy({ key: 'bench-bulk' }))) {
      await repository.save(
        repository.create({
          key: 'bench-bulk',
          nameZh: '批量观测值',
          nameEn: 'Bulk observations',
          connectorType: 'csv',
          manifest: {},
          enabled: false,
        }),
      );
    }
    // Time spent inside the database write path, reported next to the total.
    const writer = new ObservationBatchWriter(dataSource, cityTimeZone, writeConnections);
    let writeSeconds = 0;
    const timedWriter: typeof writer = Object.assign(Object.create(writer) as typeof writer, {
      write: async (...args: Parameters<typeof writer.write>) => {
        const t0 = performance.now();
        try {
          return await writer.write(...args);
        } finally {
          writeSeconds += (performance.now() - t0) / 1000;
        }
      },
    });
    const service = new RunService({
      sources: new SourceRepository(dataSource),
      runs: new IngestRunRepository(dataSource),
      rejects: new IngestRejectRepository(dataSource),
      locks: new AdvisoryLocks(dataSource),
      // Wired like the worker (run-service.factory.ts): one batch read ahead of the writer.
      reader: new ReadAheadBatchReader(new BulkCsvReader(benchUrl, batchSize, ['127.0.0.1'])),
      writer: timedWriter,
    });
    const started = performance.now();
    const result = await service.run({ sourceKey: 'bench-bulk', trigger: 'cli' });
    const seconds = (performance.now() - started) / 1000;
    if (result.outcome !== 'finished' || result.status === 'failed') {
      throw new Error(`bench run did not succeed: ${JSON.stringify(result)}`);
    }
    const written = result.rowsInserted + result.rowsUpdated + result.rowsUnchanged;
    process.stdout.write(
      `${JSON.stringify({ rows: written, rejected: result.rowsRejected, seconds, writeSeconds, maxRssKb: process.resourceUsage().maxRSS })}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
