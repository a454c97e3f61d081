import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { ObservationSeriesRepository, type ObservationSeriesRow } from './observation-series.repository';
import { writeObservationBatch, type ObservationWriteRow } from './observation-writer';
import { ReferenceLookupRepository } from './reference-lookup.repository';
import { InvalidRollupQueryError, RollupReadRepository } from './rollup-read.repository';

const TZ = 'Asia/Shanghai';

describe('read repositories', () => {
  let database: ScratchDatabase;
  let ids: { congestion: number; beds: number; east: number; west: number };

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    const q = (sql: string, params: unknown[] = []): Promise<Array<{ id: number }>> =>
      database.dataSource.query(sql, params);
    const indicator = async (code: string) =>
      (
        await q(
          `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
           VALUES ($1::text, 'traffic', $1::text, $1::text, 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`,
          [code],
        )
      )[0]!.id;
    const region = async (code: string, nameZh: string, aliases: string[]) =>
      (
        await q(
          `INSERT INTO region (code, name_zh, name_en, level, aliases) VALUES ($1, $2, $3, 'district', $4) RETURNING id`,
          [code, nameZh, `${code} en`, aliases],
        )
      )[0]!.id;
    ids = {
      congestion: await indicator('traffic.peak_congestion_delay_index'),
      beds: await indicator('health.beds_per_1000'),
      east: await region('990101', '东城区', ['Dongcheng', '东城']),
      west: await region('990102', '西城区', []),
    };
    const rows: ObservationWriteRow[] = [];
    // Hourly congestion in both districts for 2025-01-30 … 2025-02-01 local (72 hours each).
    for (const regionId of [ids.east, ids.west]) {
      for (let h = 0; h < 72; h += 1) {
        rows.push({
          indicatorId: ids.congestion,
          regionId,
          grain: 'hour',
          periodStart: new Date(Date.parse('2025-01-30T00:00:00+08:00') + h * 3_600_000),
          value: 1 + (h % 24) / 100 + (regionId === ids.west ? 0.5 : 0),
        });
      }
    }
    // Yearly beds (stock) with numerator/denominator.
    rows.push({
      indicatorId: ids.beds,
      regionId: ids.east,
      grain: 'year',
      periodStart: new Date('2024-01-01T00:00:00+08:00'),
      value: 6.5,
      numerator: 6500,
      denominator: 1000,
    });
    await writeObservationBatch(database.dataSource, rows, { runId: null, sourceId: null, timeZone: TZ });
  });

  afterAll(async () => {
    await database.drop();
  });

  it('resolves codes, names and aliases to ids, leaving unknown ones out', async () => {
    const lookup = new ReferenceLookupRepository(database.dataSource);
    const indicators = await lookup.findIndicatorIdsByCode([
      'traffic.peak_congestion_delay_index',
      'nope',
      'nope',
    ]);
    expect([...indicators]).toEqual([['traffic.peak_congestion_delay_index', ids.congestion]]);
    expect([...(await lookup.findRegionIdsByCode(['990102', '990199']))]).toEqual([['990102', ids.west]]);
    const byName = await lookup.findRegionIdsByName();
    expect(byName.get('东城')).toBe(ids.east);
    expect(byName.get('Dongcheng')).toBe(ids.east);
    expect(byName.get('西城区')).toBe(ids.west);
    expect(byName.get('990101')).toBe(ids.east);
  });

  it('reads day rollups for a bucket range, per indicator × region, in order', async () => {
    const repository = new RollupReadRepository(database.dataSource);
    const rows = await repository.findRollups({
      level: 'day',
      indicatorIds: [ids.congestion],
      regionIds: [ids.east],
      fromBucket: '2025-01-31',
      toBucket: '2025-02-01',
    });
    expect(rows.map((row) => [row.bucket, row.cell.count])).toEqual([
      ['2025-01-31', 24],
      ['2025-02-01', 24],
    ]);
    expect(rows[0]!.cell.min).toBeCloseTo(1);
    expect(rows[0]!.cell.max).toBeCloseTo(1.23);
    expect(rows[0]!.cell.last).toBeCloseTo(1.23);
    expect(rows[0]!.cell.lastAt).toEqual(new Date('2025-01-31T23:00:00+08:00'));
  });

  it('truncates month ranges and returns every requested pair, numerator sums included', async () => {
    const repository = new RollupReadRepository(database.dataSource);
    const months = await repository.findRollups({
      level: 'month',
      indicatorIds: [ids.congestion, ids.beds],
      regionIds: [ids.east, ids.west],
      fromBucket: '2025-01-15',
      toBucket: '2025-02-10',
    });
    expect(months.map((row) => [row.indicatorId, row.regionId, row.bucket, row.cell.count])).toEqual([
      [ids.congestion, ids.east, '2025-01-01', 48],
      [ids.congestion, ids.east, '2025-02-01', 24],
      [ids.congestion, ids.west, '2025-01-01', 48],
      [ids.congestion, ids.west, '2025-02-01', 24],
    ]);
    const years = await repository.findRollups({
      level: 'year',
      indicatorIds: [ids.beds],
      regionIds: [ids.east],
      fromBucket: '2024-06-30',
      toBucket: '2024-06-30',
    });
    expect(years).toEqual([
      {
        indicatorId: ids.beds,
        regionId: ids.east,
        bucket: '2024-01-01',
        cell: {
          count: 1,
          sum: 6.5,
          min: 6.5,
          max: 6.5,
          last: 6.5,
          lastAt: new Date('2024-01-01T00:00:00+08:00'),
          numeratorSum: 6500,
          denominatorSum: 1000,
        },
        lastNumerator: 6500,
        lastDenominator: 1000,
      },
    ]);
    await expect(
      repository.findRollups({
        level: 'day',
        indicatorIds: [1],
        regionIds: [1],
        fromBucket: '2025/01/01',
        toBucket: '2025-01-02',
      }),
    ).rejects.toThrow(InvalidRollupQueryError);
  });

  it('gives the latest period start per indicator without scanning observations', async () => {
    const repository = new RollupReadRepository(database.dataSource);
    expect(await repository.findLatestObservationTimes([ids.congestion, ids.beds, 424242])).toEqual([
      { indicatorId: ids.congestion, lastPeriodStart: new Date('2025-02-01T23:00:00+08:00') },
      { indicatorId: ids.beds, lastPeriodStart: new Date('2024-01-01T00:00:00+08:00') },
    ]);
  });

  it('pages an observation series with a keyset cursor, without gaps or repeats', async () => {
    const repository = new ObservationSeriesRepository(database.dataSource);
    const query = {
      indicatorId: ids.congestion,
      regionIds: [ids.east, ids.west],
      from: new Date('2025-01-31T00:00:00+08:00'),
      to: new Date('2025-02-01T00:00:00+08:00'),
      limit: 10,
    };
    const all: ObservationSeriesRow[] = [];
    let page = await repository.findObservationSeries(query);
    while (page.length > 0) {
      all.push(...page);
      const last = page[page.length - 1]!;
      page = await repository.findObservationSeries({
        ...query,
        after: { regionId: last.regionId, grain: last.grain, periodStart: last.periodStart },
      });
    }
    expect(all).toHaveLength(48);
    expect(all.slice(0, 24).every((row) => row.regionId === ids.east)).toBe(true);
    expect(new Set(all.map((row) => `${row.regionId}/${row.periodStart.toISOString()}`)).size).toBe(48);
    expect(all[0]).toMatchObject({
      grain: 'hour',
      quality: 'ok',
      periodStart: new Date('2025-01-31T00:00:00+08:00'),
    });
  });
});
