import {
  AdvisoryLocks,
  IngestRejectRepository,
  IngestRunRepository,
  ObservationEntity,
  SourceRepository,
  createDataSource,
  type DataSource,
} from '@civicpulse/db';
import {
  createTestDatabase,
  insertDemoRegions,
  insertIndicator,
  insertIngestRun,
  insertSource,
  type TestDatabase,
} from '@civicpulse/testing';
import { FakeBatchReader, batchOf, dayPoint, type FakeStep } from '../testing/fake-batch-reader';
import { ObservationBatchWriter } from './observation-batch-writer';
import { RunService } from './run.service';

class SchemaDriftTestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaDriftError';
  }
}

function serviceOn(dataSource: DataSource, reader: FakeBatchReader): RunService {
  return new RunService({
    sources: new SourceRepository(dataSource),
    runs: new IngestRunRepository(dataSource),
    rejects: new IngestRejectRepository(dataSource),
    locks: new AdvisoryLocks(dataSource),
    reader,
    writer: new ObservationBatchWriter(dataSource, 'Asia/Shanghai'),
  });
}

describe('RunService (real Postgres, scripted connector)', () => {
  let db: TestDatabase;
  let indicator: string;
  let runs: IngestRunRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertDemoRegions(db.dataSource);
    indicator = (await insertIndicator(db.dataSource)).code;
    runs = new IngestRunRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function observationsOf(sourceId: number): Promise<ObservationEntity[]> {
    return db.dataSource
      .getRepository(ObservationEntity)
      .find({ where: { sourceId }, order: { periodStart: 'ASC', regionId: 'ASC' } });
  }

  it('records a clean run as succeeded with truthful counters, lineage and cursor', async () => {
    const source = await insertSource(db.dataSource);
    const reader = new FakeBatchReader(() => [
      batchOf([dayPoint(indicator, '990101', 1, 10), dayPoint(indicator, '990102', 1, 20)], {
        cursor: '2025-01-01',
      }),
      batchOf([dayPoint(indicator, '990101', 2, 11)], { cursor: '2025-01-02', pageCount: 2 }),
    ]);
    const result = await serviceOn(db.dataSource, reader).run({ sourceKey: source.key, trigger: 'cli' });

    expect(result).toMatchObject({
      outcome: 'finished',
      status: 'succeeded',
      pages: 3,
      rowsRead: 3,
      rowsInserted: 3,
      rowsRejected: 0,
    });
    if (result.outcome !== 'finished') throw new Error('unreachable');
    const stored = await runs.findById(result.runId);
    expect(stored).toMatchObject({
      status: 'succeeded',
      pages: 3,
      rowsRead: 3,
      rowsInserted: 3,
      rowsUpdated: 0,
      rowsRejected: 0,
      errorClass: null,
    });
    expect(stored?.finishedAt).toBeInstanceOf(Date);
    const rows = await observationsOf(source.id);
    expect(rows.map((r) => r.value)).toEqual([10, 20, 11]);
    expect(new Set(rows.map((r) => r.ingestRunId))).toEqual(new Set([result.runId]));
    expect(await new SourceRepository(db.dataSource).readCursors(source.id)).toEqual({
      default: '2025-01-02',
    });

    // The same data again: nothing inserted, everything unchanged.
    const again = await serviceOn(db.dataSource, reader).run({ sourceKey: source.key, trigger: 'cli' });
    expect(again).toMatchObject({
      outcome: 'finished',
      status: 'succeeded',
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 3,
    });
    expect(await observationsOf(source.id)).toHaveLength(3);
  });

  it('records rejects and closes as partial', async () => {
    const source = await insertSource(db.dataSource);
    const reader = new FakeBatchReader(() => [
      batchOf([dayPoint(indicator, '990107', 9, 10), dayPoint(indicator, '999999', 9, 5)], {
        rejects: [
          {
            rowNumber: 3,
            raw: { district: '东湖', value: 'n/a' },
            reasonCode: 'unparseable_number',
            message: "value 'n/a' is not a number",
          },
        ],
      }),
    ]);
    const result = await serviceOn(db.dataSource, reader).run({ sourceKey: source.key, trigger: 'cli' });
    expect(result).toMatchObject({
      outcome: 'finished',
      status: 'partial',
      rowsInserted: 1,
      rowsRejected: 2,
    });
    if (result.outcome !== 'finished') throw new Error('unreachable');
    const rejects = await new IngestRejectRepository(db.dataSource).listForRun(result.runId);
    expect(rejects.map((r) => r.reasonCode).sort()).toEqual(['unknown_region', 'unparseable_number']);
    expect(rejects.find((r) => r.reasonCode === 'unparseable_number')?.raw).toEqual({
      district: '东湖',
      value: 'n/a',
    });
    expect((await runs.findById(result.runId))?.status).toBe('partial');
  });

  it('records a failure with the error class and keeps the batches committed before it', async () => {
    const source = await insertSource(db.dataSource);
    const reader = new FakeBatchReader(() => [
      batchOf([dayPoint(indicator, '990103', 1, 7)], { cursor: 'c1' }),
      new SchemaDriftTestError("column 'value' is missing from the response"),
    ]);
    const result = await serviceOn(db.dataSource, reader).run({ sourceKey: source.key, trigger: 'cli' });
    expect(result).toMatchObject({
      outcome: 'finished',
      status: 'failed',
      errorClass: 'SchemaDriftError',
      rowsInserted: 1,
    });
    if (result.outcome !== 'finished') throw new Error('unreachable');
    const stored = await runs.findById(result.runId);
    expect(stored).toMatchObject({
      status: 'failed',
      errorClass: 'SchemaDriftError',
      errorMessage: "column 'value' is missing from the response",
    });
    expect(await observationsOf(source.id)).toHaveLength(1);
    expect(await new SourceRepository(db.dataSource).readCursors(source.id)).toEqual({ default: 'c1' });
  });

  it('is idempotent by run key, and retries a failed key as a new attempt', async () => {
    const source = await insertSource(db.dataSource);
    let fail = true;
    const reader = new FakeBatchReader((): FakeStep[] =>
      fail ? [new Error('boom')] : [batchOf([dayPoint(indicator, '990104', 1, 1)])],
    );
    const service = serviceOn(db.dataSource, reader);
    const first = await service.run({
      sourceKey: source.key,
      trigger: 'schedule',
      runKey: `${source.key}:tick-1`,
    });
    expect(first).toMatchObject({ outcome: 'finished', status: 'failed' });
    fail = false;
    const second = await service.run({
      sourceKey: source.key,
      trigger: 'schedule',
      runKey: `${source.key}:tick-1`,
    });
    expect(second).toMatchObject({ outcome: 'finished', status: 'succeeded' });
    const third = await service.run({
      sourceKey: source.key,
      trigger: 'schedule',
      runKey: `${source.key}:tick-1`,
    });
    expect(third).toMatchObject({ outcome: 'skipped', reason: 'duplicate' });
    expect(reader.calls).toHaveLength(2);
    const listed = await runs.listRecent(10, source.key);
    expect(listed.map((r) => r.status)).toEqual(['succeeded', 'failed']);
  });

  it('marks a run left running by a crash as failed (interrupted) before the next run', async () => {
    const source = await insertSource(db.dataSource);
    const stale = await insertIngestRun(db.dataSource, source.id, { status: 'running' });
    const service = serviceOn(
      db.dataSource,
      new FakeBatchReader(() => [batchOf([dayPoint(indicator, '990105', 1, 1)])]),
    );
    const result = await service.run({ sourceKey: source.key, trigger: 'cli' });
    expect(result).toMatchObject({ outcome: 'finished', status: 'succeeded', interruptedRunsClosed: 1 });
    expect(await runs.findById(stale.id)).toMatchObject({ status: 'failed', errorClass: 'interrupted' });
  });

  it('closes crash leftovers at start unless a live process holds the source', async () => {
    const idle = await insertSource(db.dataSource);
    const busy = await insertSource(db.dataSource);
    const leftover = await insertIngestRun(db.dataSource, idle.id, { status: 'running' });
    const live = await insertIngestRun(db.dataSource, busy.id, { status: 'running' });
    const held = await new AdvisoryLocks(db.dataSource).tryAcquire(0x43500001, busy.id);
    try {
      const closed = await serviceOn(db.dataSource, new FakeBatchReader(() => [])).closeInterruptedRuns();
      expect(closed).toBe(1);
      expect((await runs.findById(leftover.id))?.status).toBe('failed');
      expect((await runs.findById(live.id))?.status).toBe('running');
    } finally {
      await held?.release();
    }
  });

  it('closes a run stopped by shutdown as failed, keeping what it committed', async () => {
    const source = await insertSource(db.dataSource);
    const shutdown = new AbortController();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reader = new FakeBatchReader(() => [
      batchOf([dayPoint(indicator, '990108', 1, 1)]),
      gate,
      batchOf([dayPoint(indicator, '990108', 2, 2)]),
    ]);
    const running = serviceOn(db.dataSource, reader).run({
      sourceKey: source.key,
      trigger: 'schedule',
      signal: shutdown.signal,
    });
    for (let i = 0; i < 50 && (await observationsOf(source.id)).length === 0; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    shutdown.abort();
    release();
    const result = await running;
    expect(result).toMatchObject({ outcome: 'finished', status: 'failed', errorClass: 'RunAbortedError' });
    expect((await observationsOf(source.id)).length).toBeGreaterThanOrEqual(1);
  });

  it('runs a source once when two instances on two connections pools race for it', async () => {
    const source = await insertSource(db.dataSource);
    const other = createDataSource({ url: db.url, poolSize: 3 });
    await other.initialize();
    try {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const readerA = new FakeBatchReader(() => [gate, batchOf([dayPoint(indicator, '990106', 1, 1)])]);
      const readerB = new FakeBatchReader(() => [batchOf([dayPoint(indicator, '990106', 1, 1)])]);
      const a = serviceOn(db.dataSource, readerA).run({
        sourceKey: source.key,
        trigger: 'schedule',
        runKey: `${source.key}:t`,
      });
      // Let A take the lock and open its run before B tries.
      for (let i = 0; i < 50 && readerA.calls.length === 0; i += 1)
        await new Promise((r) => setTimeout(r, 20));
      const b = await serviceOn(other, readerB).run({
        sourceKey: source.key,
        trigger: 'schedule',
        runKey: `${source.key}:t`,
      });
      expect(b).toEqual({ outcome: 'skipped', reason: 'locked' });
      open();
      expect(await a).toMatchObject({ outcome: 'finished', status: 'succeeded' });
      // After A finished, B's late trigger of the same tick is a duplicate, not a second run.
      const late = await serviceOn(other, readerB).run({
        sourceKey: source.key,
        trigger: 'schedule',
        runKey: `${source.key}:t`,
      });
      expect(late).toMatchObject({ outcome: 'skipped', reason: 'duplicate' });
      expect(readerB.calls).toHaveLength(0);
      expect(await runs.listRecent(10, source.key)).toHaveLength(1);
    } finally {
      await other.destroy();
    }
  });
});
