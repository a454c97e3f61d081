import { startTestApp, TEST_PASSWORD, type TestApp } from '../../test/support/test-app';

describe('auth, users and health (medium)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports liveness and readiness with migration state', async () => {
    await t.http().get('/api/health').expect(200);
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.database).toBe('up');
    expect(ready.body.migrations.pending).toBe(0);
    expect(ready.body.migrations.applied).toBeGreaterThan(0);
  });

  it('created the first admin from ADMIN_PASSWORD without printing it', async () => {
    expect(t.printed).toEqual([]);
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: TEST_PASSWORD })
      .expect(200);
    expect(res.body.tokenType).toBe('Bearer');
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin', disabled: false });
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('refuses wrong passwords and unknown users with the same 401 body', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'ghost', password: 'nope' })
      .expect(401);
    expect(wrong.body.code).toBe('unauthorized');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('validates the login body with field details', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 5, extra: true }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    const fields = (res.body.details as Array<{ field: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'extra']));
  });

  it('returns the signed-in user on /auth/me and 401 without a token', async () => {
    const token = await t.tokenFor('viewer');
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ username: 'test-viewer', role: 'viewer' });
    await t.http().get('/api/auth/me').expect(401);
    await t.http().get('/api/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
  });

  it('lets an admin create, promote and disable users, with audit entries', async () => {
    const admin = await t.tokenFor('admin');
    const auth = { Authorization: `Bearer ${admin}` };
    const created = await t
      .http()
      .post('/api/admin/users')
      .set(auth)
      .send({ username: 'zhang.san', password: 'a-long-password', role: 'viewer' })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'zhang.san', role: 'viewer', disabled: false });
    await t
      .http()
      .post('/api/admin/users')
      .set(auth)
      .send({ username: 'ZHANG.SAN', password: 'a-long-password', role: 'viewer' })
      .expect(409);

    const id = created.body.id as number;
    const promoted = await t
      .http()
      .patch(`/api/admin/users/${id}`)
      .set(auth)
      .send({ role: 'operator' })
      .expect(200);
    expect(promoted.body.role).toBe('operator');

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'zhang.san', password: 'a-long-password' })
      .expect(200);
    const userToken = login.body.accessToken as string;
    await t.http().patch(`/api/admin/users/${id}`).set(auth).send({ disabled: true }).expect(200);
    // Disabling takes effect on the next request, not when the token expires.
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${userToken}`).expect(401);

    const log = await t
      .http()
      .get('/api/admin/audit-log')
      .query({ entityType: 'app_user', entityId: String(id) })
      .set(auth)
      .expect(200);
    const actions = (log.body.items as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(['user.update', 'user.update', 'user.create']);
  });

  it('forbids non-admins from user management', async () => {
    const operator = await t.tokenFor('operator');
    const res = await t.http().get('/api/admin/users').set('Authorization', `Bearer ${operator}`).expect(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('rejects ids that cannot exist with 400', async () => {
    const admin = await t.tokenFor('admin');
    const res = await t
      .http()
      .patch('/api/admin/users/99999999999999999999')
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'viewer' })
      .expect(400);
    expect(res.body.details[0].field).toBe('id');
    await t
      .http()
      .patch('/api/admin/users/424242')
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'viewer' })
      .expect(404);
  });

  it('keeps the last admin an admin', async () => {
    const admin = await t.tokenFor('admin');
    const users = await t.http().get('/api/admin/users').set('Authorization', `Bearer ${admin}`).expect(200);
    const admins = (users.body as Array<{ id: number; role: string; disabled: boolean }>).filter(
      (u) => u.role === 'admin' && !u.disabled,
    );
    expect(admins.length).toBe(2);
    await t
      .http()
      .patch(`/api/admin/users/${admins[0].id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'viewer' })
      .expect(200);
    const last = admins[1];
    const res = await t
      .http()
      .patch(`/api/admin/users/${last.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ disabled: true });
    expect(res.status).toBe(409);
  });

  it('answers malformed and oversized JSON with 4xx error bodies', async () => {
    const bad = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":')
      .expect(400);
    expect(bad.body.code).toBe('bad_request');
    const huge = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'a', password: 'x'.repeat(200_000) }))
      .expect(413);
    expect(huge.body.code).toBe('payload_too_large');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.http().get('/api/nope').expect(404);
    expect(res.body.code).toBe('not_found');
  });
});
