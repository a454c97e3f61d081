import { get } from 'node:http';
import { startDemoPortal, type DemoPortal } from './demo-portal-server';

let portal: DemoPortal;
beforeAll(async () => {
  portal = await startDemoPortal({ until: '2024-01-01T00:00:00+08:00', hourlyDays: 1, benchRows: 1_000_000 });
});
afterAll(() => portal.close());

/** Streams a URL, counting newline bytes and sampling the heap, never keeping the body. */
function countLines(url: string): Promise<{ lines: number; firstLine: string; peakHeapGrowth: number }> {
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let lines = 0;
  let firstLine = '';
  let chunks = 0;
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      res.on('data', (chunk: Buffer) => {
        if (firstLine === '') firstLine = chunk.toString('utf8').split('\n')[0];
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        chunks += 1;
        if (chunks % 64 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      });
      res.on('end', () => resolve({ lines, firstLine, peakHeapGrowth: peak }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('bulk benchmark endpoint', () => {
  it('streams one million CSV rows without holding them in memory', async () => {
    const { lines, firstLine, peakHeapGrowth } = await countLines(
      `${portal.url}/bench/observations.csv?rows=1000000`,
    );
    expect(firstLine).toBe('indicator_code,region_code,grain,period_start,value,numerator,denominator');
    expect(lines).toBe(1_000_001);
    // The body is ~80 MB; buffering it as a string alone would take well over 150 MB of heap.
    expect(peakHeapGrowth).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it('pages the Socrata-shaped bulk dataset from any offset without generating what precedes it', async () => {
    const rows = (await (
      await fetch(`${portal.url}/resource/bnch-0bsv.json?$order=:id&$offset=999998&$limit=5`)
    ).json()) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    const keys = new Set(rows.map((r) => `${r['indicator_code']}|${r['region_code']}|${r['period_start']}`));
    expect(keys.size).toBe(2);
  });
});
