import SwaggerParser from '@apidevtools/swagger-parser';
import type { Role } from '@civicpulse/contracts';
import { FIXTURE, seedFixtureCity } from '../test/support/fixture-city';
import { startTestApp, type TestApp } from '../test/support/test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Access = 'public' | Role;

interface Endpoint {
  method: Method;
  /** Path as the OpenAPI document writes it. */
  template: string;
  /** A concrete request path. */
  path: string;
  access: Access;
  /** Body sent by the matrix (invalid on purpose for writes: a 400 still proves the guard let it through). */
  body?: object;
}

const P = FIXTURE.project;
const K = FIXTURE.congestion;

/** Every route of the API with the least role allowed to call it. */
const ENDPOINTS: Endpoint[] = [
  { method: 'get', template: '/api/health', path: '/api/health', access: 'public' },
  { method: 'get', template: '/api/health/live', path: '/api/health/live', access: 'public' },
  { method: 'get', template: '/api/health/ready', path: '/api/health/ready', access: 'public' },
  { method: 'post', template: '/api/auth/login', path: '/api/auth/login', access: 'public', body: {} },
  { method: 'get', template: '/api/auth/me', path: '/api/auth/me', access: 'viewer' },
  { method: 'get', template: '/api/admin/users', path: '/api/admin/users', access: 'admin' },
  { method: 'post', template: '/api/admin/users', path: '/api/admin/users', access: 'admin', body: {} },
  {
    method: 'patch',
    template: '/api/admin/users/{id}',
    path: '/api/admin/users/1',
    access: 'admin',
    body: { role: 'nobody' },
  },
  { method: 'get', template: '/api/admin/audit-log', path: '/api/admin/audit-log', access: 'admin' },
  {
    method: 'get',
    template: '/api/brand-projects',
    path: '/api/brand-projects?period=2025-09',
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/brand-projects/{code}',
    path: `/api/brand-projects/${P}`,
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/brand-projects/{code}/scorecard',
    path: `/api/brand-projects/${P}/scorecard?period=2025-09`,
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/brand-projects/{code}/matrix',
    path: `/api/brand-projects/${P}/matrix?period=2025-09`,
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/brand-projects/{code}/trend',
    path: `/api/brand-projects/${P}/trend?kpi=${K}`,
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/brand-projects/{code}/brief',
    path: `/api/brand-projects/${P}/brief?period=2025-09`,
    access: 'viewer',
  },
  {
    method: 'post',
    template: '/api/brand-projects/{code}/publish',
    path: '/api/brand-projects/no-such-project/publish',
    access: 'admin',
  },
  {
    method: 'delete',
    template: '/api/brand-projects/{code}/publish',
    path: '/api/brand-projects/no-such-project/publish',
    access: 'admin',
  },
  {
    method: 'patch',
    template: '/api/brand-projects/{code}/kpis/{indicator}/target',
    path: `/api/brand-projects/${P}/kpis/${K}/target`,
    access: 'admin',
    body: { target: 'x' },
  },
  {
    method: 'get',
    template: '/api/brand-projects/{code}/kpis/{indicator}/revisions',
    path: `/api/brand-projects/${P}/kpis/${K}/revisions`,
    access: 'viewer',
  },
  { method: 'get', template: '/api/indicators', path: '/api/indicators', access: 'viewer' },
  { method: 'get', template: '/api/indicators/{code}', path: `/api/indicators/${K}`, access: 'viewer' },
  {
    method: 'get',
    template: '/api/indicators/{code}/series',
    path: `/api/indicators/${K}/series`,
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/indicators/{code}/series.csv',
    path: `/api/indicators/${K}/series.csv`,
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/indicators/{code}/compare',
    path: `/api/indicators/${K}/compare?period=2025-09`,
    access: 'viewer',
  },
  {
    method: 'get',
    template: '/api/indicators/{code}/latest-by-region',
    path: `/api/indicators/${K}/latest-by-region`,
    access: 'viewer',
  },
  { method: 'get', template: '/api/regions', path: '/api/regions', access: 'viewer' },
  { method: 'get', template: '/api/overview', path: '/api/overview', access: 'viewer' },
  { method: 'get', template: '/api/sources', path: '/api/sources', access: 'operator' },
  { method: 'post', template: '/api/sources', path: '/api/sources', access: 'data_admin', body: {} },
  { method: 'get', template: '/api/sources/{key}', path: '/api/sources/no-such-source', access: 'operator' },
  {
    method: 'put',
    template: '/api/sources/{key}',
    path: '/api/sources/no-such-source',
    access: 'data_admin',
    body: {},
  },
  {
    method: 'patch',
    template: '/api/sources/{key}',
    path: '/api/sources/no-such-source',
    access: 'data_admin',
    body: {},
  },
  {
    method: 'delete',
    template: '/api/sources/{key}',
    path: '/api/sources/no-such-source',
    access: 'data_admin',
  },
  {
    method: 'post',
    template: '/api/sources/{key}/preview',
    path: '/api/sources/no-such-source/preview',
    access: 'data_admin',
    body: {},
  },
  {
    method: 'post',
    template: '/api/sources/{key}/runs',
    path: '/api/sources/no-such-source/runs',
    access: 'data_admin',
  },
  {
    method: 'post',
    template: '/api/sources/{key}/backfill',
    path: '/api/sources/no-such-source/backfill',
    access: 'data_admin',
    body: {},
  },
  { method: 'get', template: '/api/runs', path: '/api/runs', access: 'operator' },
  { method: 'get', template: '/api/runs/{id}', path: '/api/runs/1', access: 'operator' },
  { method: 'get', template: '/api/runs/{id}/rejects', path: '/api/runs/1/rejects', access: 'operator' },
  { method: 'get', template: '/api/alerts', path: '/api/alerts', access: 'viewer' },
  {
    method: 'post',
    template: '/api/alerts/{id}/resolve',
    path: '/api/alerts/999/resolve',
    access: 'operator',
  },
  { method: 'get', template: '/api/alert-rules', path: '/api/alert-rules', access: 'operator' },
  { method: 'post', template: '/api/alert-rules', path: '/api/alert-rules', access: 'operator', body: {} },
  {
    method: 'put',
    template: '/api/alert-rules/{id}',
    path: '/api/alert-rules/999',
    access: 'operator',
    body: {},
  },
  { method: 'delete', template: '/api/alert-rules/{id}', path: '/api/alert-rules/999', access: 'operator' },
  {
    method: 'get',
    template: '/api/public/brand-projects',
    path: '/api/public/brand-projects',
    access: 'public',
  },
  {
    method: 'get',
    template: '/api/public/brand-projects/{code}',
    path: `/api/public/brand-projects/${P}`,
    access: 'public',
  },
  {
    method: 'get',
    template: '/api/public/brand-projects/{code}/brief',
    path: `/api/public/brand-projects/${P}/brief`,
    access: 'public',
  },
];

