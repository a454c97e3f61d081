import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { writeObservationBatch, type ObservationWriteRow } from '../repositories/observation-writer';

async function rollupPairs(database: ScratchDatabase): Promise<string[]> {
  const rows: Array<{ pair: string }> = await database.dataSource.query(
    `SELECT DISTINCT level || ':' || indicator_id || '/' || region_id AS pair FROM (
       SELECT 'day' AS level, indicator_id, region_id FROM rollup_day
       UNION ALL SELECT 'month', indicator_id, region_id FROM rollup_month
       UNION ALL SELECT 'year', indicator_id, region_id FROM rollup_year) r ORDER BY 1`,
  );
  return rows.map((row) => row.pair);
}

describe('migration RollupWithoutForeignKeys1795591031571', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
  });

  afterAll(async () => {
    await database.drop();
  });

  it('removes the rollups of a deleted indicator or region, as the dropped cascades did', async () => {
    const q = (sql: string): Promise<Array<{ id: number }>> => database.dataSource.query(sql);
    const indicators = [
      (
        await q(`INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
                VALUES ('traffic.a', 'traffic', '甲', 'A', 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`)
      )[0]!.id,
      (
        await q(`INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
                VALUES ('traffic.b', 'traffic', '乙', 'B', 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`)
      )[0]!.id,
    ];
    const regions = [
      (
        await q(
          `INSERT INTO region (code, name_zh, name_en, level) VALUES ('990101', '东', 'E', 'district') RETURNING id`,
        )
      )[0]!.id,
      (
        await q(
          `INSERT INTO region (code, name_zh, name_en, level) VALUES ('990102', '西', 'W', 'district') RETURNING id`,
        )
      )[0]!.id,
    ];
    const rows: ObservationWriteRow[] = indicators.flatMap((indicatorId) =>
      regions.map((regionId) => ({
        indicatorId,
        regionId,
        grain: 'day' as const,
        periodStart: new Date('2025-03-01T00:00:00+08:00'),
        value: 1,
      })),
    );
    await writeObservationBatch(database.dataSource, rows, {
      runId: null,
      sourceId: null,
      timeZone: 'Asia/Shanghai',
    });
    const [a, b] = indicators as [number, number];
    const [east, west] = regions as [number, number];
    expect(await rollupPairs(database)).toHaveLength(12);

    await database.dataSource.query('DELETE FROM indicator WHERE id = $1', [a]);
    await database.dataSource.query('DELETE FROM region WHERE id = $1', [west]);

    expect(await rollupPairs(database)).toEqual([
      `day:${b}/${east}`,
      `month:${b}/${east}`,
      `year:${b}/${east}`,
    ]);
    const observations: unknown[] = await database.dataSource.query('SELECT 1 FROM observation');
    expect(observations).toHaveLength(1);
  });
});
