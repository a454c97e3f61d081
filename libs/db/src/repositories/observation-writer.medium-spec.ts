import type { Grain } from '@civicpulse/domain';
import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { prng } from '../test-support/prng';
import { testAdminUrl } from '../test-support/test-admin-url';
import {
  CursorWithoutSourceError,
  InvalidObservationRowError,
  LineageNotFoundError,
  writeObservationBatch,
  type ObservationWriteRow,
} from './observation-writer';
import { ROLLUP_GRAINS, type RollupLevel } from './rollup-maintenance';

const TZ = 'Asia/Shanghai';

interface Fixture {
  indicators: number[];
  regions: number[];
  sourceId: number;
  runIds: number[];
}

async function seed(database: ScratchDatabase): Promise<Fixture> {
  const q = (sql: string, params: unknown[] = []): Promise<Array<{ id: number }>> =>
    database.dataSource.query(sql, params);
  const indicators: number[] = [];
  for (const code of ['traffic.a', 'health.b']) {
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
  const runIds: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const [run] = await q(`INSERT INTO ingest_run (source_id, trigger) VALUES ($1, 'manual') RETURNING id`, [
      source!.id,
    ]);
    runIds.push(run!.id);
  }
  return { indicators, regions, sourceId: source!.id, runIds };
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
}

const SELECT_ROLLUP = `SELECT indicator_id, region_id, to_char(bucket, 'YYYY-MM-DD') AS bucket, count, sum, min, max,
  last_value, last_at, numerator_sum, denominator_sum FROM %TABLE% ORDER BY 1, 2, 3`;

