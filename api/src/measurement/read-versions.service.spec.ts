import type { ReadVersionRepository, ReadVersions } from '@civicpulse/db';
import { ReadVersionsService } from './read-versions.service';

function service(versionProbeMs: number): { versions: ReadVersionsService; probes: () => number } {
  let probes = 0;
  const repository = {
    versions: async (): Promise<ReadVersions> => {
      probes += 1;
      return { catalogue: `c${probes}`, data: 'd', alerts: 'a' };
    },
  } as unknown as ReadVersionRepository;
  const config = { caches: { authUserMs: 0, versionProbeMs, scorecardEntries: 0 } };
  return { versions: new ReadVersionsService(repository, config), probes: () => probes };
}

describe('ReadVersionsService', () => {
  it('shares one probe among requests within the interval, until invalidated', async () => {
    const { versions, probes } = service(600_000);
    const [a, b] = await Promise.all([versions.current(), versions.current()]);
    expect(await versions.current()).toBe(a);
    expect(b).toBe(a);
    expect(probes()).toBe(1);
    versions.invalidate();
    expect((await versions.current()).catalogue).toBe('c2');
  });

  it('with an interval of 0 shares only the probe in flight', async () => {
    const { versions, probes } = service(0);
    await Promise.all([versions.current(), versions.current()]);
    expect(probes()).toBe(1);
    await versions.current();
    expect(probes()).toBe(2);
  });
});
