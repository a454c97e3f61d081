import { IngestRejectRepository, IngestRunRepository } from '@civicpulse/db';
import { startDemoPortal, type DemoPortal } from '@civicpulse/demo-portal';
import { createTestDatabase, type TestDatabase } from '@civicpulse/testing';
import { loadIngestConfig } from '../config/ingest-config';
import { createRunService } from '../runs/run-service.factory';
import type { RunResult } from '../runs/run-ports';
import {
  applyDemoCatalog,
  insertHealthSource,
  observationTable,
  type HealthSourceOptions,
} from '../testing/demo-health-source';

/**
 * End-to-end fault tests: the real connector kit reads the demo portal (with injected faults), the
 * real run service writes a fresh database, and each test asserts the final observation table and
 * the run record.
 */
describe('ingest against a faulty portal', () => {
  let portal: DemoPortal;
  let baseline: string[];
  const databases: TestDatabase[] = [];

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase();
    databases.push(db);
    await applyDemoCatalog(db.dataSource);
    return db;
  }

  async function runOnce(
    db: TestDatabase,
    options: HealthSourceOptions,
    key = 'health-test',
  ): Promise<Extract<RunResult, { outcome: 'finished' }>> {
    await insertHealthSource(db.dataSource, key, options).catch(() => undefined);
    const config = loadIngestConfig({
      DATABASE_URL: db.url,
      DEMO_PORTAL_URL: portal.url,
      INGEST_BATCH_SIZE: '100',
    });
    const result = await createRunService(db.dataSource, config).run({ sourceKey: key, trigger: 'cli' });
    if (result.outcome !== 'finished') throw new Error(`run was skipped: ${result.reason}`);
    return result;
  }

  beforeAll(async () => {
    portal = await startDemoPortal({ until: '2025-12-31T00:00:00+08:00', hourlyDays: 1, benchRows: 10 });
    const db = await freshDatabase();
    const clean = await runOnce(db, {});
    expect(clean).toMatchObject({ status: 'succeeded', rowsRejected: 0 });
    baseline = await observationTable(db.dataSource);
  });

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
    await portal?.close();
  });

  it('loads the clean dataset: 10 districts × 35 closed months × 3 indicators', () => {
    expect(baseline).toHaveLength(1050);
    expect(new Set(baseline).size).toBe(1050);
  });

  it('retries a 500 and ends with the same table', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { faults: '500x2' });
    expect(result).toMatchObject({ status: 'succeeded', errorClass: null });
    expect(await observationTable(db.dataSource)).toEqual(baseline);
    expect((await new IngestRunRepository(db.dataSource).findById(result.runId))?.attempt).toBe(3);
  });

  it('waits out a 429 with Retry-After and ends with the same table', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { faults: '429,retry-after=1' });
    expect(result.status).toBe('succeeded');
    expect(await observationTable(db.dataSource)).toEqual(baseline);
  });

  it('fails truthfully when every request times out', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { faults: 'slow=2000', timeout: '300ms', retries: 1 });
    expect(result).toMatchObject({ status: 'failed', errorClass: 'TimeoutError' });
    expect(await observationTable(db.dataSource)).toEqual([]);
    const run = await new IngestRunRepository(db.dataSource).findById(result.runId);
    expect(run).toMatchObject({ status: 'failed', errorClass: 'TimeoutError', attempt: 2 });
  });

  it('fails truthfully when the connection is refused', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { baseUrl: 'http://127.0.0.1:9', retries: 1 });
    expect(result).toMatchObject({ status: 'failed', errorClass: 'ConnectionError' });
    expect(result.errorMessage).toMatch(/127\.0\.0\.1/);
    expect(await observationTable(db.dataSource)).toEqual([]);
  });

  it('re-reads a truncated body and ends with the same table', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { faults: 'truncate' });
    expect(result.status).toBe('succeeded');
    expect(await observationTable(db.dataSource)).toEqual(baseline);
  });

  it('rejects malformed rows with reasons, loads the rest, and closes as partial', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { faults: 'malformed=7' });
    expect(result.status).toBe('partial');
    expect(result.rowsRejected).toBeGreaterThan(0);
    const table = await observationTable(db.dataSource);
    // Every loaded value is one of the clean values; only damaged cells are missing.
    expect(table.every((line) => baseline.includes(line))).toBe(true);
    expect(table.length).toBeLessThan(baseline.length);
    const rejects = await new IngestRejectRepository(db.dataSource).listForRun(result.runId);
    expect(rejects).toHaveLength(result.rowsRejected);
    expect(rejects[0]?.reasonCode).toMatch(/missing_field|unparseable_number/);
    // The raw row is kept as the portal sent it (the damaged one lacks a field or has a bad number).
    expect(Object.keys(rejects[0]?.raw as object).length).toBeGreaterThan(10);
  });

  it('reads a body whose declared charset is wrong and ends with the same table', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { faults: 'charset', format: 'csv' });
    expect(result).toMatchObject({ status: 'succeeded' });
    expect(await observationTable(db.dataSource)).toEqual(baseline);
  });

  it('fails permanently with a clear message when a mapped column is missing', async () => {
    const db = await freshDatabase();
    const result = await runOnce(db, { faults: 'missing=bed_occupancy_rate' });
    expect(result).toMatchObject({ status: 'failed', errorClass: 'SchemaDriftError' });
    expect(result.errorMessage).toMatch(/bed_occupancy_rate/);
    expect(await observationTable(db.dataSource)).toEqual([]);
  });

  it('stores no duplicates when the same rows arrive again (re-run, overlapping backfill)', async () => {
    const db = await freshDatabase();
    await runOnce(db, {}, 'dup-a');
    const again = await runOnce(db, {}, 'dup-a');
    expect(again).toMatchObject({
      status: 'succeeded',
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 1050,
    });
    const config = loadIngestConfig({ DATABASE_URL: db.url, DEMO_PORTAL_URL: portal.url });
    const backfill = await createRunService(db.dataSource, config).run({
      sourceKey: 'dup-a',
      trigger: 'backfill',
      window: { from: new Date('2024-06-01T00:00:00+08:00'), to: new Date('2025-02-01T00:00:00+08:00') },
    });
    expect(backfill).toMatchObject({
      outcome: 'finished',
      status: 'succeeded',
      rowsInserted: 0,
      rowsUnchanged: 8 * 10 * 3,
    });
    expect(await observationTable(db.dataSource)).toEqual(baseline);
  });
});
