import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { writeObservationBatch } from '../repositories/observation-writer';

describe('migration ObservationLineageCheckedPerBatch1795591031600', () => {
  let database: ScratchDatabase;
  const ids = { source: 0, otherSource: 0, namedRun: 0, emptyRun: 0 };

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    const q = async (sql: string, params: unknown[] = []): Promise<number> =>
      ((await database.dataSource.query(sql, params)) as Array<{ id: number }>)[0]!.id;
    const indicatorId = await q(
      `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
       VALUES ('traffic.a', 'traffic', '甲', 'A', 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`,
    );
    const regionId = await q(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ('990101', '东', 'E', 'district') RETURNING id`,
    );
    const source = (key: string): Promise<number> =>
      q(
        `INSERT INTO source (key, name_zh, name_en, connector_type, manifest) VALUES ($1, '源', 'Source', 'csv', '{}') RETURNING id`,
        [key],
      );
    ids.source = await source('named');
    ids.otherSource = await source('unnamed');
    const run = (sourceId: number): Promise<number> =>
      q(`INSERT INTO ingest_run (source_id, trigger) VALUES ($1, 'manual') RETURNING id`, [sourceId]);
    ids.namedRun = await run(ids.source);
    ids.emptyRun = await run(ids.source);
    await writeObservationBatch(
      database.dataSource,
      [{ indicatorId, regionId, grain: 'day', periodStart: new Date('2025-03-01T00:00:00+08:00'), value: 1 }],
      { runId: ids.namedRun, sourceId: ids.source, timeZone: 'Asia/Shanghai' },
    );
  });

  afterAll(async () => {
    await database.drop();
  });

  it('refuses to delete a run that observations name, as the dropped foreign key did', async () => {
    await expect(
      database.dataSource.query('DELETE FROM ingest_run WHERE id = $1', [ids.namedRun]),
    ).rejects.toMatchObject({ code: '23503', constraint: 'fk_observation_ingest_run', table: 'observation' });
  });

  it('refuses to delete a source that observations name', async () => {
    // Its runs go first, as an administrator removing the source's history would try.
    await expect(
      database.dataSource.transaction(async (em) => {
        await em.query('DELETE FROM ingest_run WHERE source_id = $1 AND id <> $2', [
          ids.source,
          ids.namedRun,
        ]);
        await em.query('UPDATE observation SET ingest_run_id = NULL WHERE source_id = $1', [ids.source]);
        await em.query('DELETE FROM ingest_run WHERE source_id = $1', [ids.source]);
        await em.query('DELETE FROM source WHERE id = $1', [ids.source]);
      }),
    ).rejects.toMatchObject({ code: '23503', constraint: 'fk_observation_source' });
    const [{ n }] = (await database.dataSource.query('SELECT count(*)::int AS n FROM ingest_run')) as Array<{
      n: number;
    }>;
    expect(n).toBe(2);
  });

  it('deletes a run or source that no observation names', async () => {
    await database.dataSource.query('DELETE FROM ingest_run WHERE id = $1', [ids.emptyRun]);
    await database.dataSource.query('DELETE FROM source WHERE id = $1', [ids.otherSource]);
    const left = (await database.dataSource.query('SELECT id FROM ingest_run ORDER BY id')) as Array<{
      id: number;
    }>;
    expect(left.map((row) => row.id)).toEqual([ids.namedRun]);
  });
});