const CALLERS: Array<'anonymous' | Role> = ['anonymous', 'viewer', 'operator', 'data_admin', 'admin'];
const RANK: Record<'anonymous' | Role, number> = {
  anonymous: -1,
  viewer: 0,
  operator: 1,
  data_admin: 2,
  admin: 3,
};

/** What a caller must get: 401 without a token, 403 below the role, otherwise anything but those and 5xx. */
function expectation(access: Access, caller: 'anonymous' | Role): 401 | 403 | 'allowed' {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  return RANK[caller] >= RANK[access] ? 'allowed' : 403;
}

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
}

describe('API surface (medium): authorization matrix, hostile input, OpenAPI', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2025-11-15T10:00:00+08:00') });
    await seedFixtureCity(t.db.dataSource);
    for (const role of ['viewer', 'operator', 'data_admin', 'admin'] as const)
      tokens.set(role, await t.tokenFor(role));
  });

  afterAll(async () => {
    await t.close();
  });

  const send = (endpoint: Pick<Endpoint, 'method' | 'path' | 'body'>, caller: 'anonymous' | Role) => {
    let req = t.http()[endpoint.method](endpoint.path);
    if (caller !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens.get(caller)}`);
    return endpoint.body ? req.send(endpoint.body) : req;
  };

  describe('authorization matrix', () => {
    const cases = ENDPOINTS.flatMap((e) =>
      CALLERS.map((caller) => [`${e.method.toUpperCase()} ${e.template}`, caller, e] as const),
    );
    it.each(cases)('%s as %s', async (_name, caller, endpoint) => {
      const res = await send(endpoint, caller);
      const expected = expectation(endpoint.access, caller);
      if (expected === 'allowed') {
        expect([401, 403]).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
      } else {
        expect(res.status).toBe(expected);
        expect(res.body.code).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
      }
    });
  });

  describe('OpenAPI document', () => {
    let doc: OpenApiDoc;

    beforeAll(async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      doc = res.body as OpenApiDoc;
    });

    it('is a valid OpenAPI document', async () => {
      await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
      expect(doc.openapi).toMatch(/^3\./);
    });

    it('lists exactly the routes of the authorization matrix', () => {
      const documented = Object.entries(doc.paths)
        .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
        .sort();
      const expected = ENDPOINTS.map((e) => `${e.method} ${e.template}`).sort();
      expect(documented).toEqual(expected);
    });

    it('survives hostile values in every documented query parameter', async () => {
      const nasty = [
        "' OR 1=1 --",
        '1e309',
        '-99999999999999999999',
        '2025-13-45',
        '%00',
        '{"$gt":""}',
        'x'.repeat(5000),
        '🙂',
        '../../etc/passwd',
      ];
      const admin = tokens.get('admin') as string;
      for (const endpoint of ENDPOINTS.filter((e) => e.method === 'get')) {
        const params =
          doc.paths[endpoint.template]?.['get']?.parameters?.filter((p) => p.in === 'query') ?? [];
        for (const param of params) {
          for (const value of nasty) {
            const base = endpoint.path.split('?')[0];
            const res = await t
              .http()
              .get(base)
              .query({ [param.name]: value })
              .set('Authorization', `Bearer ${admin}`);
            if (res.status >= 500)
              throw new Error(`${base}?${param.name}=${value.slice(0, 20)} → ${res.status}`);
            expect(res.status).toBeLessThan(500);
          }
        }
      }
    });
  });

  describe('hostile input', () => {
    const auth = () => ({ Authorization: `Bearer ${tokens.get('admin')}` });

    it('rejects SQL metacharacters and path tricks in codes with 400', async () => {
      for (const code of ["x'%20OR%201=1--", 'a%20b', '%27%3B%20DROP%20TABLE%20region%3B--']) {
        const res = await t.http().get(`/api/brand-projects/${code}`).set(auth());
        expect(res.status).toBe(400);
        expect(res.body.details[0].field).toBe('code');
      }
      const broken = await t.http().get('/api/brand-projects/%E0%A4%A').set(auth());
      expect(broken.status).toBe(400);
    });

    it('answers wrong types with field details', async () => {
      const res = await t
        .http()
        .post('/api/admin/users')
        .set(auth())
        .send({ username: ['a'], password: 12, role: 'emperor' })
        .expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'role']));
    });

    it('answers huge numbers and bad pagination with 400', async () => {
      await t.http().get('/api/admin/audit-log').query({ limit: '1e309' }).set(auth()).expect(400);
      await t.http().get('/api/admin/audit-log').query({ offset: '-1' }).set(auth()).expect(400);
      await t
        .http()
        .get('/api/admin/audit-log')
        .query({ limit: '10', offset: '99999999999999999999' })
        .set(auth())
        .expect(400);
      await t.http().patch('/api/admin/users/0').set(auth()).send({}).expect(400);
    });

    it('answers oversized and non-JSON bodies without a 500', async () => {
      const big = await t
        .http()
        .post('/api/admin/users')
        .set(auth())
        .set('Content-Type', 'application/json')
        .send(`{"username":"${'a'.repeat(100_000)}"}`);
      expect(big.status).toBe(413);
      expect(big.body).toEqual({
        code: 'payload_too_large',
        message: 'Request body is too large',
        details: [],
        requestId: expect.any(String),
      });
      const text = await t
        .http()
        .post('/api/admin/users')
        .set(auth())
        .set('Content-Type', 'text/plain')
        .send('username=x');
      expect(text.status).toBe(400);
    });

    it('echoes a request id in the header and the error body', async () => {
      const res = await t
        .http()
        .get('/api/brand-projects/nope')
        .set(auth())
        .set('x-request-id', 'trace-123')
        .expect(404);
      expect(res.headers['x-request-id']).toBe('trace-123');
      expect(res.body.requestId).toBe('trace-123');
    });

    it('rejects tokens signed with another secret or expired', async () => {
      const forged =
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwidXNlcm5hbWUiOiJhZG1pbiJ9.c2lnbmF0dXJlLWlzLXdyb25n';
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
      const none = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.';
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
    });

    it('sets security headers and keeps CORS closed by default', async () => {
      const res = await t.http().get('/api/health').set('Origin', 'https://evil.example').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });
});
