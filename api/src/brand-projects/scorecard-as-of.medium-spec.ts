import type { BrandProject, Indicator } from '@civicpulse/domain';
import { CatalogRepository, ReferenceLookupRepository, writeObservationBatch } from '@civicpulse/db';
import { FIXTURE, FIXTURE_BUNDLE, seedFixtureCity } from '../../test/support/fixture-city';
import { startTestApp, type TestApp } from '../../test/support/test-app';

/**
 * The "as of" rule: in March 2026 the yearly stock figures of 2025 are the latest known, so the
 * year-to-date scorecard uses them (flagged, labelled with their year) instead of going blank.
 */
const GP = 'health.gp_per_10000';
const ENROLMENT = 'education.school_age_enrolment_rate';
const PROJECT = 'steady-city';

const yearly = (code: string, nameEn: string, overrides: Partial<Indicator> = {}): Indicator => ({
  code,
  domain: code.startsWith('health') ? 'health' : 'education',
  direction: 'higher_is_better',
  nameZh: nameEn,
  nameEn,
  unit: '%',
  timeAggregation: 'last',
  regionAggregation: 'mean',
  frequency: 'year',
  validMin: 0,
  validMax: 100,
  standardRefs: [],
  ...overrides,
});

const plan = { baselineDate: '2025-01-01', targetDate: '2027-12-31' };

const STEADY: BrandProject = {
  ...FIXTURE_BUNDLE.brandProjects[0],
  code: PROJECT,
  nameZh: '稳健之城',
  nameEn: 'Steady City',
  startDate: '2025-01-01',
  endDate: '2027-12-31',
  milestones: [],
  kpis: [
    // A yearly stock: only 2024 and 2025 values exist.
    { indicatorCode: GP, weight: 50, role: 'outcome', baseline: 30, target: 40, ...plan },
    // A flow with 2026 data: scored on the period itself.
    { indicatorCode: FIXTURE.occupancy, weight: 35, role: 'outcome', baseline: 97, target: 90, ...plan },
    // A yearly stock last published for 2024: carried, but older than its cadence.
    { indicatorCode: ENROLMENT, weight: 10, role: 'outcome', baseline: 95, target: 100, ...plan },
    // A flow without 2026 data: stays without data.
    { indicatorCode: FIXTURE.congestion, weight: 5, role: 'outcome', baseline: 1.8, target: 1.6, ...plan },
  ],
};

interface KpiRow {
  indicatorCode: string;
  value: number | null;
  valuePeriod?: string | null;
  score: number | null;
  status: string;
  flags: string[];
}