/** The reference: a plain GROUP BY over every observation, converting each row's time zone. */
const RAW_GROUP_BY = `SELECT indicator_id, region_id,
  to_char(date_trunc($2, period_start AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS bucket,
  count(*)::int AS count, sum(value) AS sum, min(value) AS min, max(value) AS max,
  (array_agg(value ORDER BY period_start DESC,
     array_position(ARRAY['instant','hour','day','month','quarter','year']::varchar[], grain) DESC))[1] AS last_value,
  max(period_start) AS last_at,
  sum(numerator) FILTER (WHERE numerator IS NOT NULL AND denominator IS NOT NULL) AS numerator_sum,
  sum(denominator) FILTER (WHERE numerator IS NOT NULL AND denominator IS NOT NULL) AS denominator_sum
FROM observation WHERE grain = ANY($3::text[]) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

async function rollups(database: ScratchDatabase, level: RollupLevel): Promise<RollupSnapshotRow[]> {
  return database.dataSource.query(SELECT_ROLLUP.replace('%TABLE%', `rollup_${level}`));
}

async function rawGroupBy(database: ScratchDatabase, level: RollupLevel): Promise<RollupSnapshotRow[]> {
  return database.dataSource.query(RAW_GROUP_BY, [TZ, level, ROLLUP_GRAINS[level]]);
}

/** Sums may differ in the last bits (different addition order); everything else must be equal. */
function expectSameRollups(actual: RollupSnapshotRow[], expected: RollupSnapshotRow[]): void {
  expect(actual.map((row) => `${row.indicator_id}/${row.region_id}/${row.bucket}`)).toEqual(
    expected.map((row) => `${row.indicator_id}/${row.region_id}/${row.bucket}`),
  );
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect({ ...row, sum: 0, numerator_sum: 0, denominator_sum: 0 }).toEqual({
      ...want,
      sum: 0,
      numerator_sum: 0,
      denominator_sum: 0,
    });
    expect(row.sum).toBeCloseTo(want.sum, 6);
    for (const key of ['numerator_sum', 'denominator_sum'] as const) {
      const [a, b] = [row[key], want[key]];
      if (a === null || b === null) expect(a).toBe(b);
      else expect(a).toBeCloseTo(b, 6);
    }
  });
}

const GRAIN_CHOICES: Grain[] = ['instant', 'hour', 'day', 'month', 'quarter', 'year'];

/**
 * Random rows clustered around two boundaries: New Year (year and month change) and the end of
 * January, both at 23:30 local time (15:30 UTC, the same UTC day as the local day).
 */
function randomBatch(random: () => number, fixture: Fixture, size: number): ObservationWriteRow[] {
  const anchors = [Date.parse('2024-12-31T23:30:00+08:00'), Date.parse('2025-01-31T23:30:00+08:00')];
  const rows: ObservationWriteRow[] = [];
  for (let i = 0; i < size; i += 1) {
    const anchor = anchors[Math.floor(random() * anchors.length)]!;
    // Quarter-hour steps within ±3 hours of the anchor keep keys overlapping across batches.
    const offsetMinutes = (Math.floor(random() * 25) - 12) * 15;
    const withRatio = random() < 0.4;
    const denominator = withRatio ? 50 + Math.floor(random() * 100) : null;
    rows.push({
      indicatorId: fixture.indicators[Math.floor(random() * fixture.indicators.length)]!,
      regionId: fixture.regions[Math.floor(random() * fixture.regions.length)]!,
      grain: GRAIN_CHOICES[Math.floor(random() * GRAIN_CHOICES.length)]!,
      periodStart: new Date(anchor + offsetMinutes * 60_000),
      value: Math.round(random() * 10_000) / 100,
      numerator: denominator === null ? null : Math.floor(random() * denominator),
      denominator,
      quality: random() < 0.9 ? 'ok' : 'estimated',
    });
  }
  return rows;
}

// Every behaviour holds whether a batch is one transaction or split by series across parallel
// transactions (two connections: the fixture's four series in two shards).
describe.each([1, 2])('writeObservationBatch on %i connection(s)', (connections) => {
  let database: ScratchDatabase;
  let fixture: Fixture;

  beforeEach(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    fixture = await seed(database);
  });

  afterEach(async () => {
    await database.drop();
  });

  const options = (runIndex = 0) => ({
    runId: fixture.runIds[runIndex]!,
    sourceId: fixture.sourceId,
    timeZone: TZ,
    connections,
  });

  it('files 2025-01-31T23:30+08:00 under January 31 and January, and 2024-12-31T23:30+08:00 under 2024', async () => {
    const [indicatorId, regionId] = [fixture.indicators[0]!, fixture.regions[0]!];
    const result = await writeObservationBatch(
      database.dataSource,
      [
        {
          indicatorId,
          regionId,
          grain: 'instant',
          periodStart: new Date('2025-01-31T23:30:00+08:00'),
          value: 4,
        },
        {
          indicatorId,
          regionId,
          grain: 'instant',
          periodStart: new Date('2024-12-31T23:30:00+08:00'),
          value: 2,
        },
      ],
      options(),
    );
    expect(result).toEqual({
      received: 2,
      duplicatesInBatch: 0,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rollupBuckets: { day: 2, month: 2, year: 2 },
    });
    expect((await rollups(database, 'day')).map((row) => [row.bucket, row.sum])).toEqual([
      ['2024-12-31', 2],
      ['2025-01-31', 4],
    ]);
    expect((await rollups(database, 'month')).map((row) => [row.bucket, row.sum])).toEqual([
      ['2024-12-01', 2],
      ['2025-01-01', 4],
    ]);
    expect((await rollups(database, 'year')).map((row) => [row.bucket, row.sum])).toEqual([
      ['2024-01-01', 2],
      ['2025-01-01', 4],
    ]);
  });

  it('keeps rollups equal to a raw GROUP BY after several overlapping random batches', async () => {
    const random = prng(20250131);
    let inserted = 0;
    for (let batch = 0; batch < 6; batch += 1) {
      const result = await writeObservationBatch(
        database.dataSource,
        randomBatch(random, fixture, 400),
        options(batch),
      );
      expect(result.inserted + result.updated + result.unchanged + result.duplicatesInBatch).toBe(400);
      inserted += result.inserted;
    }
    const [{ n }] = (await database.dataSource.query('SELECT count(*)::int AS n FROM observation')) as Array<{
      n: number;
    }>;
    expect(n).toBe(inserted);
    for (const level of ['day', 'month', 'year'] as const) {
      const actual = await rollups(database, level);
      expect(actual.length).toBeGreaterThan(4);
      expectSameRollups(actual, await rawGroupBy(database, level));
    }
  });

  it('recomputes a bucket from every grain stored for the pair, also grains the batch does not carry', async () => {
    // Each level probes only the grains a pair has stored at all; a later batch with other grains
    // must still see the earlier ones (and the earlier ones must not be dropped when absent).
    const [indicatorId, regionId] = [fixture.indicators[0]!, fixture.regions[0]!];
    const row = (grain: Grain, iso: string, value: number): ObservationWriteRow => ({
      indicatorId,
      regionId,
      grain,
      periodStart: new Date(iso),
      value,
    });
    await writeObservationBatch(
      database.dataSource,
      [row('month', '2025-03-01T00:00:00+08:00', 100), row('quarter', '2025-01-01T00:00:00+08:00', 1000)],
      options(0),
    );
    await writeObservationBatch(
      database.dataSource,
      [row('hour', '2025-03-10T08:00:00+08:00', 7)],
      options(1),
    );
    await writeObservationBatch(
      database.dataSource,
      [row('day', '2025-03-10T00:00:00+08:00', 3)],
      options(2),
    );
    const second = await writeObservationBatch(
      database.dataSource,
      [row('day', '2025-03-10T00:00:00+08:00', 5)],
      options(3),
    );
    expect(second).toMatchObject({ updated: 1, rollupBuckets: { day: 1, month: 1, year: 1 } });
    expect((await rollups(database, 'day')).map((r) => [r.bucket, r.count, r.sum, r.last_value])).toEqual([
      ['2025-03-10', 2, 12, 7],
    ]);
    expect((await rollups(database, 'month')).map((r) => [r.bucket, r.count, r.sum])).toEqual([
      ['2025-03-01', 3, 112],
    ]);
    expect((await rollups(database, 'year')).map((r) => [r.bucket, r.count, r.sum])).toEqual([
      ['2025-01-01', 4, 1112],
    ]);
    for (const level of ['day', 'month', 'year'] as const) {
      expectSameRollups(await rollups(database, level), await rawGroupBy(database, level));
    }
  });

  it('keeps rollups exact when batches with different keys in the same buckets commit concurrently', async () => {
    // Disjoint keys (no row conflict to serialise the two merges) but shared buckets: without the
    // per-(indicator, region) lock each transaction would recompute a bucket without the other's rows.
    const random = prng(7);
    for (let round = 0; round < 4; round += 1) {
      const rows = randomBatch(random, fixture, 600);
      const even = rows.filter((row) => (row.periodStart.getTime() / 900_000) % 2 === 0);
      const odd = rows.filter((row) => (row.periodStart.getTime() / 900_000) % 2 !== 0);
      await Promise.all([
        writeObservationBatch(database.dataSource, even, options(0)),
        writeObservationBatch(database.dataSource, odd, options(1)),
      ]);
    }
    for (const level of ['day', 'month', 'year'] as const) {
      expectSameRollups(await rollups(database, level), await rawGroupBy(database, level));
    }
  });

  it('is idempotent: re-running a batch changes no row, lineage or rollup and says so', async () => {
    const batch = randomBatch(prng(42), fixture, 300);
    const first = await writeObservationBatch(database.dataSource, batch, options(0));
    const snapshot = async () => ({
      observations: await database.dataSource.query(
        'SELECT *, xmin::text AS version FROM observation ORDER BY indicator_id, region_id, grain, period_start',
      ),
      day: await rollups(database, 'day'),
      month: await rollups(database, 'month'),
      year: await rollups(database, 'year'),
    });
    const before = await snapshot();
    const again = await writeObservationBatch(database.dataSource, batch, options(1));
    expect(again).toEqual({
      received: 300,
      duplicatesInBatch: first.duplicatesInBatch,
      inserted: 0,
      updated: 0,
      unchanged: first.inserted,
      rollupBuckets: { day: 0, month: 0, year: 0 },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('counts updates truthfully, records the updating run and lets the last duplicate in a batch win', async () => {
    const [indicatorId, regionId] = [fixture.indicators[0]!, fixture.regions[0]!];
    const day = (d: number) => new Date(`2025-03-${String(d).padStart(2, '0')}T00:00:00+08:00`);
    const rows = [1, 2, 3, 4].map((d) => ({
      indicatorId,
      regionId,
      grain: 'day' as const,
      periodStart: day(d),
      value: d,
    }));
    await writeObservationBatch(database.dataSource, rows, options(0));

    const second = await writeObservationBatch(
      database.dataSource,
      [
        { ...rows[0]!, value: 10 }, // changed
        { ...rows[1]!, quality: 'estimated' }, // changed (quality only)
        rows[2]!, // unchanged
        { ...rows[3]!, value: 99 }, // superseded by the next row of the same key
        { ...rows[3]!, value: 40 }, // changed
        { indicatorId, regionId, grain: 'day', periodStart: day(5), value: 5 }, // new
      ],
      options(1),
    );
    expect(second).toMatchObject({
      received: 6,
      duplicatesInBatch: 1,
      inserted: 1,
      updated: 3,
      unchanged: 1,
    });
    const stored: Array<{ value: number; ingest_run_id: number }> = await database.dataSource.query(
      'SELECT value, ingest_run_id FROM observation ORDER BY period_start',
    );
    expect(stored).toEqual([
      { value: 10, ingest_run_id: fixture.runIds[1] },
      { value: 2, ingest_run_id: fixture.runIds[1] },
      { value: 3, ingest_run_id: fixture.runIds[0] },
      { value: 40, ingest_run_id: fixture.runIds[1] },
      { value: 5, ingest_run_id: fixture.runIds[1] },
    ]);
    const [march] = await rollups(database, 'month');
    expect(march).toMatchObject({ bucket: '2025-03-01', count: 5, sum: 60, min: 2, max: 40, last_value: 5 });
  });

  it('counts a batch without repeated keys (merged without de-duplication) the same way', async () => {
    const rows = fixture.indicators.flatMap((indicatorId) =>
      fixture.regions.map((regionId, i) => ({
        indicatorId,
        regionId,
        grain: 'day' as const,
        periodStart: new Date('2025-06-01T00:00:00+08:00'),
        value: i,
      })),
    );
    await writeObservationBatch(database.dataSource, rows, options(0));
    const [changed, same, ...others] = rows;
    const second = await writeObservationBatch(
      database.dataSource,
      [
        { ...changed!, value: 50 },
        same!,
        { ...others[0]!, periodStart: new Date('2025-06-02T00:00:00+08:00') },
      ],
      options(1),
    );
    expect(second).toMatchObject({
      received: 3,
      duplicatesInBatch: 0,
      inserted: 1,
      updated: 1,
      unchanged: 1,
    });
    for (const level of ['day', 'month', 'year'] as const) {
      expectSameRollups(await rollups(database, level), await rawGroupBy(database, level));
    }
  });

  it("appends rows after a series' newest observation and merges older ones, backfill included", async () => {
    const [indicatorId, regionId] = [fixture.indicators[0]!, fixture.regions[1]!];
    const day = (d: number, value: number): ObservationWriteRow => ({
      indicatorId,
      regionId,
      grain: 'day',
      periodStart: new Date(`2025-07-${String(d).padStart(2, '0')}T00:00:00+08:00`),
      value,
    });
    await writeObservationBatch(database.dataSource, [day(10, 1), day(12, 2), day(20, 3)], options(0));
    // Older than the newest stored (20th): a gap filled (11th), a value changed (12th), one the same
    // (10th); newer: 21st and 25th. Another series in the same batch has nothing stored.
    const second = await writeObservationBatch(
      database.dataSource,
      [
        day(11, 9),
        day(12, 5),
        day(10, 1),
        day(21, 4),
        day(25, 6),
        { ...day(1, 7), regionId: fixture.regions[0]! },
      ],
      options(1),
    );
    expect(second).toMatchObject({ inserted: 4, updated: 1, unchanged: 1, duplicatesInBatch: 0 });
    const stored: Array<{ d: string; value: number }> = await database.dataSource.query(
      `SELECT to_char(period_start AT TIME ZONE 'Asia/Shanghai', 'DD') AS d, value FROM observation
        WHERE region_id = $1 ORDER BY period_start`,
      [regionId],
    );
    expect(stored).toEqual([
      { d: '10', value: 1 },
      { d: '11', value: 9 },
      { d: '12', value: 5 },
      { d: '20', value: 3 },
      { d: '21', value: 4 },
      { d: '25', value: 6 },
    ]);
    for (const level of ['day', 'month', 'year'] as const) {
      expectSameRollups(await rollups(database, level), await rawGroupBy(database, level));
    }
  });

  it('fails a batch rather than write a duplicate when the rollups lag the observations', async () => {
    const row = {
      indicatorId: fixture.indicators[1]!,
      regionId: fixture.regions[0]!,
      grain: 'day' as const,
      periodStart: new Date('2025-08-01T00:00:00+08:00'),
      value: 1,
    };
    await writeObservationBatch(database.dataSource, [row], options(0));
    await database.dataSource.query('DELETE FROM rollup_year');
    await expect(
      writeObservationBatch(database.dataSource, [{ ...row, value: 2 }], options(1)),
    ).rejects.toThrow(/pk_observation/);
    expect(await database.dataSource.query('SELECT value FROM observation')).toEqual([{ value: 1 }]);
  });

  it('saves the cursor with the batch, and keeps neither rows nor cursor when the batch fails', async () => {
    const [indicatorId, regionId] = [fixture.indicators[0]!, fixture.regions[0]!];
    const row = {
      indicatorId,
      regionId,
      grain: 'day' as const,
      periodStart: new Date('2025-05-01T00:00:00+08:00'),
      value: 1,
    };
    await writeObservationBatch(database.dataSource, [row], {
      ...options(),
      cursor: { stream: 'main', value: { page: 3 } },
    });
    const cursor = () => database.dataSource.query('SELECT stream, cursor FROM source_state');
    expect(await cursor()).toEqual([{ stream: 'main', cursor: { page: 3 } }]);

    const unknownIndicator = {
      ...row,
      indicatorId: 999_999,
      periodStart: new Date('2025-05-02T00:00:00+08:00'),
    };
    // Valid rows of every series, and one naming an unknown indicator: with two connections the
    // valid series are merged by the other shard, which must roll back too.
    const otherSeries = fixture.indicators.flatMap((other) =>
      fixture.regions.map((region) => ({ ...row, indicatorId: other, regionId: region, value: 7 })),
    );
    await expect(
      writeObservationBatch(database.dataSource, [{ ...row, value: 2 }, ...otherSeries, unknownIndicator], {
        ...options(),
        cursor: { stream: 'main', value: { page: 4 } },
      }),
    ).rejects.toThrow(/fk_observation_indicator/);
    expect(await cursor()).toEqual([{ stream: 'main', cursor: { page: 3 } }]);
    expect(await database.dataSource.query('SELECT value FROM observation')).toEqual([{ value: 1 }]);
    expect(await rollups(database, 'day')).toEqual([expect.objectContaining({ count: 1, sum: 1 })]);
  });

  it('checks the lineage once per batch: an unknown run or source fails it before anything is written', async () => {
    const rows = randomBatch(prng(3), fixture, 50);
    await expect(
      writeObservationBatch(database.dataSource, rows, { ...options(), runId: 999_999 }),
    ).rejects.toThrow(new LineageNotFoundError('ingest run', 999_999));
    await expect(
      writeObservationBatch(database.dataSource, rows, { ...options(), sourceId: 999_998 }),
    ).rejects.toThrow(new LineageNotFoundError('source', 999_998));
    expect(await database.dataSource.query('SELECT 1 FROM observation')).toEqual([]);
    expect(await rollups(database, 'year')).toEqual([]);
  });

  it('holds the run so it cannot be deleted while a batch names it', async () => {
    // The lineage lock (FOR KEY SHARE) makes a concurrent delete wait for the batch; once the
    // batch has committed, the delete trigger finds its rows and refuses. To order the steps, a
    // pair lock held elsewhere stops the batch after it has locked its lineage.
    const [run] = (await database.dataSource.query(
      `INSERT INTO ingest_run (source_id, trigger) VALUES ($1, 'manual') RETURNING id`,
      [fixture.sourceId],
    )) as Array<{ id: number }>;
    const blocker = database.dataSource.createQueryRunner();
    await blocker.connect();
    try {
      await blocker.startTransaction();
      await blocker.query('SELECT pg_advisory_xact_lock($1, $2)', [
        fixture.indicators[0],
        fixture.regions[0],
      ]);
      const waiting = async (kind: 'advisory' | 'row'): Promise<void> => {
        for (let attempt = 0; attempt < 500; attempt += 1) {
          const [{ n }] = (await blocker.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND (locktype = 'advisory') = $1`,
            [kind === 'advisory'],
          )) as Array<{ n: number }>;
          if (n > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error(`nothing waited on a ${kind} lock`);
      };
      const write = writeObservationBatch(database.dataSource, randomBatch(prng(5), fixture, 200), {
        ...options(),
        runId: run!.id,
      });
      await waiting('advisory');
      const remove = database.dataSource.query('DELETE FROM ingest_run WHERE id = $1', [run!.id]);
      remove.catch(() => undefined);
      await waiting('row');
      await blocker.commitTransaction();
      await expect(write).resolves.toMatchObject({ received: 200 });
      await expect(remove).rejects.toThrow(/fk_observation_ingest_run/);
    } finally {
      await blocker.release();
    }
    const [{ n }] = (await database.dataSource.query(
      'SELECT count(*)::int AS n FROM observation WHERE ingest_run_id = $1',
      [run!.id],
    )) as Array<{ n: number }>;
    expect(n).toBeGreaterThan(0);
  });

  it('rejects invalid rows and a cursor without a source before touching the database', async () => {
    const row = {
      indicatorId: fixture.indicators[0]!,
      regionId: fixture.regions[0]!,
      grain: 'day' as const,
      periodStart: new Date(),
      value: 1,
    };
    await expect(
      writeObservationBatch(database.dataSource, [{ ...row, value: Number.NaN }], options()),
    ).rejects.toThrow(InvalidObservationRowError);
    await expect(
      writeObservationBatch(database.dataSource, [{ ...row, grain: 'week' as Grain }], options()),
    ).rejects.toThrow(InvalidObservationRowError);
    await expect(
      writeObservationBatch(database.dataSource, [row], {
        runId: null,
        sourceId: null,
        timeZone: TZ,
        cursor: { stream: 's', value: 1 },
      }),
    ).rejects.toThrow(CursorWithoutSourceError);
    expect(await database.dataSource.query('SELECT 1 FROM observation')).toEqual([]);
  });
});
