import { CONNECTOR_REGISTRY } from '../connectors/connector-registry';
import {
  ConnectionError,
  EncodingError,
  HttpStatusError,
  SchemaDriftError,
  TimeoutError,
  TruncatedBodyError,
} from '../errors/source-errors';
import type { Clock } from '../http/retry-policy';
import { parseSourceManifest } from '../manifest/parse-source-manifest';
import { RecordMapper } from '../mapping/record-mapper';
import { runSource, type SourceBatch } from '../run/run-source';
import type { FetchOptions } from '../run/run-options';
import { CONFORMANCE_CASES, type ConformanceCase, type RenderOptions } from './conformance-cases';
import { CONFORMANCE_CONTEXT, CONFORMANCE_ROWS } from './conformance-dataset';
import {
  closedPort,
  type FixtureReply,
  type FixtureRequest,
  type FixtureServer,
  startFixtureServer,
} from './fixture-server';

/** A clock that records requested sleeps and never waits. */
function fakeClock(start = Date.UTC(2024, 5, 1)): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => start, sleep: async (ms) => void sleeps.push(ms) };
}

function fetchOptions(clock = fakeClock(), extra: FetchOptions = {}): FetchOptions {
  return { allowedAddresses: ['127.0.0.1'], clock, random: () => 0.5, ...extra };
}

