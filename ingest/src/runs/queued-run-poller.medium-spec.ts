import {
  AdvisoryLocks,
  IngestRejectRepository,
  IngestRunRepository,
  ObservationEntity,
  SourceAdminRepository,
  SourceRepository,
  type DataSource,
} from '@civicpulse/db';
import {
  createTestDatabase,
  insertDemoRegions,
  insertIndicator,
  insertSource,
  type TestDatabase,
} from '@civicpulse/testing';
import { FakeBatchReader, batchOf, dayPoint } from '../testing/fake-batch-reader';
import { ObservationBatchWriter } from './observation-batch-writer';
import { QueuedRunPoller } from './queued-run-poller';
import { RunDispatcher } from './run-dispatcher';
import { RunService } from './run.service';

/** One worker process: its own run service, dispatcher and poller on the shared database. */
function workerOn(
  dataSource: DataSource,
  reader: FakeBatchReader,
): { poller: QueuedRunPoller; dispatcher: RunDispatcher } {
  const service = new RunService({
    sources: new SourceRepository(dataSource),
    runs: new IngestRunRepository(dataSource),
    rejects: new IngestRejectRepository(dataSource),
    locks: new AdvisoryLocks(dataSource),
    reader,
    writer: new ObservationBatchWriter(dataSource, 'Asia/Shanghai'),
  });
  const dispatcher = new RunDispatcher(service, 2);
  return { poller: new QueuedRunPoller(new IngestRunRepository(dataSource), dispatcher), dispatcher };
}

describe('QueuedRunPoller (real Postgres)', () => {
  let db: TestDatabase;
  let indicator: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertDemoRegions(db.dataSource);
    indicator = (await insertIndicator(db.dataSource)).code;
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('executes a queued run exactly once when two workers poll at the same time', async () => {
    const source = await insertSource(db.dataSource);
    const queued = await new SourceAdminRepository(db.dataSource).enqueueRun(source.key, 'backfill', {
      from: new Date('2025-01-01T00:00:00+08:00'),
      to: new Date('2025-01-03T00:00:00+08:00'),
    });
    if (!queued) throw new Error('source not found');
    expect(queued.status).toBe('queued');

    const readers = [0, 1].map(
      () =>
        new FakeBatchReader(() => [
          batchOf([dayPoint(indicator, '990101', 1, 10), dayPoint(indicator, '990102', 2, 20)]),
        ]),
    );
    const workers = readers.map((reader) => workerOn(db.dataSource, reader));
    const results = (await Promise.all(workers.map((w) => w.poller.poll()))).flat();

    const finished = results.filter((r) => r.outcome === 'finished');
    expect(finished).toEqual([
      expect.objectContaining({ runId: queued.id, status: 'succeeded', rowsInserted: 2 }),
    ]);
    // The source was read once in all, with the queued run's window.
    const calls = readers.flatMap((r) => r.calls);
    expect(calls).toEqual([
      { sourceKey: source.key, window: { from: queued.windowFrom, to: queued.windowTo } },
    ]);

    const runs = new IngestRunRepository(db.dataSource);
    const stored = await runs.findById(queued.id);
    expect(stored).toMatchObject({ status: 'succeeded', trigger: 'backfill', rowsInserted: 2 });
    expect(stored?.startedAt).toBeInstanceOf(Date);
    // No other run was opened for the source, and nothing is left queued.
    expect((await runs.listRecent(10, source.key)).map((r) => r.id)).toEqual([queued.id]);
    expect(await runs.listQueued(10)).toEqual([]);
    const observations = await db.dataSource
      .getRepository(ObservationEntity)
      .find({ where: { sourceId: source.id } });
    expect(new Set(observations.map((o) => o.ingestRunId))).toEqual(new Set([queued.id]));

    // A later poll finds nothing to do.
    expect(await workers[0]?.poller.poll()).toEqual([]);
    await Promise.all(workers.map((w) => w.dispatcher.stop()));
  });

  it('leaves queued runs alone when it closes runs interrupted by a crash', async () => {
    const source = await insertSource(db.dataSource);
    const queued = await new SourceAdminRepository(db.dataSource).enqueueRun(source.key, 'manual', null);
    const runs = new IngestRunRepository(db.dataSource);
    expect(await runs.failInterrupted(source.id)).toBe(0);
    expect((await runs.findById(queued?.id ?? -1))?.status).toBe('queued');
  });
});
