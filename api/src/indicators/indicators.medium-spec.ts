import { writeObservationBatch } from '@civicpulse/db';
import { FIXTURE, seedFixtureCity } from '../../test/support/fixture-city';
import { startTestApp, type TestApp } from '../../test/support/test-app';

describe('indicators, regions and overview (medium)', () => {
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

  it('lists and filters the catalogue', async () => {
    const all = await t.http().get('/api/indicators').set(auth).expect(200);
    expect(all.body).toHaveLength(6);
    const health = await t.http().get('/api/indicators').query({ domain: 'health' }).set(auth).expect(200);
    expect(health.body.map((i: { code: string }) => i.code)).toEqual([FIXTURE.occupancy]);
    const text = await t.http().get('/api/indicators').query({ q: '拥堵' }).set(auth).expect(200);
    expect(text.body[0]).toMatchObject({
      code: FIXTURE.congestion,
      direction: 'lower_is_better',
      lastObservationAt: '2025-09-30T16:30:00.000Z',
    });
    // LIKE wildcards are searched for literally: no name contains '%', so nothing matches.
    const wildcard = await t.http().get('/api/indicators').query({ q: '%' }).set(auth).expect(200);
    expect(wildcard.body).toEqual([]);
    const rate = await t.http().get('/api/indicators').query({ q: '_rate' }).set(auth).expect(200);
    expect(rate.body.map((i: { code: string }) => i.code)).toEqual([FIXTURE.occupancy, FIXTURE.punctuality]);
    await t.http().get('/api/indicators').query({ domain: 'weather' }).set(auth).expect(400);
  });

  it('serves series per region, the city computed from its districts', async () => {
    const res = await t
      .http()
      .get(`/api/indicators/${FIXTURE.punctuality}/series`)
      .query({ granularity: 'month', from: '2025-08-01', to: '2025-10-31', regions: '990100,990101' })
      .set(auth)
      .expect(200);
    expect(res.body).toMatchObject({
      from: '2025-08-01',
      to: '2025-10-31',
      granularity: 'month',
      timeZone: 'Asia/Shanghai',
    });
    const [city, d1] = res.body.series;
    expect(city.regionCode).toBe('990100');
    expect(city.points.map((p: { t: string }) => p.t)).toEqual(['2025-08-01', '2025-09-01', '2025-10-01']);
    expect(city.points[1].v).toBeCloseTo(88.181818, 4);
    expect(d1.points[1].v).toBeCloseTo(90, 6);
    expect(city.points[0].v).toBeNull();
  });

  it('serves hourly series in local time and quarterly series from month rollups', async () => {
    const hourly = await t
      .http()
      .get(`/api/indicators/${FIXTURE.congestion}/series`)
      .query({ granularity: 'hour', from: '2025-09-30', to: '2025-10-01', regions: '990101' })
      .set(auth)
      .expect(200);
    const points = hourly.body.series[0].points as Array<{ t: string; v: number | null }>;
    expect(points).toHaveLength(48);
    expect(points.find((p) => p.t === '2025-09-30T23:00')?.v).toBeCloseTo(1.8, 6);
    expect(points.find((p) => p.t === '2025-10-01T00:00')?.v).toBeCloseTo(3.0, 6);
    const quarterly = await t
      .http()
      .get(`/api/indicators/${FIXTURE.congestion}/series`)
      .query({ granularity: 'quarter', from: '2025-07-01', to: '2025-12-31', regions: '990101' })
      .set(auth)
      .expect(200);
    // Q3 = 1.78 (Aug), 1.70, 1.80 (Sep) → mean 1.76; Q4 = 3.00.
    expect(quarterly.body.series[0].points[0].v).toBeCloseTo(1.76, 6);
    expect(quarterly.body.series[0].points[1].v).toBeCloseTo(3.0, 6);
    await t
      .http()
      .get(`/api/indicators/${FIXTURE.congestion}/series`)
      .query({ granularity: 'hour', from: '2025-01-01', to: '2025-12-31' })
      .set(auth)
      .expect(400);
    await t
      .http()
      .get(`/api/indicators/${FIXTURE.congestion}/series`)
      .query({ from: '2025-12-01', to: '2025-01-01' })
      .set(auth)
      .expect(400);
    await t
      .http()
      .get(`/api/indicators/${FIXTURE.congestion}/series`)
      .query({ from: '2025-02-30' })
      .set(auth)
      .expect(400);
    await t
      .http()
      .get(`/api/indicators/${FIXTURE.congestion}/series`)
      .query({ regions: '999999' })
      .set(auth)
      .expect(400);
  });

  it('exports CSV with a BOM, CRLF and escaped names', async () => {
    const res = await t
      .http()
      .get(`/api/indicators/${FIXTURE.punctuality}/series.csv`)
      .query({ granularity: 'month', from: '2025-09-01', to: '2025-09-30', regions: '990101,990102' })
      .set(auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(
      `${FIXTURE.punctuality}_month_2025-09-01_2025-09-30.csv`,
    );
    const body = res.body as string;
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body.slice(1).split('\r\n')).toEqual([
      'region_code,region_name_zh,region_name_en,period_start,value,unit',
      '990101,第1区,District 1,2025-09-01,90,%',
      '990102,第2区,District 2,2025-09-01,70,%',
      '',
    ]);
  });

  it('compares regions, ranked by direction', async () => {
    const res = await t
      .http()
      .get(`/api/indicators/${FIXTURE.congestion}/compare`)
      .query({ period: '2025-09' })
      .set(auth)
      .expect(200);
    expect(res.body.aggregate).toBeCloseTo(1.7, 6);
    const byCode = Object.fromEntries(res.body.items.map((i: { regionCode: string }) => [i.regionCode, i]));
    expect(byCode['990101']).toMatchObject({ value: 1.75, rank: 3 });
    expect(byCode['990102'].rank).toBe(1);
  });

  it('gives the latest value per district for the map', async () => {
    const res = await t
      .http()
      .get(`/api/indicators/${FIXTURE.satisfaction}/latest-by-region`)
      .set(auth)
      .expect(200);
    expect(res.body.items.map((i: { value: number }) => i.value)).toEqual([76, 74, 75]);
    expect(res.body).toMatchObject({ min: 74, max: 76, level: 'district' });
    expect(res.body.items[0].periodStart).toBe('2025-09-01');
    await t.http().get('/api/indicators/unknown.code/latest-by-region').set(auth).expect(404);
  });

  it('lists regions with a GeoJSON FeatureCollection', async () => {
    const res = await t.http().get('/api/regions').set(auth).expect(200);
    expect(res.body.items.map((r: { code: string }) => r.code)).toEqual([FIXTURE.city, ...FIXTURE.districts]);
    expect(res.body.geojson.type).toBe('FeatureCollection');
    expect(res.body.geojson.features[1]).toMatchObject({
      id: '990101',
      geometry: { type: 'Polygon' },
      properties: { level: 'district' },
    });
    expect(res.body.geojson.features[0].geometry).toBeNull();
  });

  it('summarises each domain on the overview', async () => {
    const res = await t.http().get('/api/overview').set(auth).expect(200);
    expect(res.body.domains.map((d: { domain: string }) => d.domain)).toEqual([
      'traffic',
      'health',
      'education',
      'satisfaction',
    ]);
    const traffic = res.body.domains[0];
    const congestion = traffic.headlines.find(
      (h: { indicatorCode: string }) => h.indicatorCode === FIXTURE.congestion,
    );
    // City value from districts, by month: Sep 1.70 (weighted), Oct 3.00 (only 990101 reported).
    expect(congestion).toMatchObject({
      latestPeriodStart: '2025-10-01',
      latest: 3,
      previous: 1.7,
      improving: false,
    });
    expect(congestion.change).toBeCloseTo(1.3, 6);
    expect(congestion.lineage).toMatchObject({
      sourceKey: FIXTURE.sourceKey,
      lastRunStatus: 'succeeded',
      lastObservationAt: '2025-09-30T16:30:00.000Z',
    });
    expect(typeof congestion.lineage.lastRunId).toBe('number');
    expect(congestion.sparkline).toHaveLength(12);
    expect(res.body.openAlertCount).toBe(0);
    expect(res.body.domains[2].headlines).toEqual([]);
  });

  it('shows catalogue edits and new data at once, whoever wrote them', async () => {
    const headline = (body: { domains: Array<{ headlines: Array<Record<string, unknown>> }> }) =>
      body.domains[0].headlines.find((h) => h['indicatorCode'] === FIXTURE.congestion);
    const before = await t.http().get('/api/overview').set(auth).expect(200);
    expect(headline(before.body)).toMatchObject({ latestPeriodStart: '2025-10-01', latest: 3 });
    // Another process (the catalogue CLI, the ingest worker) writes straight to the database.
    const ds = t.db.dataSource;
    await ds.query(`UPDATE indicator SET name_en = 'Congestion (renamed)' WHERE code = $1`, [
      FIXTURE.congestion,
    ]);
    const [ids] = await ds.query(
      `SELECT (SELECT id FROM indicator WHERE code = $1) AS indicator, (SELECT id FROM region WHERE code = '990101') AS region`,
      [FIXTURE.congestion],
    );
    await writeObservationBatch(
      ds,
      [
        {
          indicatorId: ids.indicator,
          regionId: ids.region,
          grain: 'day',
          periodStart: new Date('2025-11-03T00:00:00+08:00'),
          value: 2.5,
        },
      ],
      { runId: null, sourceId: null, timeZone: 'Asia/Shanghai' },
    );
    const after = await t.http().get('/api/overview').set(auth).expect(200);
    expect(headline(after.body)).toMatchObject({
      nameEn: 'Congestion (renamed)',
      latestPeriodStart: '2025-11-01',
      latest: 2.5,
      previous: 3,
    });
  });
});
