import { IngestRunRepository } from '@civicpulse/db';
import { startDemoPortal, type DemoPortal } from '@civicpulse/demo-portal';
import { createTestDatabase, type TestDatabase } from '@civicpulse/testing';
import { applyDemoCatalog, insertHealthSource, observationTable } from '../testing/demo-health-source';
import { spawnIngest, until, type IngestProcess } from '../testing/ingest-process';

/**
 * Two worker processes on one database, one scheduled source ticking every three seconds: each
 * tick (and the first run) happens once, runs never overlap, and the table has no duplicates.
 */
describe('two ingest workers on one database', () => {
  let portal: DemoPortal;
  let db: TestDatabase;
  const workers: IngestProcess[] = [];

  beforeAll(async () => {
    portal = await startDemoPortal({ until: '2025-12-31T00:00:00+08:00', hourlyDays: 1, benchRows: 10 });
    db = await createTestDatabase();
    await applyDemoCatalog(db.dataSource);
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await db?.drop();
    await portal?.close();
  });

  it('runs each scheduled tick of a source once', async () => {
    const key = await insertHealthSource(db.dataSource, 'two-workers', {
      schedule: '*/3 * * * * *',
      incremental: true,
    });
    const env = {
      DATABASE_URL: db.url,
      DEMO_PORTAL_URL: portal.url,
      INGEST_HEALTH_PORT: '0',
      SOURCE_REFRESH_SECONDS: '1',
    };
    workers.push(spawnIngest([], env), spawnIngest([], env));
    await Promise.all(workers.map((w) => w.waitFor(/health on http/)));
    const runs = new IngestRunRepository(db.dataSource);
    // The first run plus at least three ticks, all closed.
    await until(async () => {
      const listed = await runs.listRecent(50, key);
      return listed.filter((r) => r.status !== 'running').length >= 4;
    });
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));

    const listed = (await runs.listRecent(100, key)).filter((r) => r.status !== 'running');
    expect(listed.every((r) => r.status === 'succeeded')).toBe(true);
    const keys = listed.map((r) => r.runKey ?? '');
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(`${key}:initial`);
    expect(keys.filter((k) => k.startsWith(`${key}:schedule:`)).length).toBeGreaterThanOrEqual(3);
    // Runs of one source never overlap in time: the advisory lock serialised the two processes.
    const spans = listed
      .map((r) => [r.startedAt?.getTime() ?? 0, r.finishedAt?.getTime() ?? 0] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i += 1) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    // Both processes took part: each tick was also attempted by the other and skipped there.
    const output = workers.map((w) => w.output()).join('\n');
    expect(output).toMatch(/skipped \((locked|duplicate)\)/);
    // One row per (indicator, region, period): 350 rows × 3 indicators, however many runs.
    expect(await observationTable(db.dataSource)).toHaveLength(1050);
  });
});
