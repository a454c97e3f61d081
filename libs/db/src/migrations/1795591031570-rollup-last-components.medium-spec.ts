import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { writeObservationBatch } from '../repositories/observation-writer';
import { RollupLastComponents1795591031570 } from './1795591031570-rollup-last-components';

const LEVELS = ['day', 'month', 'year'] as const;

type Components = Array<{ bucket: string; last_numerator: number | null; last_denominator: number | null }>;

async function components(database: ScratchDatabase, level: (typeof LEVELS)[number]): Promise<Components> {
  return database.dataSource.query(
    `SELECT to_char(bucket, 'YYYY-MM-DD') AS bucket, last_numerator, last_denominator
       FROM rollup_${level} ORDER BY indicator_id, region_id, bucket`,
  );
}

describe('migration RollupLastComponents1795591031570', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
  });

  afterAll(async () => {
    await database.drop();
  });

  it('backfills existing buckets with the components of their newest observation', async () => {
    const [indicator]: Array<{ id: number }> = await database.dataSource.query(
      `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
       VALUES ('health.rate', 'health', '比率', 'Rate', 'ratio', 'higher_is_better', 'last', 'ratio_of_sums', 'day') RETURNING id`,
    );
    const [region]: Array<{ id: number }> = await database.dataSource.query(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ('990101', '东城', 'East', 'district') RETURNING id`,
    );
    const at = (iso: string): Date => new Date(iso);
    const base = { indicatorId: indicator!.id, regionId: region!.id };
    await writeObservationBatch(
      database.dataSource,
      [
        {
          ...base,
          grain: 'hour',
          periodStart: at('2025-01-31T22:00:00+08:00'),
          value: 0.5,
          numerator: 5,
          denominator: 10,
        },
        {
          ...base,
          grain: 'hour',
          periodStart: at('2025-01-31T23:00:00+08:00'),
          value: 0.6,
          numerator: 6,
          denominator: 10,
        },
        {
          ...base,
          grain: 'day',
          periodStart: at('2025-01-31T00:00:00+08:00'),
          value: 0.7,
          numerator: 7,
          denominator: 10,
        },
        {
          ...base,
          grain: 'hour',
          periodStart: at('2025-02-01T00:00:00+08:00'),
          value: 0.8,
          numerator: 8,
          denominator: null,
        },
        // Same instant as the February hour: the coarser month grain is the newest at month level.
        {
          ...base,
          grain: 'month',
          periodStart: at('2025-02-01T00:00:00+08:00'),
          value: 0.9,
          numerator: 9,
          denominator: 10,
        },
      ],
      { runId: null, sourceId: null, timeZone: 'Asia/Shanghai' },
    );
    const written = await Promise.all(LEVELS.map((level) => components(database, level)));
    expect(written[1]).toEqual([
      { bucket: '2025-01-01', last_numerator: 6, last_denominator: 10 },
      { bucket: '2025-02-01', last_numerator: 9, last_denominator: 10 },
    ]);

    const runner = database.dataSource.createQueryRunner();
    try {
      const migration = new RollupLastComponents1795591031570();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const backfilled = await Promise.all(LEVELS.map((level) => components(database, level)));
    expect(backfilled).toEqual(written);
  });
});
