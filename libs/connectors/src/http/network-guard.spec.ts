import { BlockedHostError } from '../errors/source-errors';
import { startFixtureServer } from '../conformance/fixture-server';
import { HttpClient } from './http-client';
import { isHostAllowed, NetworkGuard, type HostResolver } from './network-guard';

/** A resolver that records lookups and answers from a table (no real DNS). */
function fakeResolver(table: Record<string, string[]>): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string) => {
    calls.push(hostname);
    return (table[hostname] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? (6 as const) : (4 as const),
    }));
  };
  return Object.assign(resolver, { calls });
}

describe('NetworkGuard', () => {
  it.each([
    ['169.254.169.254'],
    ['10.0.0.1'],
    ['127.0.0.1'],
    ['172.16.5.4'],
    ['192.168.1.1'],
    ['100.64.0.1'],
    ['0.0.0.0'],
    ['[::1]'],
    ['[fc00::1]'],
    ['[fd12:3456::1]'],
    ['[fe80::1]'],
    ['[::ffff:10.0.0.1]'],
    ['[::ffff:169.254.169.254]'],
  ])('refuses %s before connecting', async (host) => {
    const guard = new NetworkGuard([host.replace(/^\[|\]$/g, '')]);
    await expect(guard.vet(new URL(`http://${host}/latest/meta-data/`))).rejects.toBeInstanceOf(
      BlockedHostError,
    );
  });

  it('accepts a public address', async () => {
    const guard = new NetworkGuard(['93.184.216.34']);
    await expect(guard.vet(new URL('http://93.184.216.34/'))).resolves.toEqual({
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('refuses a host outside allowed_hosts without resolving it', async () => {
    const resolver = fakeResolver({ 'evil.example': ['93.184.216.34'] });
    const guard = new NetworkGuard(['data.example.gov'], { resolver });
    await expect(guard.vet(new URL('https://evil.example/'))).rejects.toThrow(
      /not in the source's allowed_hosts/,
    );
    expect(resolver.calls).toEqual([]);
  });

  it('refuses a name that resolves to a private address (DNS rebinding to metadata)', async () => {
    const resolver = fakeResolver({ 'portal.example.gov': ['93.184.216.34', '169.254.169.254'] });
    const guard = new NetworkGuard(['portal.example.gov'], { resolver });
    await expect(guard.vet(new URL('https://portal.example.gov/api'))).rejects.toThrow(
      /169\.254\.169\.254, a loopback\/private\/link-local address/,
    );
  });

  it('allows private addresses only when the deployment says so', async () => {
    await expect(
      new NetworkGuard(['10.0.0.1'], { allowPrivateNetworks: true }).vet(new URL('http://10.0.0.1/')),
    ).resolves.toMatchObject({ address: '10.0.0.1' });
    await expect(
      new NetworkGuard(['10.0.0.1'], { allowedAddresses: ['10.0.0.0/24'] }).vet(new URL('http://10.0.0.1/')),
    ).resolves.toMatchObject({ address: '10.0.0.1' });
    await expect(
      new NetworkGuard(['169.254.169.254'], { allowedAddresses: ['10.0.0.0/24'] }).vet(
        new URL('http://169.254.169.254/'),
      ),
    ).rejects.toBeInstanceOf(BlockedHostError);
  });

  it('refuses non-http protocols', async () => {
    await expect(new NetworkGuard(['example.org']).vet(new URL('file:///etc/passwd'))).rejects.toThrow(
      /protocol file:/,
    );
  });

  it('matches wildcard hosts on label boundaries', () => {
    expect(isHostAllowed('services1.arcgis.com', ['*.arcgis.com'])).toBe(true);
    expect(isHostAllowed('arcgis.com.evil.net', ['*.arcgis.com'])).toBe(false);
    expect(isHostAllowed('DATA.GOV.HK', ['data.gov.hk'])).toBe(true);
    expect(isHostAllowed('notdata.gov.hk', ['data.gov.hk'])).toBe(false);
  });
});

describe('HttpClient with the guard', () => {
  it('makes no request to a refused address and does not retry it', async () => {
    const client = new HttpClient({
      allowedHosts: ['10.0.0.1'],
      retry: { retries: 3 },
      clock: { now: () => 0, sleep: async () => undefined },
    });
    const started = await client.get('http://10.0.0.1/').catch((e: unknown) => e);
    expect(started).toBeInstanceOf(BlockedHostError);
    expect((started as BlockedHostError).retryable).toBe(false);
  });

  it('connects to the vetted address of a name (pinned, no second lookup)', async () => {
    const server = await startFixtureServer(() => ({ body: 'ok' }));
    try {
      const port = new URL(server.url).port;
      const resolver = fakeResolver({ 'portal.test': ['127.0.0.1'] });
      const client = new HttpClient({
        allowedHosts: ['portal.test'],
        allowedAddresses: ['127.0.0.1'],
        resolver,
      });
      const response = await client.get(`http://portal.test:${port}/x`);
      expect(response.body.toString()).toBe('ok');
      expect(resolver.calls).toEqual(['portal.test']);
    } finally {
      await server.close();
    }
  });

  it('re-checks redirects against the guard', async () => {
    const server = await startFixtureServer(() => ({
      status: 302,
      headers: { location: 'http://169.254.169.254/latest/meta-data/' },
    }));
    try {
      const client = new HttpClient({
        allowedHosts: ['127.0.0.1', '169.254.169.254'],
        allowedAddresses: ['127.0.0.1'],
      });
      await expect(client.get(`${server.url}/start`)).rejects.toBeInstanceOf(BlockedHostError);
    } finally {
      await server.close();
    }
  });
});
