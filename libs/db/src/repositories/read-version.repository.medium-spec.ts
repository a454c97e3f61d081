import { createScratchDatabase, type ScratchDatabase } from '../scratch-database';
import { testAdminUrl } from '../test-support/test-admin-url';
import { writeObservationBatch } from './observation-writer';
import { ReadVersionRepository, type ReadVersions } from './read-version.repository';

describe('ReadVersionRepository.versions', () => {
  let database: ScratchDatabase;
  let versions: ReadVersionRepository;
  const q = (sql: string, params: unknown[] = []): Promise<Array<{ id: number }>> =>
    database.dataSource.query(sql, params);

  beforeAll(async () => {
    database = await createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' });
    versions = new ReadVersionRepository(database.dataSource);
  });

  afterAll(async () => {
    await database.drop();
  });

  /** Runs a change and reports which fingerprints moved. */
  async function moved(
    change: () => Promise<unknown>,
  ): Promise<{ catalogue: boolean; data: boolean; alerts: boolean }> {
    const before: ReadVersions = await versions.versions();
    expect(await versions.versions()).toEqual(before);
    await change();
    const after = await versions.versions();
    return {
      catalogue: after.catalogue !== before.catalogue,
      data: after.data !== before.data,
      alerts: after.alerts !== before.alerts,
    };
  }

  it('moves the catalogue version on insert, update (without updated_at) and delete', async () => {
    let indicatorId = 0;
    expect(
      await moved(async () => {
        const [row] = await q(
          `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
           VALUES ('traffic.a', 'traffic', '指标', 'Indicator', 'x', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`,
        );
        indicatorId = row!.id;
      }),
    ).toEqual({ catalogue: true, data: false, alerts: false });
    expect(
      await moved(() => q(`UPDATE indicator SET name_en = 'Renamed' WHERE id = $1`, [indicatorId])),
    ).toEqual({ catalogue: true, data: false, alerts: false });
    const [region] = await q(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ('990101', '区', 'District', 'district') RETURNING id`,
    );
    expect(await moved(() => q(`DELETE FROM region WHERE id = $1`, [region!.id]))).toEqual({
      catalogue: true,
      data: false,
      alerts: false,
    });
  });

  it('moves the data version when observations are written and when a recent run changes state', async () => {
    const [indicator] = await q(`SELECT id FROM indicator WHERE code = 'traffic.a'`);
    const [region] = await q(
      `INSERT INTO region (code, name_zh, name_en, level) VALUES ('990102', '区', 'District', 'district') RETURNING id`,
    );
    const [source] = await q(
      `INSERT INTO source (key, name_zh, name_en, connector_type, manifest) VALUES ('feed', '源', 'Source', 'csv-file', '{}') RETURNING id`,
    );
    const [run] = await q(`INSERT INTO ingest_run (source_id, trigger) VALUES ($1, 'manual') RETURNING id`, [
      source!.id,
    ]);
    const write = (value: number) =>
      writeObservationBatch(
        database.dataSource,
        [
          {
            indicatorId: indicator!.id,
            regionId: region!.id,
            grain: 'day',
            periodStart: new Date('2025-09-15T00:00:00+08:00'),
            value,
            numerator: null,
            denominator: null,
            quality: 'ok',
          },
        ],
        { runId: run!.id, sourceId: source!.id, timeZone: 'Asia/Shanghai' },
      );
    expect(await moved(() => write(1))).toMatchObject({ data: true });
    // A correction of the same bucket rewrites the rollup rows in place.
    expect(await moved(() => write(2))).toEqual({ catalogue: false, data: true, alerts: false });
    expect(
      await moved(() =>
        q(`UPDATE ingest_run SET status = 'failed', finished_at = now() WHERE id = $1`, [run!.id]),
      ),
    ).toEqual({ catalogue: false, data: true, alerts: false });
  });

  it('moves the alerts version when an event opens or resolves and when a rule changes', async () => {
    const [indicator] = await q(`SELECT id FROM indicator WHERE code = 'traffic.a'`);
    const [rule] = await q(
      `INSERT INTO alert_rule (name, indicator_id, kind, threshold) VALUES ('high', $1, 'above', 3) RETURNING id`,
      [indicator!.id],
    );
    let eventId = 0;
    expect(
      await moved(async () => {
        const [event] = await q(`INSERT INTO alert_event (rule_id, message) VALUES ($1, '高') RETURNING id`, [
          rule!.id,
        ]);
        eventId = event!.id;
      }),
    ).toEqual({ catalogue: false, data: false, alerts: true });
    expect(
      await moved(() => q(`UPDATE alert_event SET state = 'resolved' WHERE id = $1`, [eventId])),
    ).toEqual({
      catalogue: false,
      data: false,
      alerts: true,
    });
    expect(
      await moved(() => q(`UPDATE alert_rule SET threshold = 4 WHERE id = $1`, [rule!.id])),
    ).toMatchObject({
      alerts: true,
    });
  });
});