async function collect(batches: AsyncIterable<SourceBatch>): Promise<SourceBatch[]> {
  const out: SourceBatch[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

describe.each(CONFORMANCE_CASES)('connector conformance: $name', (testCase: ConformanceCase) => {
  let server: FixtureServer;
  let faults: (request: FixtureRequest) => FixtureReply | undefined;
  let renderOptions: RenderOptions;

  beforeAll(async () => {
    server = await startFixtureServer(async (request) => {
      const fault = faults(request);
      // A truncation fault without a body cuts the real fixture in half.
      if (fault?.truncate && fault.body === undefined)
        return { ...(await testCase.render(request, renderOptions)), truncate: true };
      return fault ?? (await testCase.render(request, renderOptions));
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    faults = () => undefined;
    renderOptions = {};
    server.reset();
  });

  const paging = (extra: Record<string, unknown>) => ({
    mode: 'none',
    ...(testCase.manifest(server.url)['paging'] as object | undefined),
    ...extra,
  });
  const manifest = (overrides: Record<string, unknown> = {}) =>
    parseSourceManifest({ ...testCase.manifest(server.url), ...overrides }, `conformance:${testCase.name}`);

  it('reads every row, rejects the bad ones with a reason, and terminates', async () => {
    const batches = await collect(runSource(manifest(), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }));
    const last = batches[batches.length - 1]!;
    const observations = batches.flatMap((b) => b.observations);
    const rejects = batches.flatMap((b) => b.rejects);
    expect(last.final).toBe(true);
    expect(last.rowsRead).toBe(CONFORMANCE_ROWS.length);
    if (testCase.paged) expect(last.pageCount).toBe(3);
    expect(server.requests.length).toBeLessThanOrEqual(6);
    expect(observations.map((o) => [o.regionCode, o.periodStart.toISOString(), o.value])).toEqual([
      ['990101', '2023-12-31T16:00:00.000Z', 10],
      ['990102', '2023-12-31T16:00:00.000Z', 20],
      ['990103', '2024-01-01T16:00:00.000Z', 30],
      ['990102', '2024-01-02T16:00:00.000Z', 50],
      ['990103', '2024-01-03T16:00:00.000Z', 70],
    ]);
    expect(observations.every((o) => o.indicatorCode === 'test.conformance_value' && o.grain === 'day')).toBe(
      true,
    );
    expect(rejects.map((r) => [r.rowNumber, r.reasonCode])).toEqual([
      [4, 'unparseable_number'],
      [6, 'unknown_region'],
    ]);
  });

  it('keeps the cursor monotonic and ends at the newest row', async () => {
    const batches = await collect(runSource(manifest(), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }));
    const cursors = batches.map((b) => b.cursor).filter((c): c is string => c !== null);
    expect(cursors.length).toBeGreaterThan(0);
    for (let i = 1; i < cursors.length; i++)
      expect(Date.parse(cursors[i]!)).toBeGreaterThanOrEqual(Date.parse(cursors[i - 1]!));
    expect(cursors[cursors.length - 1]).toBe('2024-01-04T00:00:00.000Z');
  });

  it('yields nothing for a cursor in the future, and keeps that cursor', async () => {
    const future = '2999-01-01T00:00:00.000Z';
    const batches = await collect(
      runSource(manifest(), CONFORMANCE_CONTEXT, { cursor: future, fetch: fetchOptions() }),
    );
    expect(batches.flatMap((b) => b.observations)).toEqual([]);
    expect(batches.flatMap((b) => b.rejects)).toEqual([]);
    expect(batches[batches.length - 1]!.cursor).toBe(future);
  });

  it('continues after a stored cursor (only newer rows)', async () => {
    const batches = await collect(
      runSource(manifest(), CONFORMANCE_CONTEXT, {
        cursor: '2024-01-02T00:00:00.000Z',
        fetch: fetchOptions(),
      }),
    );
    expect(batches.flatMap((b) => b.observations).map((o) => o.value)).toEqual([50, 70]);
  });

  it('maps purely: same record, same result, record untouched', async () => {
    const m = manifest();
    const mapper = new RecordMapper(m, CONFORMANCE_CONTEXT);
    const record = Object.freeze({
      id: '1',
      updated:
        m.mapping.time && 'format' in m.mapping.time && m.mapping.time.format === 'epoch_ms'
          ? 1704067200000
          : '2024-01-01T08:00:00',
      district: '中心区',
      value: '10',
    });
    const before = JSON.stringify(record);
    const first = mapper.map(record, 1);
    const second = new RecordMapper(m, CONFORMANCE_CONTEXT).map(record, 1);
    expect(first).toEqual(second);
    expect(first.observations).toHaveLength(1);
    expect(JSON.stringify(record)).toBe(before);
  });

  it('retries a 500 and then succeeds', async () => {
    const clock = fakeClock();
    faults = (request) => (request.attempt === 1 ? { status: 500, body: 'boom' } : undefined);
    const retries: number[] = [];
    const batches = await collect(
      runSource(manifest(), CONFORMANCE_CONTEXT, {
        fetch: fetchOptions(clock, { onRetry: (e) => retries.push(e.attempt) }),
      }),
    );
    expect(batches[batches.length - 1]!.rowsRead).toBe(CONFORMANCE_ROWS.length);
    expect(retries.length).toBeGreaterThan(0);
    // Backoff with jitter at random = 0.5: 3/4 of the 500 ms base delay.
    expect(clock.sleeps[0]).toBe(375);
  });

  it('honours 429 Retry-After (seconds)', async () => {
    const clock = fakeClock();
    faults = (request) =>
      request.attempt === 1 ? { status: 429, headers: { 'retry-after': '7' }, body: '' } : undefined;
    const batches = await collect(runSource(manifest(), CONFORMANCE_CONTEXT, { fetch: fetchOptions(clock) }));
    expect(batches[batches.length - 1]!.rowsRead).toBe(CONFORMANCE_ROWS.length);
    expect(clock.sleeps).toContain(7000);
  });

  it('fails with a retryable HttpStatusError when 500 persists', async () => {
    faults = () => ({ status: 503, body: 'down' });
    const run = collect(
      runSource(manifest({ paging: paging({ retries: 1 }) }), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }),
    );
    await expect(run).rejects.toMatchObject({ constructor: HttpStatusError, status: 503, retryable: true });
  });

  it('classifies a timeout as retryable', async () => {
    faults = () => ({ hang: true });
    const run = collect(
      runSource(manifest({ paging: paging({ retries: 0 }) }), CONFORMANCE_CONTEXT, {
        fetch: fetchOptions(fakeClock(), { timeoutMs: 150 }),
      }),
    );
    await expect(run).rejects.toBeInstanceOf(TimeoutError);
    await expect(run).rejects.toMatchObject({ retryable: true });
  });

  it('classifies a truncated body as retryable (and recovers on retry when pages are read whole)', async () => {
    faults = (request) => (request.attempt === 1 ? { truncate: true } : undefined);
    const run = collect(runSource(manifest(), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }));
    if (testCase.streamed) {
      await expect(run).rejects.toBeInstanceOf(TruncatedBodyError);
      await expect(run).rejects.toMatchObject({ retryable: true });
    } else {
      const batches = await run;
      expect(batches[batches.length - 1]!.rowsRead).toBe(CONFORMANCE_ROWS.length);
    }
  });

  it('raises TruncatedBodyError when every body is cut', async () => {
    faults = () => ({ truncate: true });
    const run = collect(
      runSource(manifest({ paging: paging({ retries: 1 }) }), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }),
    );
    await expect(run).rejects.toBeInstanceOf(TruncatedBodyError);
  });

  it('reports connection refused as a retryable ConnectionError', async () => {
    const port = await closedPort();
    const doc = JSON.parse(
      JSON.stringify(testCase.manifest(server.url)).split(server.url).join(`http://127.0.0.1:${port}`),
    ) as Record<string, unknown>;
    doc['paging'] = { mode: 'none', ...(doc['paging'] as object | undefined), retries: 0 };
    const run = collect(
      runSource(parseSourceManifest(doc, 'refused'), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }),
    );
    await expect(run).rejects.toBeInstanceOf(ConnectionError);
    await expect(run).rejects.toMatchObject({ retryable: true });
  });

  it('fails with a permanent SchemaDriftError naming a missing column', async () => {
    renderOptions = { valueColumn: 'measurement' };
    const run = collect(runSource(manifest(), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }));
    await expect(run).rejects.toBeInstanceOf(SchemaDriftError);
    await expect(run).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('column "value" (named by mapping.indicators.0.value) is missing'),
    });
  });

  if (testCase.text) {
    it('detects a wrongly declared encoding (GBK sent as UTF-8) with encoding auto', async () => {
      renderOptions = { gbk: true };
      const batches = await collect(runSource(manifest(), CONFORMANCE_CONTEXT, { fetch: fetchOptions() }));
      expect(batches.flatMap((b) => b.observations).map((o) => o.regionCode)).toEqual([
        '990101',
        '990102',
        '990103',
        '990102',
        '990103',
      ]);
    });

    it('refuses GBK bytes when the manifest insists on utf-8', async () => {
      renderOptions = { gbk: true };
      const run = collect(
        runSource(manifest({ decoding: { encoding: 'utf-8' } }), CONFORMANCE_CONTEXT, {
          fetch: fetchOptions(),
        }),
      );
      await expect(run).rejects.toBeInstanceOf(EncodingError);
    });
  }
});

describe('conformance coverage', () => {
  it('exercises every registered connector type', () => {
    expect([...new Set(CONFORMANCE_CASES.map((c) => c.type))].sort()).toEqual(
      Object.keys(CONNECTOR_REGISTRY).sort(),
    );
  });
});
