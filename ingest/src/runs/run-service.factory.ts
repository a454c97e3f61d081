import {
  AdvisoryLocks,
  IngestRejectRepository,
  IngestRunRepository,
  SourceRepository,
  type DataSource,
} from '@civicpulse/db';
import type { IngestConfig } from '../config/ingest-config';
import { ConnectorBatchReader } from './connector-batch-reader';
import { ObservationBatchWriter } from './observation-batch-writer';
import { ReadAheadBatchReader } from './read-ahead-batch-reader';
import type { BatchCommitListener } from './run-ports';
import { RunService } from './run.service';

/**
 * Wires the run service to the real connector kit and database (CLI and worker share it). The
 * worker passes its alert trigger as `batchListener`.
 */
export function createRunService(
  dataSource: DataSource,
  config: IngestConfig,
  batchListener?: BatchCommitListener,
): RunService {
  const sources = new SourceRepository(dataSource);
  return new RunService({
    sources,
    runs: new IngestRunRepository(dataSource),
    rejects: new IngestRejectRepository(dataSource),
    locks: new AdvisoryLocks(dataSource),
    // One batch read ahead: the next batch is fetched and parsed while this one is written.
    reader: new ReadAheadBatchReader(new ConnectorBatchReader(config, dataSource, sources)),
    writer: new ObservationBatchWriter(dataSource, config.cityTimeZone, config.writeConnections),
    batchListener,
  });
}
