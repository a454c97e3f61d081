import { writeObservationBatch, type ObservationWriteRow } from '@civicpulse/db';
import { seedFixtureCity } from '../../test/support/fixture-city';
import { startTestApp, type TestApp } from '../../test/support/test-app';

/**
 * A monthly rate aggregated `last` over time and as a ratio of sums over regions (a coverage
 * rate): over a quarter or a year its value is the latest month's, and across regions the ratio
 * of the latest months' numerators and denominators — never the ratio of the sums over every
 * month of the window.
 *
 * 990101, January–September 2025: (50 + 5m) / 100 → September 95 %, the year's sums 675 / 900.
 * 990102, January–September 2025: (60 + 10m) / 200 → September 75 %, the year's sums 990 / 1800.
 */
const CODE = 'education.test_coverage_rate';

describe('stock rates over a window (medium)', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2025-11-15T10:00:00+08:00') });
    await seedFixtureCity(t.db.dataSource);
    const ds = t.db.dataSource;
    const [indicator] = await ds.query(
      `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation,
                              region_aggregation, ratio_scale, frequency)
       VALUES ($1, 'education', '覆盖率', 'Coverage rate', '%', 'higher_is_better', 'last', 'ratio_of_sums', 100, 'month')
       RETURNING id`,
      [CODE],
    );
    const regions: Array<{ id: number; code: string }> = await ds.query(
      `SELECT id, code FROM region WHERE code IN ('990101', '990102')`,
    );
    const regionId = (code: string) => regions.find((r) => r.code === code)?.id as number;
    const rows: ObservationWriteRow[] = [];
    for (let m = 1; m <= 9; m += 1) {
      const periodStart = new Date(`2025-${String(m).padStart(2, '0')}-01T00:00:00+08:00`);
      const month = (code: string, numerator: number, denominator: number): ObservationWriteRow => ({
        indicatorId: indicator.id,
        regionId: regionId(code),
        grain: 'month',
        periodStart,
        value: (100 * numerator) / denominator,
        numerator,
        denominator,
      });
      rows.push(month('990101', 50 + 5 * m, 100), month('990102', 60 + 10 * m, 200));
    }
    await writeObservationBatch(ds, rows, { runId: null, sourceId: null, timeZone: 'Asia/Shanghai' });
    auth = { Authorization: `Bearer ${await t.tokenFor('viewer')}` };
  });

  afterAll(async () => {
    await t.close();
  });

  const compare = async (period: string, regions: string) =>
    (await t.http().get(`/api/indicators/${CODE}/compare`).query({ period, regions }).set(auth).expect(200))
      .body as { aggregate: number | null; items: Array<{ regionCode: string; value: number | null }> };

  it('takes the latest month of one region over a year, not the year’s sums (75 %)', async () => {
    const body = await compare('2025', '990101');
    expect(body.items[0]).toMatchObject({ regionCode: '990101', value: 95 });
    expect(body.aggregate).toBeCloseTo(95, 6);
  });

  it('combines several regions from their latest months over a year: (95 + 150) / (100 + 200)', async () => {
    const body = await compare('2025', '990101,990102');
    expect(body.items.map((i) => i.value)).toEqual([95, 75]);
    expect(body.aggregate).toBeCloseTo((100 * 245) / 300, 6);
  });

  it('does the same over a quarter', async () => {
    expect((await compare('2025-Q3', '990101')).aggregate).toBeCloseTo(95, 6);
    expect((await compare('2025-Q3', '990101,990102')).aggregate).toBeCloseTo((100 * 245) / 300, 6);
  });

  it('takes the latest month inside the window, not the newest data overall', async () => {
    // Q2 ends with June: (50 + 30) / 100 and (60 + 60) / 200.
    expect((await compare('2025-Q2', '990101,990102')).aggregate).toBeCloseTo((100 * 200) / 300, 6);
    expect((await compare('2025-01..2025-06', '990101,990102')).aggregate).toBeCloseTo((100 * 200) / 300, 6);
  });
});
