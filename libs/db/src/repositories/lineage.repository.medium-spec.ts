import type { Grain } from '@civicpulse/domain';
import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { prng } from '../test-support/prng';
import { testAdminUrl } from '../test-support/test-admin-url';
import { LineageRepository } from './lineage.repository';
import { writeObservationBatch, type ObservationWriteRow } from './observation-writer';

const TZ = 'Asia/Shanghai';

/** The previous query, which read every observation of the indicator in the regions: the reference. */
const REFERENCE_SQL = `SELECT i.id AS indicator_id, o.period_start, s.key AS source_key, r.id AS run_id, r.status AS run_status
  FROM unnest($1::int[]) AS i(id)
  LEFT JOIN LATERAL (
    SELECT period_start, source_id FROM observation
    WHERE indicator_id = i.id AND region_id = ANY($2::int[])
    ORDER BY period_start DESC LIMIT 1
  ) o ON true
  LEFT JOIN source s ON s.id = o.source_id
  LEFT JOIN LATERAL (
    SELECT id, status FROM ingest_run WHERE source_id = s.id ORDER BY id DESC LIMIT 1
  ) r ON true
  ORDER BY i.id`;

interface Fixture {
  indicators: number[];
  regions: number[];
  sources: number[];
  runs: number[];
}

async function seed(database: ScratchDatabase): Promise<Fixture> {
  const q = (sql: string, params: unknown[] = []): Promise<Array<{ id: number }>> =>
    database.dataSource.query(sql, params);
  const indicators: number[] = [];
  for (const code of ['traffic.a', 'health.b', 'education.no_data']) {
    const [row] = await q(
      `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
       VALUES ($1, 'traffic', '指标', 'Indicator', 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`,
      [code],
    );
    indicators.push(row!.id);
  }
  const regions: number[] = [];
  for (const code of ['990101', '990102', '990103']) {
    const [row] = await q(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ($1::text, $1::text, $1::text, 'district') RETURNING id`,
      [code],
    );
    regions.push(row!.id);
  }
  const sources: number[] = [];
  const runs: number[] = [];
  for (const key of ['feed-a', 'feed-b']) {
    const [source] = await q(
      `INSERT INTO source (key, name_zh, name_en, connector_type, manifest) VALUES ($1, '源', 'Source', 'csv-file', '{}') RETURNING id`,
      [key],
    );
    sources.push(source!.id);
    const [run] = await q(`INSERT INTO ingest_run (source_id, trigger) VALUES ($1, 'manual') RETURNING id`, [
      source!.id,
    ]);
    runs.push(run!.id);
  }
  return { indicators, regions, sources, runs };
}

const GRAINS: Grain[] = ['instant', 'hour', 'day', 'month', 'quarter', 'year'];

/** Rows over three years with distinct instants per indicator (so "the newest" is unambiguous). */
function randomRows(
  random: () => number,
  fixture: Fixture,
  indicatorId: number,
  count: number,
  used: Set<string>,
): ObservationWriteRow[] {
  const rows: ObservationWriteRow[] = [];
  const start = Date.parse('2023-01-01T00:00:00+08:00');
  while (rows.length < count) {
    const minutes = Math.floor(random() * 3 * 365 * 24 * 60);
    const key = `${indicatorId}/${minutes}`;
    if (used.has(key)) continue;
    used.add(key);
    rows.push({
      indicatorId,
      regionId: fixture.regions[Math.floor(random() * fixture.regions.length)]!,
      grain: GRAINS[Math.floor(random() * GRAINS.length)]!,
      periodStart: new Date(start + minutes * 60_000),
      value: Math.round(random() * 1000) / 10,
      numerator: null,
      denominator: null,
      quality: 'ok',
    });
  }
  return rows;
}

describe('LineageRepository.forIndicators', () => {
  let database: ScratchDatabase;
  let fixture: Fixture;

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    fixture = await seed(database);
    const random = prng(90210);
    const used = new Set<string>();
    // Two feeds write the same indicators, so which source wrote the newest row matters.
    for (let batch = 0; batch < 4; batch += 1) {
      const feed = batch % 2;
      const rows = fixture.indicators.slice(0, 2).flatMap((id) => randomRows(random, fixture, id, 150, used));
      await writeObservationBatch(database.dataSource, rows, {
        runId: fixture.runs[feed]!,
        sourceId: fixture.sources[feed]!,
        timeZone: TZ,
      });
    }
  });

  afterAll(async () => {
    await database.drop();
  });

  const scopes: Array<[string, (f: Fixture) => number[]]> = [
    ['all regions', (f) => f.regions],
    ['one region', (f) => [f.regions[1]!]],
    ['two regions', (f) => [f.regions[0]!, f.regions[2]!]],
    ['a region without data', () => [999_999]],
  ];

  it.each(scopes)(
    'finds the same newest observation, source and last run as a scan of observations (%s)',
    async (_name, scope) => {
      const regionIds = scope(fixture);
      const expected: Array<{
        indicator_id: number;
        period_start: Date | null;
        source_key: string | null;
        run_id: number | null;
        run_status: string | null;
      }> = await database.dataSource.query(REFERENCE_SQL, [fixture.indicators, regionIds]);
      const actual = await new LineageRepository(database.dataSource).forIndicators(
        fixture.indicators,
        regionIds,
      );
      expect(
        actual.map((row) => ({
          indicator_id: row.indicatorId,
          period_start: row.lastPeriodStart,
          source_key: row.sourceKey,
          run_id: row.lastRunId,
          run_status: row.lastRunStatus,
        })),
      ).toEqual(expected);
    },
  );

  it('has data to compare: the newest rows of the two indicators differ and come from a feed', async () => {
    const rows = await new LineageRepository(database.dataSource).forIndicators(
      fixture.indicators,
      fixture.regions,
    );
    expect(rows.map((row) => row.indicatorId)).toEqual(fixture.indicators);
    expect(rows[0]!.lastPeriodStart).toBeInstanceOf(Date);
    expect(['feed-a', 'feed-b']).toContain(rows[0]!.sourceKey);
    expect(rows[1]!.lastPeriodStart?.getTime()).not.toBe(rows[0]!.lastPeriodStart?.getTime());
    expect(rows[2]).toMatchObject({ lastPeriodStart: null, sourceKey: null, lastRunId: null });
  });
});
