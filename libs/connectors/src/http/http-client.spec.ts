import { startFixtureServer } from '../conformance/fixture-server';
import { HttpStatusError } from '../errors/source-errors';
import { HttpClient, TooManyRedirectsError } from './http-client';

function clock(start: number) {
  const sleeps: number[] = [];
  let now = start;
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('HttpClient', () => {
  it('honours Retry-After given as an HTTP-date', async () => {
    const start = Date.UTC(2024, 0, 1, 0, 0, 0);
    const server = await startFixtureServer((r) =>
      r.attempt === 1
        ? { status: 503, headers: { 'retry-after': 'Mon, 01 Jan 2024 00:00:12 GMT' } }
        : { body: 'ok' },
    );
    try {
      const c = clock(start);
      const client = new HttpClient({
        allowedHosts: ['127.0.0.1'],
        allowedAddresses: ['127.0.0.1'],
        clock: c,
        random: () => 0,
      });
      expect((await client.get(`${server.url}/x`)).body.toString()).toBe('ok');
      expect(c.sleeps).toEqual([12_000]);
    } finally {
      await server.close();
    }
  });

  it('spaces requests to the rate limit', async () => {
    const server = await startFixtureServer(() => ({ body: 'ok' }));
    try {
      const c = clock(0);
      const client = new HttpClient({
        allowedHosts: ['127.0.0.1'],
        allowedAddresses: ['127.0.0.1'],
        clock: c,
        requestsPerSecond: 4,
      });
      for (let i = 0; i < 3; i++) await client.get(`${server.url}/p${i}`);
      expect(c.sleeps).toEqual([250, 250]);
    } finally {
      await server.close();
    }
  });

  it('does not retry a 404 and stops redirect loops', async () => {
    const server = await startFixtureServer((r) =>
      r.path === '/loop' ? { status: 302, headers: { location: '/loop' } } : { status: 404 },
    );
    try {
      const c = clock(0);
      const client = new HttpClient({
        allowedHosts: ['127.0.0.1'],
        allowedAddresses: ['127.0.0.1'],
        clock: c,
        maxRedirects: 3,
      });
      await expect(client.get(`${server.url}/missing`)).rejects.toMatchObject({
        constructor: HttpStatusError,
        status: 404,
        retryable: false,
      });
      expect(c.sleeps).toEqual([]);
      await expect(client.get(`${server.url}/loop`)).rejects.toBeInstanceOf(TooManyRedirectsError);
      expect(server.requests.filter((r) => r === '/loop')).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('sends configured headers', async () => {
    let seen: string | undefined;
    const server = await startFixtureServer((r) => {
      seen = String(r.headers['x-app-token']);
      return { body: '[]' };
    });
    try {
      const client = new HttpClient({
        allowedHosts: ['127.0.0.1'],
        allowedAddresses: ['127.0.0.1'],
        headers: { 'X-App-Token': 'abc' },
      });
      await client.get(`${server.url}/h`);
      expect(seen).toBe('abc');
    } finally {
      await server.close();
    }
  });
});
