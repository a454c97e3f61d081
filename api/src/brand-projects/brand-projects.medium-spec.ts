import { insertIngestRun } from '@civicpulse/testing';
import { FIXTURE, seedFixtureCity } from '../../test/support/fixture-city';
import { startTestApp, type TestApp } from '../../test/support/test-app';

/** Evaluation instant of September 2025: the last millisecond of the month, Asia/Shanghai. */
const E_SEPTEMBER =
  (Date.parse('2025-10-01T00:00:00+08:00') - 1 - Date.parse('2025-01-01T00:00:00+08:00')) /
  (365 * 86_400_000);

interface KpiRow {
  indicatorCode: string;
  value: number | null;
  target: number;
  progress: number | null;
  score: number | null;
  status: string;
  colour: string;
  flags: string[];
  contribution: number | null;
  regionsWithData: string[];
  lineage: {
    sourceKey: string | null;
    lastRunStatus: string | null;
    lastObservationAt: string | null;
    stale: boolean;
  };
  sparkline: Array<{ t: string; v: number | null }>;
}

describe('brand projects (medium)', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2025-11-15T10:00:00+08:00') });
    await seedFixtureCity(t.db.dataSource);
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

  describe('September 2025 scorecard (hand-computed)', () => {
    let body: {
      score: Record<string, unknown>;
      kpis: KpiRow[];
      statusCounts: Record<string, number>;
      period: Record<string, unknown>;
      regions: string[];
    };

    beforeAll(async () => {
      const res = await t
        .http()
        .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
        .query({ period: '2025-09' })
        .set(auth)
        .expect(200);
      body = res.body;
    });

    it('resolves the period in the city time zone', () => {
      expect(body.period).toMatchObject({
        key: '2025-09',
        kind: 'month',
        from: '2025-09-01',
        to: '2025-09-30',
        previousKey: '2025-08',
        timeZone: 'Asia/Shanghai',
      });
      expect(body.regions).toEqual(FIXTURE.districts);
    });

    it('scores a lower-is-better KPI on the population-weighted mean, with the month boundary in local time', () => {
      const row = kpi(body, FIXTURE.congestion);
      // 990101: mean(1.70, 1.80) = 1.75 (the 3.00 at 1 Oct 00:30 +08:00 is October's);
      // weighted: (1.75·1M + 1.65·0.5M + 1.65·0.5M) / 2M = 1.70; p = (1.70 − 1.80)/(1.60 − 1.80) = 0.5.
      expect(row.value).toBeCloseTo(1.7, 6);
      expect(row.progress).toBeCloseTo(0.5, 4);
      expect(row.score).toBeCloseTo(50, 2);
      // R = 0.5 / e(30 Sep) = 0.5 / 0.7479 = 0.669 → needs acceleration.
      expect(0.5 / E_SEPTEMBER).toBeGreaterThan(0.6);
      expect(row.status).toBe('needs_acceleration');
      expect(row.colour).toBe('orange');
      expect(row.lineage).toMatchObject({
        sourceKey: FIXTURE.sourceKey,
        lastRunStatus: 'succeeded',
        stale: true,
      });
      expect(row.lineage.lastObservationAt).toBe('2025-09-30T16:30:00.000Z');
    });

    it('recomputes a rate as the ratio of sums across districts, never a mean of rates', () => {
      const row = kpi(body, FIXTURE.punctuality);
      // (900 + 70) / (1000 + 100) × 100 = 88.1818 %; the mean of rates would be 80 %.
      expect(row.value).toBeCloseTo(88.181818, 4);
      expect(row.progress).toBeCloseTo(0.818182, 4);
      expect(row.score).toBeCloseTo(81.82, 2);
      expect(row.status).toBe('on_track');
      expect(row.regionsWithData).toEqual(['990101', '990102']);
      expect(row.flags).toContain('partial_regions');
    });

    it('marks the target-band KPI and aggregates its value', () => {
      const row = kpi(body, FIXTURE.occupancy);
      expect(row.value).toBeCloseTo(97, 6);
      expect(row.flags).toContain('band');
    });

    // scoring.md: 100 inside the band, falling linearly to 0 at the tolerance outside it.
    it('scores the target-band KPI against its band', () => {
      // 97 is 4 above the 85–93 band, tolerance 10 → 100·(1 − 4/10) = 60.
      expect(kpi(body, FIXTURE.occupancy).score).toBeCloseTo(60, 2);
    });

    it('colours the project orange from its two worst KPIs', () => {
      // With the band scored 60, the two worst are congestion 50 and satisfaction 50:
      // 50 / (100·0.748) = 0.67 → orange.
      expect(body.score['colour']).toBe('orange');
    });

    it('applies the 80 % coverage rule at exactly 80 % and blends satisfaction at α = 0.2', () => {
      const chargers = kpi(body, FIXTURE.chargers);
      expect(chargers).toMatchObject({
        value: null,
        score: null,
        status: 'no_data',
        colour: 'grey',
        contribution: null,
      });
      // Outcome weights 40 + 20 + 20 + 20; chargers' 20 has no data → (40 + 20 + 20)/100 = 80 %,
      // exactly the threshold → still scored. Satisfaction is fully covered; the lower one counts.
      expect(body.score['coverage']).toBe(0.8);
      expect(body.score['insufficientData']).toBe(false);
      const sat = kpi(body, FIXTURE.satisfaction);
      expect(sat.value).toBeCloseTo(75, 6);
      expect(sat.score).toBeCloseTo(50, 2);
      expect(body.score['satisfactionScore']).toBeCloseTo(50, 2);
      expect(body.score['satisfactionShare']).toBe(0.2);
      // (40·50 + 20·band + 20·81.818)/80 — with the band at 60 (scoring.md): 60.4545, overall
      // 0.8·60.4545 + 0.2·50 = 58.3636. The band's score is read back so that the weighting and
      // the blend are checked whatever the band rule gives.
      const band = kpi(body, FIXTURE.occupancy).score as number;
      const outcome = (40 * 50 + 20 * band + 20 * (900 / 11)) / 80;
      expect(body.score['outcomeScore']).toBeCloseTo(outcome, 1);
      expect(body.score['score']).toBeCloseTo(0.8 * outcome + 0.2 * 50, 1);
      const contributions = body.kpis.map((k) => k.contribution ?? 0).reduce((s, c) => s + c, 0);
      expect(contributions).toBeCloseTo(body.score['score'] as number, 1);
    });

    it('counts statuses and never colours a project with a non-green KPI green', () => {
      expect(['yellow', 'orange', 'red', 'dark_red']).toContain(body.score['colour']);
      expect(body.statusCounts['no_data']).toBe(1);
      expect(body.statusCounts['needs_acceleration']).toBeGreaterThanOrEqual(2);
      expect(body.statusCounts['on_track']).toBe(1);
      expect(Object.values(body.statusCounts).reduce((s, n) => s + n, 0)).toBe(5);
    });

    it('carries a monthly sparkline for the last twelve months', () => {
      const row = kpi(body, FIXTURE.congestion);
      expect(row.sparkline).toHaveLength(12);
      expect(row.sparkline[11]).toEqual({ t: '2025-09-01', v: 1.7 });
      expect(row.sparkline[10].t).toBe('2025-08-01');
      expect(row.sparkline[10].v).toBeCloseTo(1.78, 6);
    });
  });

  it('puts the 1 Oct 00:30 +08:00 value in October', async () => {
    const res = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
      .query({ period: '2025-10', regions: '990101' })
      .set(auth)
      .expect(200);
    expect(kpi(res.body, FIXTURE.congestion).value).toBeCloseTo(3.0, 6);
  });

  it('withholds the score when coverage falls below 80 % and uses per-region targets', async () => {
    const res = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
      .query({ period: '2025-09', regions: '990103' })
      .set(auth)
      .expect(200);
    // 990103 has no punctuality data: outcome coverage (40 + 20)/100 = 60 %.
    expect(res.body.score).toMatchObject({ score: null, insufficientData: true, colour: 'grey' });
    const one = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
      .query({ period: '2025-09', regions: '990101' })
      .set(auth)
      .expect(200);
    const congestion = kpi(one.body, FIXTURE.congestion);
    expect(congestion.target).toBe(1.65);
    // (1.75 − 1.80)/(1.65 − 1.80) = 1/3.
    expect(congestion.progress).toBeCloseTo(1 / 3, 4);
  });

  it('paces a cumulative KPI on the year to date, whatever the period', async () => {
    const res = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.unpublishedProject}/scorecard`)
      .query({ period: '2025-Q3' })
      .set(auth)
      .expect(200);
    const row = kpi(res.body, FIXTURE.busLanes);
    // Year to date at the end of Q3: 9 × 15 = 135 km (Q3 alone would be 45).
    expect(row.value).toBe(135);
    expect(row.flags).toContain('paced');
    // f = 273/365 of the year; p = (135 − 100·f)/(200·f − 100·f).
    const f = E_SEPTEMBER;
    expect(row.progress).toBeCloseTo((135 - 100 * f) / (100 * f), 3);
  });

  it('rejects regions outside the project and malformed periods with field details', async () => {
    const r1 = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
      .query({ regions: '990109' })
      .set(auth)
      .expect(400);
    expect(r1.body.details[0].field).toBe('regions');
    for (const period of ['2025-Q5', '2025-13', '2025-02-30', "2025' OR 1=1", '99999', '0001']) {
      const res = await t
        .http()
        .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
        .query({ period })
        .set(auth);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details[0].field).toBe('period');
    }
  });

  it('lists projects with score, colour, coverage, status counts and freshness', async () => {
    const res = await t.http().get('/api/brand-projects').query({ period: '2025-09' }).set(auth).expect(200);
    const item = (res.body as Array<Record<string, unknown>>).find((p) => p['code'] === FIXTURE.project);
    expect(item).toMatchObject({
      nameZh: '畅行之城',
      kpiCount: 5,
      published: false,
      ownerDepartment: { code: 'transport' },
    });
    const card = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
      .query({ period: '2025-09' })
      .set(auth)
      .expect(200);
    expect(item?.['score']).toEqual(card.body.score);
    expect(item?.['statusCounts']).toEqual(card.body.statusCounts);
    expect((item?.['freshness'] as Record<string, unknown>)['lastObservationAt']).toBe(
      '2025-09-30T16:30:00.000Z',
    );
    expect(item?.['freshness']).toMatchObject({
      failedKpiCount: 0,
      worstRun: { status: 'succeeded', sourceKey: FIXTURE.sourceKey },
    });
    expect(item?.['freshness']).toEqual(card.body.freshness);
  });

  it('returns the project detail and 404 for unknown codes', async () => {
    const res = await t.http().get(`/api/brand-projects/${FIXTURE.project}`).set(auth).expect(200);
    expect(res.body).toMatchObject({
      positioningZh: '智慧交通品牌',
      coreValueEn: 'Smoother journeys',
      partnerDepartments: [{ code: 'health', nameZh: '卫生健康委', nameEn: 'Health Commission' }],
      milestones: [{ date: '2025-06-30', titleZh: '智能信号上线', titleEn: 'Adaptive signals live' }],
    });
    expect(res.body.regions.map((r: { code: string }) => r.code)).toEqual(FIXTURE.districts);
    expect(res.body.kpis[0]).toMatchObject({
      indicatorCode: FIXTURE.congestion,
      direction: 'lower_is_better',
      weight: 40,
    });
    const missing = await t.http().get('/api/brand-projects/no-such-project').set(auth).expect(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('builds the district × KPI matrix with per-region targets', async () => {
    const res = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/matrix`)
      .query({ period: '2025-09' })
      .set(auth)
      .expect(200);
    expect(res.body.regions.map((r: { code: string }) => r.code)).toEqual(FIXTURE.districts);
    expect(res.body.cells).toHaveLength(15);
    const cell = (region: string, code: string) =>
      res.body.cells.find(
        (c: { regionCode: string; indicatorCode: string }) =>
          c.regionCode === region && c.indicatorCode === code,
      );
    expect(cell('990101', FIXTURE.congestion)).toMatchObject({ target: 1.65, value: 1.75 });
    expect(cell('990102', FIXTURE.punctuality).value).toBeCloseTo(70, 6);
    expect(cell('990103', FIXTURE.punctuality)).toMatchObject({ value: null, status: 'no_data' });
    const r3 = res.body.regionScores.find((r: { regionCode: string }) => r.regionCode === '990103');
    expect(r3.score.insufficientData).toBe(true);
  });

  it('draws the KPI trend with its target line and milestones', async () => {
    const res = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/trend`)
      .query({ kpi: FIXTURE.congestion, granularity: 'month' })
      .set(auth)
      .expect(200);
    expect(res.body.actual).toHaveLength(12);
    expect(res.body.actual[8]).toEqual({ t: '2025-09-01', v: 1.7 });
    expect(res.body.targetLine).toEqual([
      { t: '2025-01-01', v: 1.8 },
      { t: '2025-12-31', v: 1.6 },
    ]);
    expect(res.body.milestones).toHaveLength(1);
    const band = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/trend`)
      .query({ kpi: FIXTURE.occupancy })
      .set(auth)
      .expect(200);
    expect(band.body.targetBand).toEqual({ lo: 85, hi: 93 });
    await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/trend`)
      .query({ kpi: 'health.unknown' })
      .set(auth)
      .expect(400);
    await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/trend`)
      .query({ kpi: FIXTURE.congestion, granularity: 'week' })
      .set(auth)
      .expect(400);
  });

  it('points the card at a failed last run and counts the KPIs it feeds', async () => {
    const [source] = await t.db.dataSource.query(`SELECT id FROM source WHERE key = $1`, [FIXTURE.sourceKey]);
    const failed = await insertIngestRun(t.db.dataSource, source.id, {
      status: 'failed',
      finishedAt: new Date('2025-11-15T06:05:00+08:00'),
    });
    const res = await t.http().get('/api/brand-projects').query({ period: '2025-09' }).set(auth).expect(200);
    const item = (res.body as Array<Record<string, unknown>>).find((p) => p['code'] === FIXTURE.project);
    expect(item?.['freshness']).toMatchObject({
      failedKpiCount: 1,
      worstRun: { runId: failed.id, status: 'failed', sourceKey: FIXTURE.sourceKey },
    });
  });

  it('scores against a target changed outside the API at once', async () => {
    const card = async () =>
      (
        await t
          .http()
          .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
          .query({ period: '2025-09' })
          .set(auth)
          .expect(200)
      ).body as { kpis: KpiRow[] };
    expect(kpi(await card(), FIXTURE.congestion).target).toBe(1.6);
    await t.db.dataSource.query(
      `UPDATE brand_kpi SET target_value = 1.5 WHERE indicator_id = (SELECT id FROM indicator WHERE code = $1)`,
      [FIXTURE.congestion],
    );
    expect(kpi(await card(), FIXTURE.congestion).target).toBe(1.5);
  });
});
