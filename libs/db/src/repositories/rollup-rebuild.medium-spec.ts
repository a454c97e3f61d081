import type { Grain } from '@civicpulse/domain';
import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { prng } from '../test-support/prng';
import { testAdminUrl } from '../test-support/test-admin-url';
import { writeObservationBatch, type ObservationWriteRow } from './observation-writer';
import type { RollupLevel } from './rollup-maintenance';
import { rebuildAllRollups } from './rollup-rebuild';

interface Fixture {
  indicators: number[];
  regions: number[];
  sourceId: number;
  runId: number;
}

async function seed(database: ScratchDatabase): Promise<Fixture> {
  const q = (sql: string, params: unknown[] = []): Promise<Array<{ id: number }>> =>
    database.dataSource.query(sql, params);
  const indicators: number[] = [];
  for (const code of ['traffic.a', 'health.b', 'education.c']) {
    const [row] = await q(
      `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
       VALUES ($1, 'traffic', '指标', 'Indicator', 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`,
      [code],
    );
    indicators.push(row!.id);
  }
  const regions: number[] = [];
  for (const code of ['990101', '990102']) {
    const [row] = await q(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ($1::text, $1::text, $1::text, 'district') RETURNING id`,
      [code],
    );
    regions.push(row!.id);
  }
  const [source] = await q(
    `INSERT INTO source (key, name_zh, name_en, connector_type, manifest) VALUES ('s', '源', 'Source', 'csv-file', '{}') RETURNING id`,
  );
  const [run] = await q(`INSERT INTO ingest_run (source_id, trigger) VALUES ($1, 'manual') RETURNING id`, [
    source!.id,
  ]);
  return { indicators, regions, sourceId: source!.id, runId: run!.id };
}

interface RollupSnapshotRow {
  indicator_id: number;
  region_id: number;
  bucket: string;
  count: number;
  sum: number;
  min: number;
  max: number;
  last_value: number;
  last_at: Date;
  numerator_sum: number | null;
  denominator_sum: number | null;
  last_numerator: number | null;
  last_denominator: number | null;
}

const LEVELS: RollupLevel[] = ['day', 'month', 'year'];
const GRAINS: Grain[] = ['instant', 'hour', 'day', 'month', 'quarter', 'year'];

async function snapshot(database: ScratchDatabase, level: RollupLevel): Promise<RollupSnapshotRow[]> {
  return database.dataSource.query(
    `SELECT indicator_id, region_id, to_char(bucket, 'YYYY-MM-DD') AS bucket, count, sum, min, max,
            last_value, last_at, numerator_sum, denominator_sum, last_numerator, last_denominator
       FROM rollup_${level} ORDER BY 1, 2, 3`,
  );
}

/** Sums may differ in the last bits (different addition order); everything else must be equal. */
function expectSameRollups(actual: RollupSnapshotRow[], expected: RollupSnapshotRow[]): void {
  const key = (row: RollupSnapshotRow): string => `${row.indicator_id}/${row.region_id}/${row.bucket}`;
  expect(actual.map(key)).toEqual(expected.map(key));
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect({ ...row, sum: 0, numerator_sum: 0, denominator_sum: 0 }).toEqual({
      ...want,
      sum: 0,
      numerator_sum: 0,
      denominator_sum: 0,
    });
    expect(row.sum).toBeCloseTo(want.sum, 6);
    for (const column of ['numerator_sum', 'denominator_sum'] as const) {
      const [a, b] = [row[column], want[column]];
      if (a === null || b === null) expect(a).toBe(b);
      else expect(a).toBeCloseTo(b, 6);
    }
  });
}

/**
 * Rows clustered around local month and year ends (23:30 local, quarter-hour steps), every grain,
 * so buckets straddle boundaries, same-instant ties across grains occur, and some rows carry a
 * ratio while others do not.
 */
function randomBatch(random: () => number, fixture: Fixture, size: number): ObservationWriteRow[] {
  const anchors = ['2024-12-31T23:30:00+08:00', '2025-01-31T23:30:00+08:00', '2025-06-30T23:30:00+08:00'].map(
    (t) => Date.parse(t),
  );
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const rows: ObservationWriteRow[] = [];
  for (let i = 0; i < size; i += 1) {
    const withRatio = random() < 0.4;
    const denominator = withRatio ? 50 + Math.floor(random() * 100) : null;
    rows.push({
      indicatorId: pick(fixture.indicators),
      regionId: pick(fixture.regions),
      grain: pick(GRAINS),
      periodStart: new Date(pick(anchors) + (Math.floor(random() * 49) - 24) * 15 * 60_000),
      value: Math.round(random() * 10_000) / 100,
      numerator: denominator === null ? null : Math.floor(random() * denominator),
      denominator,
      quality: 'ok',
    });
  }
  return rows;
}

describe('rebuildAllRollups', () => {
  let database: ScratchDatabase;
  let fixture: Fixture;

  beforeEach(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    fixture = await seed(database);
  });

  afterEach(async () => {
    await database.drop();
  });

  it.each(['Asia/Shanghai', 'America/New_York'])(
    'rebuilds exactly what the incremental write path maintained (%s)',
    async (timeZone) => {
      const random = prng(timeZone.length * 7919);
      for (let batch = 0; batch < 4; batch += 1) {
        await writeObservationBatch(database.dataSource, randomBatch(random, fixture, 500), {
          runId: fixture.runId,
          sourceId: fixture.sourceId,
          timeZone,
        });
      }
      const incremental = new Map<RollupLevel, RollupSnapshotRow[]>();
      for (const level of LEVELS) incremental.set(level, await snapshot(database, level));
      expect(incremental.get('year')!.length).toBeGreaterThan(0);

      // Damage the rollups so the rebuild has to recompute rather than keep what is there.
      await database.dataSource.query(
        'UPDATE rollup_month SET sum = sum + 1, last_value = -1, last_numerator = -1, last_denominator = NULL',
      );
      await database.dataSource.query(
        'DELETE FROM rollup_day WHERE bucket = (SELECT min(bucket) FROM rollup_day)',
      );

      const rebuilt = await rebuildAllRollups(database.dataSource, timeZone);

      for (const level of LEVELS) {
        const rows = await snapshot(database, level);
        expect(rebuilt[level]).toBe(rows.length);
        expectSameRollups(rows, incremental.get(level)!);
      }
    },
  );

  it("keeps the newest observation's numerator and denominator through re-ingests that change it", async () => {
    const timeZone = 'Asia/Shanghai';
    const [indicatorId, regionId] = [fixture.indicators[0]!, fixture.regions[0]!];
    const row = (
      at: string,
      grain: Grain,
      value: number,
      numerator: number | null,
      denominator: number | null,
    ): ObservationWriteRow => ({
      indicatorId,
      regionId,
      grain,
      periodStart: new Date(at),
      value,
      numerator,
      denominator,
    });
    const write = (rows: ObservationWriteRow[]): Promise<unknown> =>
      writeObservationBatch(database.dataSource, rows, {
        runId: fixture.runId,
        sourceId: fixture.sourceId,
        timeZone,
      });
    const newest = async (level: RollupLevel): Promise<Array<[string, number | null, number | null]>> =>
      (await snapshot(database, level))
        .filter((r) => r.indicator_id === indicatorId && r.region_id === regionId)
        .map((r) => [r.bucket, r.last_numerator, r.last_denominator]);
    const expectRebuildAgrees = async (): Promise<void> => {
      const incremental = await Promise.all(LEVELS.map((level) => snapshot(database, level)));
      await rebuildAllRollups(database.dataSource, timeZone);
      for (const [i, level] of LEVELS.entries()) {
        expectSameRollups(await snapshot(database, level), incremental[i]!);
      }
    };

    await write([
      row('2025-01-10T08:00:00+08:00', 'hour', 0.5, 50, 100),
      row('2025-01-31T23:00:00+08:00', 'hour', 0.25, 30, 120),
      row('2025-02-01T00:00:00+08:00', 'day', 0.2, 20, 100),
    ]);
    expect(await newest('month')).toEqual([
      ['2025-01-01', 30, 120],
      ['2025-02-01', 20, 100],
    ]);
    expect(await newest('year')).toEqual([['2025-01-01', 20, 100]]);
    await expectRebuildAgrees();

    // The newest row of January changes its components (and one of them goes missing).
    await write([row('2025-01-31T23:00:00+08:00', 'hour', 0.3, 36, null)]);
    expect(await newest('month')).toEqual([
      ['2025-01-01', 36, null],
      ['2025-02-01', 20, 100],
    ]);
    await expectRebuildAgrees();

    // A newer row arrives in February; then a coarser grain at the same instant takes precedence.
    await write([row('2025-02-03T00:00:00+08:00', 'hour', 0.4, 4, 10)]);
    expect(await newest('year')).toEqual([['2025-01-01', 4, 10]]);
    await write([row('2025-02-03T00:00:00+08:00', 'day', 0.5, 5, 10)]);
    expect(await newest('day')).toEqual([
      ['2025-01-10', 50, 100],
      ['2025-01-31', 36, null],
      ['2025-02-01', 20, 100],
      ['2025-02-03', 5, 10],
    ]);
    expect(await newest('year')).toEqual([['2025-01-01', 5, 10]]);
    await write([row('2025-02-01T00:00:00+08:00', 'month', 0.6, 6, 12)]);
    expect(await newest('month')).toEqual([
      ['2025-01-01', 36, null],
      ['2025-02-01', 5, 10],
    ]);
    await expectRebuildAgrees();
  });

  it('leaves the rollups empty when there are no observations', async () => {
    await database.dataSource.query(
      `INSERT INTO rollup_day (indicator_id, region_id, bucket, count, sum, min, max, last_value, last_at)
       VALUES ($1, $2, '2025-01-01', 1, 1, 1, 1, 1, now())`,
      [fixture.indicators[0], fixture.regions[0]],
    );
    await expect(rebuildAllRollups(database.dataSource, 'Asia/Shanghai')).resolves.toEqual({
      day: 0,
      month: 0,
      year: 0,
    });
  });
});
