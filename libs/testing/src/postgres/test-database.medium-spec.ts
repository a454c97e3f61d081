import { MIGRATIONS, RegionEntity, writeObservationBatch } from '@civicpulse/db';
import {
  DEMO_CITY_CODE,
  DEMO_DISTRICT_CODES,
  DEMO_TIME_ZONE,
  insertDemoRegions,
  insertIndicator,
  insertIngestRun,
  insertSource,
  observationRow,
} from '../factories/reference-data.factory';
import { createTestDatabase, testAdminUrl, type TestDatabase } from './test-database';

describe('createTestDatabase', () => {
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('gives each caller its own migrated database on the harness server', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    databases.push(a, b);
    expect(a.url).not.toBe(b.url);
    expect(new URL(a.url).port).toBe(new URL(testAdminUrl()).port);
    await insertDemoRegions(a.dataSource);
    expect(await a.dataSource.getRepository(RegionEntity).count()).toBe(11);
    expect(await b.dataSource.getRepository(RegionEntity).count()).toBe(0);
    const applied: Array<{ n: number }> = await a.dataSource.query(
      'SELECT count(*)::int AS n FROM schema_migration',
    );
    expect(applied[0]!.n).toBe(MIGRATIONS.length);
  });

  it('drops the database, closing its connections', async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    await database.drop();
    expect(database.dataSource.isInitialized).toBe(false);
    const probe = await createTestDatabase({ migrate: false });
    databases.push(probe);
    expect(await probe.dataSource.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).toEqual([]);
  });

  it('has factories that produce rows the write path accepts', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const regions = await insertDemoRegions(database.dataSource);
    expect([...regions.keys()]).toEqual([DEMO_CITY_CODE, ...DEMO_DISTRICT_CODES]);
    const indicator = await insertIndicator(database.dataSource, {
      code: 'traffic.peak_congestion_delay_index',
    });
    const source = await insertSource(database.dataSource);
    const run = await insertIngestRun(database.dataSource, source.id);
    const result = await writeObservationBatch(
      database.dataSource,
      DEMO_DISTRICT_CODES.map((code, i) =>
        observationRow({ indicatorId: indicator.id, regionId: regions.get(code)!, value: 1.5 + i / 10 }),
      ),
      { runId: run.id, sourceId: source.id, timeZone: DEMO_TIME_ZONE },
    );
    expect(result).toMatchObject({
      inserted: 10,
      updated: 0,
      rollupBuckets: { day: 10, month: 10, year: 10 },
    });
  });
});
