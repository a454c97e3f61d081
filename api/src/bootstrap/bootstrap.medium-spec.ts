import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../test/support/test-app';

describe('boot behaviour (medium): first admin, login rate limit, web app', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'civicpulse-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>城市脉搏</title>');
    writeFileSync(join(webDir, 'main.js'), 'console.log(1)');
    t = await startTestApp({
      env: { ADMIN_PASSWORD: '', LOGIN_RATE_LIMIT_PER_MINUTE: '3', WEB_DIST_DIR: webDir },
    });
  });

  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('prints a generated first-admin password once, in a clear line, and it works', async () => {
    expect(t.printed).toHaveLength(1);
    const match = /^FIRST_ADMIN username=admin password=(\S{20,})$/.exec(t.printed[0]);
    expect(match).not.toBeNull();
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: match?.[1] })
      .expect(200);
    expect(res.body.user.role).toBe('admin');
  });

  it('limits sign-in attempts per client', async () => {
    // One attempt used above; two more are allowed, the fourth is refused.
    await t.http().post('/api/auth/login').send({ username: 'admin', password: 'wrong' }).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'admin', password: 'wrong' }).expect(401);
    const limited = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'wrong' })
      .expect(429);
    expect(limited.body.code).toBe('too_many_requests');
    // Other routes are not counted against the login limit.
    await t.http().get('/api/health').expect(200);
  });

  it('serves the web app with SPA fallback, but never for /api', async () => {
    const deep = await t.http().get('/brand-projects/smooth-city').expect(200);
    expect(deep.text).toContain('城市脉搏');
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    await t.http().get('/main.js').expect(200);
    await t.http().get('/missing.js').expect(404);
    const api = await t.http().get('/api/not-a-route').expect(404);
    expect(api.body.code).toBe('not_found');
  });
});
