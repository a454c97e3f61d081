import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('shares one computation between concurrent calls and keeps the value', async () => {
    const cache = new BoundedCache<number>(10, 1000, () => 0);
    let runs = 0;
    const compute = async (): Promise<number> => {
      runs += 1;
      return 42;
    };
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a, b, await cache.get('k', compute)]).toEqual([42, 42, 42]);
    expect(runs).toBe(1);
  });

  it('evicts the least recently used entry beyond its capacity', async () => {
    const cache = new BoundedCache<string>(2, 1000, () => 0);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('a', async () => 'a2');
    await cache.get('c', async () => 'c1');
    expect(await cache.get('a', async () => 'a3')).toBe('a1');
    expect(await cache.get('b', async () => 'b2')).toBe('b2');
  });

  it('recomputes after the time limit and after a failure', async () => {
    let clock = 0;
    const cache = new BoundedCache<string>(5, 100, () => clock);
    await cache.get('k', async () => 'first');
    clock = 99;
    expect(await cache.get('k', async () => 'second')).toBe('first');
    clock = 200;
    expect(await cache.get('k', async () => 'third')).toBe('third');
    await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', async () => 'up')).toBe('up');
  });

  it('keeps nothing with a capacity of 0', async () => {
    const cache = new BoundedCache<number>(0, 1000, () => 0);
    let runs = 0;
    await cache.get('k', async () => ++runs);
    await cache.get('k', async () => ++runs);
    expect(runs).toBe(2);
    expect(cache.size).toBe(0);
  });
});
