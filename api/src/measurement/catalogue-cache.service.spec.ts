import type {
  BrandProjectRecord,
  BrandProjectRepository,
  IndicatorQueryRepository,
  IndicatorRecord,
  ReadVersions,
  RegionQueryRepository,
} from '@civicpulse/db';
import { CatalogueCache, type CatalogueSnapshot } from './catalogue-cache.service';
import type { ReadVersionsService } from './read-versions.service';

/** A catalogue whose version and indicator list the test sets; counts the loads. */
function fakeCatalogue() {
  const state = { version: 'v1', names: ['a'], loads: 0 };
  const versions: Pick<ReadVersionsService, 'current'> = {
    current: async (): Promise<ReadVersions> => ({ catalogue: state.version, data: 'd', alerts: 'a' }),
  };
  const projects: Pick<BrandProjectRepository, 'listAll'> = {
    listAll: async (): Promise<BrandProjectRecord[]> => [],
  };
  const indicators: Pick<IndicatorQueryRepository, 'search'> = {
    search: async (): Promise<IndicatorRecord[]> => {
      state.loads += 1;
      return state.names.map((code, id) => ({ id, code }) as IndicatorRecord);
    },
  };
  const regions: Pick<RegionQueryRepository, 'list'> = { list: async () => [] };
  const cache = new CatalogueCache(
    versions as ReadVersionsService,
    projects as BrandProjectRepository,
    indicators as IndicatorQueryRepository,
    regions as RegionQueryRepository,
  );
  return { state, cache };
}

const codes = (c: CatalogueSnapshot) => c.indicators.map((i) => i.code);

describe('CatalogueCache', () => {
  it('loads once per catalogue version', async () => {
    const { state, cache } = fakeCatalogue();
    expect(codes(await cache.snapshot())).toEqual(['a']);
    await cache.snapshot();
    expect(state.loads).toBe(1);
    state.version = 'v2';
    state.names = ['a', 'b'];
    expect(codes(await cache.snapshot())).toEqual(['a', 'b']);
    expect(state.loads).toBe(2);
  });

  it('keeps the work done on the held catalogue when the version is unchanged', async () => {
    const { state, cache } = fakeCatalogue();
    await cache.snapshot();
    const seen: string[][] = [];
    const result = await cache.withCatalogue(async (c) => {
      seen.push(codes(c));
      return codes(c).length;
    });
    expect(result).toBe(1);
    expect(seen).toEqual([['a']]);
    expect(state.loads).toBe(1);
  });

  it('redoes the work on the newer catalogue when the probe finds a change', async () => {
    const { state, cache } = fakeCatalogue();
    await cache.snapshot();
    state.version = 'v2';
    state.names = ['a', 'b'];
    const seen: string[][] = [];
    const result = await cache.withCatalogue(async (c) => {
      seen.push(codes(c));
      return codes(c);
    });
    expect(result).toEqual(['a', 'b']);
    expect(seen).toEqual([['a'], ['a', 'b']]);
  });

  it('drops an error of the held catalogue when a newer one answers, and keeps it otherwise', async () => {
    const { state, cache } = fakeCatalogue();
    await cache.snapshot();
    const needB = async (c: CatalogueSnapshot) => {
      if (!c.indicatorsByCode.has('b')) throw new Error('no b');
      return 'found b';
    };
    await expect(cache.withCatalogue(needB)).rejects.toThrow('no b');
    state.version = 'v2';
    state.names = ['a', 'b'];
    await expect(cache.withCatalogue(needB)).resolves.toBe('found b');
  });
});
