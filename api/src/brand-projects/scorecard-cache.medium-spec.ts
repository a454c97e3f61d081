import { FIXTURE, seedFixtureCity } from '../../test/support/fixture-city';
import { startTestApp, type TestApp } from '../../test/support/test-app';

interface Card {
  kpis: Array<{ indicatorCode: string; target: number }>;
}

/** Scorecards served from the response cache with one version probe shared for a long interval. */
describe('scorecard cache (medium)', () => {
  let t: TestApp;
  let viewer: { Authorization: string };
  let admin: { Authorization: string };
  const path = `/api/brand-projects/${FIXTURE.project}/scorecard`;

  beforeAll(async () => {
    t = await startTestApp({
      now: new Date('2025-11-15T10:00:00+08:00'),
      env: { VERSION_PROBE_MS: '60000' },
    });
    await seedFixtureCity(t.db.dataSource);
    viewer = { Authorization: `Bearer ${await t.tokenFor('viewer')}` };
    admin = { Authorization: `Bearer ${await t.tokenFor('admin')}` };
  });

  afterAll(async () => {
    await t.close();
  });

  const target = (card: Card): number | undefined =>
    card.kpis.find((k) => k.indicatorCode === FIXTURE.congestion)?.target;

  it('tags the response and answers 304 to a matching If-None-Match', async () => {
    const first = await t.http().get(path).query({ period: '2025-09' }).set(viewer).expect(200);
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^"[\w-]+"$/);
    await t.http().get(path).query({ period: '2025-09' }).set(viewer).set('If-None-Match', etag).expect(304);
    await t.http().get(path).query({ period: '2025-08' }).set(viewer).set('If-None-Match', etag).expect(200);
  });

  it('serves a change made through the API at once, one made outside it after the probe interval', async () => {
    const card = async (): Promise<Card> =>
      (await t.http().get(path).query({ period: '2025-09' }).set(viewer).expect(200)).body as Card;
    expect(target(await card())).toBe(1.6);
    await t.db.dataSource.query(
      `UPDATE brand_kpi SET target_value = 1.5 WHERE indicator_id = (SELECT id FROM indicator WHERE code = $1)`,
      [FIXTURE.congestion],
    );
    // Within the probe interval the kept scorecard is served.
    expect(target(await card())).toBe(1.6);
    await t
      .http()
      .patch(`/api/brand-projects/${FIXTURE.project}/kpis/${FIXTURE.congestion}/target`)
      .set(admin)
      .send({ target: 1.4, reason: 'revised by the city council' })
      .expect(200);
    expect(target(await card())).toBe(1.4);
  });
});
