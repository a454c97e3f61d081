import { FIXTURE, seedFixtureCity } from '../../test/support/fixture-city';
import { startTestApp, type TestApp } from '../../test/support/test-app';

describe('targets, publication, showcase and brief (medium)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let viewer: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2025-11-15T10:00:00+08:00') });
    await seedFixtureCity(t.db.dataSource);
    admin = { Authorization: `Bearer ${await t.tokenFor('admin')}` };
    viewer = { Authorization: `Bearer ${await t.tokenFor('viewer')}` };
  });

  afterAll(async () => {
    await t.close();
  });

  const targetUrl = `/api/brand-projects/${FIXTURE.project}/kpis/${FIXTURE.punctuality}/target`;
  const revisionsUrl = `/api/brand-projects/${FIXTURE.project}/kpis/${FIXTURE.punctuality}/revisions`;

  it('revises a KPI target with a reason, append-only, and rescoring follows', async () => {
    const res = await t
      .http()
      .patch(targetUrl)
      .set(admin)
      .send({ target: 95, reason: '年度计划上调' })
      .expect(200);
    expect(res.body).toMatchObject({
      oldTarget: 90,
      newTarget: 95,
      oldTargetDate: '2025-12-31',
      newTargetDate: '2025-12-31',
      reason: '年度计划上调',
      changedBy: 'test-admin',
    });
    await t
      .http()
      .patch(targetUrl)
      .set(admin)
      .send({ target: 92, targetDate: '2026-06-30', reason: 'second thoughts' })
      .expect(200);
    const list = await t.http().get(revisionsUrl).set(viewer).expect(200);
    // The oldest revision is the initial target recorded by the catalogue (no old value).
    expect(list.body.map((r: { newTarget: number }) => r.newTarget)).toEqual([92, 95, 90]);
    expect(list.body[2].oldTarget).toBeNull();
    const card = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/scorecard`)
      .query({ period: '2025-09' })
      .set(viewer)
      .expect(200);
    const row = card.body.kpis.find(
      (k: { indicatorCode: string }) => k.indicatorCode === FIXTURE.punctuality,
    );
    expect(row.target).toBe(92);
    // p = (88.18 − 80)/(92 − 80).
    expect(row.progress).toBeCloseTo((970 / 11 - 80) / 12, 3);
    const audit = await t
      .http()
      .get('/api/admin/audit-log')
      .query({ entityType: 'brand_kpi' })
      .set(admin)
      .expect(200);
    expect(audit.body.total).toBe(2);
  });

  it('refuses target changes without a reason, with bad numbers or dates, and by non-admins', async () => {
    const bad = await t.http().patch(targetUrl).set(admin).send({ target: 'ninety' }).expect(400);
    const fields = bad.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['target', 'reason']));
    await t.http().patch(targetUrl).set(admin).send({ target: 1e300, reason: 'too big' }).expect(400);
    await t.http().patch(targetUrl).set(admin).send({ target: 90, reason: '   ' }).expect(400);
    await t
      .http()
      .patch(targetUrl)
      .set(admin)
      .send({ target: 90, reason: 'ok reason', targetDate: '2025-02-30' })
      .expect(400);
    await t
      .http()
      .patch(targetUrl)
      .set(admin)
      .send({ target: 90, reason: 'ok reason', targetDate: '2024-01-01' })
      .expect(400);
    await t
      .http()
      .patch(targetUrl)
      .set(admin)
      .send({ target: 90, reason: 'ok reason', extra: 1 })
      .expect(400);
    await t.http().patch(targetUrl).set(viewer).send({ target: 90, reason: 'ok reason' }).expect(403);
    await t
      .http()
      .patch(`/api/brand-projects/${FIXTURE.project}/kpis/unknown.kpi/target`)
      .set(admin)
      .send({ target: 1, reason: 'ok reason' })
      .expect(404);
  });

  it('keeps unpublished projects off the public showcase', async () => {
    const list = await t.http().get('/api/public/brand-projects').expect(200);
    expect(list.body).toEqual([]);
    await t.http().get(`/api/public/brand-projects/${FIXTURE.project}`).expect(404);
    await t.http().get(`/api/public/brand-projects/${FIXTURE.project}/brief`).expect(404);
  });

  it('publishes (admin only, audited) and shows the showcase without internal fields', async () => {
    await t.http().post(`/api/brand-projects/${FIXTURE.project}/publish`).set(viewer).expect(403);
    const published = await t
      .http()
      .post(`/api/brand-projects/${FIXTURE.project}/publish`)
      .set(admin)
      .expect(200);
    expect(published.body).toMatchObject({
      code: FIXTURE.project,
      published: true,
      publishedBy: 'test-admin',
    });
    const list = await t.http().get('/api/public/brand-projects').expect(200);
    expect(list.body.map((p: { code: string }) => p.code)).toEqual([FIXTURE.project]);
    const page = await t.http().get(`/api/public/brand-projects/${FIXTURE.project}`).expect(200);
    expect(page.body).toMatchObject({
      nameZh: '畅行之城',
      ownerDepartmentNameZh: '交通运输局',
      regionNamesEn: ['District 1', 'District 2', 'District 3'],
    });
    const json = JSON.stringify(page.body);
    for (const internal of [
      'weight',
      'lineage',
      'sourceKey',
      'publishedBy',
      'contribution',
      'regionTargets',
    ]) {
      expect(json).not.toContain(`"${internal}"`);
    }
    expect(page.body.kpis[0].series).toHaveLength(12);
    const detail = await t.http().get(`/api/brand-projects/${FIXTURE.project}`).set(viewer).expect(200);
    expect(detail.body.published).toBe(true);
    await t.http().delete(`/api/brand-projects/${FIXTURE.project}/publish`).set(admin).expect(200);
    await t.http().get(`/api/public/brand-projects/${FIXTURE.project}`).expect(404);
    const audit = await t
      .http()
      .get('/api/admin/audit-log')
      .query({ entityType: 'brand_project', entityId: FIXTURE.project })
      .set(admin)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'brand_project.unpublish',
      'brand_project.publish',
    ]);
  });

  it('writes the bilingual brief in text and Markdown', async () => {
    const zh = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/brief`)
      .query({ period: '2025-09', lang: 'zh' })
      .set(viewer)
      .expect(200);
    expect(zh.body.title).toBe('畅行之城 2025-09 简报');
    // Congestion: 1.78 in August → 1.70 in September; 990101 (target 1.65) and 990102/990103 judged per district.
    const congestion = zh.body.lines[0] as string;
    expect(congestion).toMatch(/^高峰拥堵延时指数：目标 1\.6，实际 1\.7，较上月下降 0\.08/);
    const punctuality = (zh.body.lines as string[]).find((l) => l.startsWith('公交准点率'));
    expect(punctuality).toContain('实际 88.18%');
    const en = await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/brief`)
      .query({ period: '2025-09', lang: 'en', format: 'markdown' })
      .set(viewer)
      .expect(200);
    expect(en.body.body.startsWith('# Smooth City — brief for 2025-09\n')).toBe(true);
    expect(en.body.lines[0]).toContain(
      'Peak congestion delay index: target 1.6, actual 1.7, down 0.08 on the previous month',
    );
    await t
      .http()
      .get(`/api/brand-projects/${FIXTURE.project}/brief`)
      .query({ lang: 'fr' })
      .set(viewer)
      .expect(400);
  });

  it('keeps department-scoped admins to their own department', async () => {
    await t
      .http()
      .post('/api/admin/users')
      .set(admin)
      .send({
        username: 'health.admin',
        password: 'a-long-password',
        role: 'admin',
        departmentCode: 'health',
      })
      .expect(201);
    await t
      .http()
      .post('/api/admin/users')
      .set(admin)
      .send({
        username: 'x.admin',
        password: 'a-long-password',
        role: 'admin',
        departmentCode: 'no-such-dept',
      })
      .expect(400);
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'health.admin', password: 'a-long-password' })
      .expect(200);
    expect(login.body.user.departmentCode).toBe('health');
    const scoped = { Authorization: `Bearer ${login.body.accessToken}` };
    await t.http().post(`/api/brand-projects/${FIXTURE.project}/publish`).set(scoped).expect(403);
    await t.http().patch(targetUrl).set(scoped).send({ target: 91, reason: 'not mine' }).expect(403);
  });

  it('serves the brief publicly once published', async () => {
    await t.http().post(`/api/brand-projects/${FIXTURE.project}/publish`).set(admin).expect(200);
    const res = await t
      .http()
      .get(`/api/public/brand-projects/${FIXTURE.project}/brief`)
      .query({ period: '2025-09', lang: 'en' })
      .expect(200);
    expect(res.body.lang).toBe('en');
    await t.http().get(`/api/public/brand-projects/${FIXTURE.unpublishedProject}/brief`).expect(404);
  });
});
