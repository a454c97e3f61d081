import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { writeObservationBatch, type ObservationWriteRow } from './observation-writer';

describe('observation batches through binary COPY', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
  });

  afterAll(async () => {
    await database.drop();
  });

  it('store every value, period and flag exactly as given', async () => {
    const [indicator]: Array<{ id: number }> = await database.dataSource.query(
      `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
       VALUES ('traffic.x', 'traffic', '指标', 'X', 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`,
    );
    const [region]: Array<{ id: number }> = await database.dataSource.query(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ('990101', '东城', 'East', 'district') RETURNING id`,
    );
    const base = { indicatorId: indicator!.id, regionId: region!.id };
    const rows: ObservationWriteRow[] = [
      { ...base, grain: 'instant', periodStart: new Date('1999-12-31T23:59:59.999Z'), value: 0.1 + 0.2 },
      {
        ...base,
        grain: 'hour',
        periodStart: new Date('2025-01-31T23:00:00+08:00'),
        value: -1e-300,
        numerator: 123456789.125,
        denominator: 0,
        quality: 'estimated',
      },
      {
        ...base,
        grain: 'year',
        periodStart: new Date('2038-01-19T03:14:08Z'),
        value: 1.7976931348623157e308,
      },
    ];
    await writeObservationBatch(database.dataSource, rows, {
      runId: null,
      sourceId: null,
      timeZone: 'Asia/Shanghai',
    });
    const stored: Array<Record<string, unknown>> = await database.dataSource.query(
      `SELECT grain, period_start, value, numerator, denominator, quality FROM observation ORDER BY period_start`,
    );
    expect(stored).toEqual(
      rows.map((row) => ({
        grain: row.grain,
        period_start: row.periodStart,
        value: row.value,
        numerator: row.numerator ?? null,
        denominator: row.denominator ?? null,
        quality: row.quality ?? 'ok',
      })),
    );
  });
});