describe('scorecards "as of" the period end for stocks (medium)', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-03-15T10:00:00+08:00') });
    const ds = t.db.dataSource;
    await seedFixtureCity(ds);
    await new CatalogRepository(ds).apply({
      ...FIXTURE_BUNDLE,
      indicators: [
        ...FIXTURE_BUNDLE.indicators,
        yearly(GP, 'GPs per 10 000', { unit: 'per 10k', regionAggregation: 'weighted_mean' }),
        yearly(ENROLMENT, 'School-age enrolment rate'),
      ],
      brandProjects: [...FIXTURE_BUNDLE.brandProjects, STEADY],
    });
    const lookup = new ReferenceLookupRepository(ds);
    const ind = await lookup.findIndicatorIdsByCode([GP, ENROLMENT, FIXTURE.occupancy]);
    const reg = await lookup.findRegionIdsByCode([...FIXTURE.districts]);
    const obs = (code: string, region: string, grain: 'year' | 'day', start: string, value: number) => ({
      indicatorId: ind.get(code) as number,
      regionId: reg.get(region) as number,
      grain,
      periodStart: new Date(start),
      value,
    });
    await writeObservationBatch(
      ds,
      [
        ...FIXTURE.districts.map((d) => obs(GP, d, 'year', '2024-01-01T00:00:00+08:00', 31)),
        obs(GP, '990101', 'year', '2025-01-01T00:00:00+08:00', 36),
        obs(GP, '990102', 'year', '2025-01-01T00:00:00+08:00', 33),
        obs(GP, '990103', 'year', '2025-01-01T00:00:00+08:00', 33),
        ...FIXTURE.districts.map((d) => obs(ENROLMENT, d, 'year', '2024-01-01T00:00:00+08:00', 97.5)),
        ...FIXTURE.districts.map((d) => obs(FIXTURE.occupancy, d, 'day', '2026-02-10T00:00:00+08:00', 90)),
      ],
      { runId: null, sourceId: null, timeZone: 'Asia/Shanghai' },
    );
    auth = { Authorization: `Bearer ${await t.tokenFor('viewer')}` };
  });

  afterAll(async () => {
    await t.close();
  });

  const kpi = (body: { kpis: KpiRow[] }, code: string): KpiRow => {
    const row = body.kpis.find((k) => k.indicatorCode === code);
    if (!row) throw new Error(`no KPI ${code}`);
    return row;
  };

  describe('default period (2026 year to date)', () => {
    let body: { period: { key: string }; score: Record<string, unknown>; kpis: KpiRow[] };

    beforeAll(async () => {
      body = (await t.http().get(`/api/brand-projects/${PROJECT}/scorecard`).set(auth).expect(200)).body;
    });

    it("scores a yearly stock on last year's value, labelled with its year and flagged", () => {
      expect(body.period.key).toBe('ytd:2026-03-15');
      const row = kpi(body, GP);
      // Population-weighted 2025 values (not 2024's 31): (36·1M + 33·0.5M + 33·0.5M)/2M = 34.5.
      expect(row.value).toBeCloseTo(34.5, 6);
      expect(row.valuePeriod).toBe('2025');
      expect(row.flags).toContain('carried_forward');
      // 2025's figure is the current one until 2026's is due: not stale.
      expect(row.flags).not.toContain('stale');
      // p = (34.5 − 30)/(40 − 30) = 0.45.
      expect(row.score).toBeCloseTo(45, 2);
    });

    it('flags a carried value older than its cadence as stale', () => {
      const row = kpi(body, ENROLMENT);
      expect(row.value).toBeCloseTo(97.5, 6);
      expect(row.valuePeriod).toBe('2024');
      expect(row.flags).toEqual(expect.arrayContaining(['carried_forward', 'stale']));
    });

    it('keeps strict period semantics for flows', () => {
      const congestion = kpi(body, FIXTURE.congestion);
      expect(congestion).toMatchObject({ value: null, score: null, status: 'no_data', valuePeriod: null });
      expect(congestion.flags).not.toContain('carried_forward');
      const occupancy = kpi(body, FIXTURE.occupancy);
      expect(occupancy).toMatchObject({ value: 90, valuePeriod: null });
      expect(occupancy.flags).not.toContain('carried_forward');
    });

    it('counts carried values as data for the coverage rule, so the project is scored', () => {
      // Without carried values only occupancy (35 %) would have data; with them 95 %.
      expect(body.score['coverage']).toBe(0.95);
      expect(body.score['insufficientData']).toBe(false);
      // (50·45 + 35·100 + 10·50) / 95, enrolment at p = (97.5 − 95)/(100 − 95) = 0.5.
      expect(kpi(body, ENROLMENT).score).toBeCloseTo(50, 2);
      expect(body.score['score']).toBeCloseTo((50 * 45 + 35 * 100 + 10 * 50) / 95, 1);
    });
  });

  it("uses the period's own value when it has one", async () => {
    const res = await t
      .http()
      .get(`/api/brand-projects/${PROJECT}/scorecard`)
      .query({ period: '2024' })
      .set(auth)
      .expect(200);
    const row = kpi(res.body, GP);
    expect(row.value).toBeCloseTo(31, 6);
    expect(row.valuePeriod).toBeNull();
    expect(row.flags).not.toContain('carried_forward');
  });

  it('never carries a value from after the period end backwards', async () => {
    const res = await t
      .http()
      .get(`/api/brand-projects/${PROJECT}/scorecard`)
      .query({ period: '2023' })
      .set(auth)
      .expect(200);
    expect(kpi(res.body, GP)).toMatchObject({ value: null, status: 'no_data' });
    expect(res.body.score.insufficientData).toBe(true);
  });

  it('shows the same score on the project list by default', async () => {
    const list = await t.http().get('/api/brand-projects').set(auth).expect(200);
    const item = (list.body as Array<{ code: string; score: Record<string, unknown> }>).find(
      (p) => p.code === PROJECT,
    );
    const card = await t.http().get(`/api/brand-projects/${PROJECT}/scorecard`).set(auth).expect(200);
    expect(item?.score['insufficientData']).toBe(false);
    expect(item?.score['score']).not.toBeNull();
    expect(item?.score).toEqual(card.body.score);
  });

  it("carries each district's own value into the matrix", async () => {
    const res = await t.http().get(`/api/brand-projects/${PROJECT}/matrix`).set(auth).expect(200);
    const cell = res.body.cells.find(
      (c: { regionCode: string; indicatorCode: string }) =>
        c.regionCode === '990101' && c.indicatorCode === GP,
    );
    expect(cell.value).toBeCloseTo(36, 6);
  });
});
