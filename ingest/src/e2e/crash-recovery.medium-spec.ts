import { IngestRunRepository } from '@civicpulse/db';
import { startDemoPortal, type DemoPortal } from '@civicpulse/demo-portal';
import { createTestDatabase, type TestDatabase } from '@civicpulse/testing';
import { loadIngestConfig } from '../config/ingest-config';
import { createRunService } from '../runs/run-service.factory';
import { applyDemoCatalog, insertHealthSource, observationTable } from '../testing/demo-health-source';
import { spawnIngest, until } from '../testing/ingest-process';

/**
 * A real ingest process is killed with SIGKILL in the middle of a run (no chance to clean up),
 * then started again: committed batches stay, the dead run is recorded as failed (interrupted),
 * the restart continues from the saved cursor, and the final table equals an uninterrupted run's.
 */
describe('ingest process killed mid-run', () => {
  let portal: DemoPortal;
  let crashed: TestDatabase;
  let reference: TestDatabase;

  beforeAll(async () => {
    portal = await startDemoPortal({ until: '2025-12-31T00:00:00+08:00', hourlyDays: 1, benchRows: 10 });
    [crashed, reference] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await Promise.all([applyDemoCatalog(crashed.dataSource), applyDemoCatalog(reference.dataSource)]);
  });

  afterAll(async () => {
    await Promise.all([crashed?.drop(), reference?.drop()]);
    await portal?.close();
  });

  it('leaves committed batches, records the dead run as interrupted, and converges on restart', async () => {
    // Slow pages of 20 rows, one batch each: the run takes seconds, so the kill lands mid-run.
    const options = { faults: 'slow=150', pageSize: 20, incremental: true };
    const key = await insertHealthSource(crashed.dataSource, 'crash-test', options);
    await insertHealthSource(reference.dataSource, key, options);
    const env = { DATABASE_URL: crashed.url, DEMO_PORTAL_URL: portal.url, INGEST_BATCH_SIZE: '20' };
    const runs = new IngestRunRepository(crashed.dataSource);

    const first = spawnIngest(['run', key], env);
    await until(async () => ((await runs.listRecent(1, key))[0]?.rowsRead ?? 0) >= 60);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const [dead] = await runs.listRecent(1, key);
    expect(dead?.status).toBe('running');
    const committed = await observationTable(crashed.dataSource);
    expect(committed.length).toBeGreaterThan(0);

    const second = spawnIngest(['run', key], env);
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/closed 1 interrupted run\(s\)/);

    const listed = await runs.listRecent(10, key);
    expect(listed.map((r) => [r.status, r.errorClass])).toEqual([
      ['succeeded', null],
      ['failed', 'interrupted'],
    ]);
    // The restart continued from the saved cursor (minus the manifest's lookback), not from zero.
    expect(listed[0]?.rowsRead).toBeLessThan(350);

    const config = loadIngestConfig({
      DATABASE_URL: reference.url,
      DEMO_PORTAL_URL: portal.url,
      INGEST_BATCH_SIZE: '20',
    });
    const uninterrupted = await createRunService(reference.dataSource, config).run({
      sourceKey: key,
      trigger: 'cli',
    });
    expect(uninterrupted).toMatchObject({ outcome: 'finished', status: 'succeeded' });
    const expected = await observationTable(reference.dataSource);
    expect(expected).toHaveLength(1050);
    expect(await observationTable(crashed.dataSource)).toEqual(expected);
  });
});
