import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorConfigError, MissingSecretError } from '../errors/source-errors';
import { parseSourceManifest } from '../manifest/parse-source-manifest';
import type { MappingContext } from '../mapping/mapping-context';
import { previewSource, runSource, type SourceBatch } from './run-source';

const CONTEXT: MappingContext = {
  timeZone: 'Asia/Shanghai',
  regions: [
    { code: '990101', nameZh: '中心区', nameEn: 'Central', level: 'district' },
    { code: '990102', nameZh: '东湖区', nameEn: 'East Lake', level: 'district' },
  ],
  indicators: [{ code: 'test.calls' }, { code: 'test.minutes', validMin: 0 }],
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'connectors-run-'));
  // Hotline calls, one row per call, ordered by time.
  const calls = [
    'at,district,minutes,id',
    '2024-01-31T23:00:00,中心区,4,1',
    '2024-02-01T08:00:00,中心区,6,2',
    '2024-02-01T09:00:00,东湖区,10,3',
    '2024-02-02T09:00:00,中心区,2,4',
    '2024-03-01T09:00:00,东湖区,8,5',
  ];
  writeFileSync(join(root, 'calls.csv'), calls.join('\n') + '\n');
  writeFileSync(
    join(root, 'dupes.csv'),
    'day,district,minutes\n2024-01-01,中心区,1\n2024-01-01,中心区,2\n2024-01-02,中心区,3\n',
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function manifest(file: string, mapping: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return parseSourceManifest(
    {
      key: 'run-test',
      name: { zh: '测试', en: 'Test' },
      owner_department: 't',
      licence: 't',
      connector: { type: 'csv', params: { path: file } },
      mapping,
      ...extra,
    },
    'run-test',
  );
}

async function collect(batches: AsyncIterable<SourceBatch>): Promise<SourceBatch[]> {
  const out: SourceBatch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

const aggregateMapping = (ordered: boolean) => ({
  grain: 'month',
  time: { field: 'at', format: 'iso' },
  region: { field: 'district', by: 'name' },
  indicators: [
    { code: 'test.calls', aggregate: { function: 'count', ordered_by_time: ordered } },
    { code: 'test.minutes', value: 'minutes', aggregate: { function: 'sum', ordered_by_time: ordered } },
  ],
});

describe('runSource', () => {
  it('aggregates events per region and local month, holding the cursor until the aggregates are out', async () => {
    const m = manifest('calls.csv', aggregateMapping(false), { incremental: { field: 'at', format: 'iso' } });
    const batches = await collect(runSource(m, CONTEXT, { fetch: { fileRoot: root } }));
    expect(batches.map((b) => b.final)).toEqual([false, true]);
    expect(batches[0]!.cursor).toBeNull();
    expect(batches[1]!.cursor).toBe('2024-03-01T01:00:00.000Z');
    const values = batches[1]!.observations.map((o) => [
      o.indicatorCode,
      o.regionCode,
      o.periodStart.toISOString(),
      o.value,
    ]);
    // 2024-01-31T23:00 in Shanghai is still January.
    expect(values).toEqual([
      ['test.calls', '990101', '2023-12-31T16:00:00.000Z', 1],
      ['test.minutes', '990101', '2023-12-31T16:00:00.000Z', 4],
      ['test.calls', '990101', '2024-01-31T16:00:00.000Z', 2],
      ['test.calls', '990102', '2024-01-31T16:00:00.000Z', 1],
      ['test.minutes', '990101', '2024-01-31T16:00:00.000Z', 8],
      ['test.minutes', '990102', '2024-01-31T16:00:00.000Z', 10],
      ['test.calls', '990102', '2024-02-29T16:00:00.000Z', 1],
      ['test.minutes', '990102', '2024-02-29T16:00:00.000Z', 8],
    ]);
  });

  it('flushes closed periods early when rows are ordered by time (bounded memory)', async () => {
    const batches = await collect(
      runSource(manifest('calls.csv', aggregateMapping(true)), CONTEXT, { fetch: { fileRoot: root } }),
    );
    expect(batches[0]!.observations.map((o) => o.periodStart.toISOString())).toEqual([
      '2023-12-31T16:00:00.000Z',
      '2023-12-31T16:00:00.000Z',
      '2024-01-31T16:00:00.000Z',
      '2024-01-31T16:00:00.000Z',
      '2024-01-31T16:00:00.000Z',
      '2024-01-31T16:00:00.000Z',
    ]);
    expect(batches[1]!.observations).toHaveLength(2);
  });

  it('rejects duplicates inside a batch and applies the from/to window', async () => {
    const m = manifest('dupes.csv', {
      grain: 'day',
      time: { field: 'day', format: 'iso' },
      region: { field: 'district', by: 'name' },
      indicators: [{ code: 'test.minutes', value: 'minutes' }],
    });
    const all = await collect(runSource(m, CONTEXT, { fetch: { fileRoot: root } }));
    expect(all.flatMap((b) => b.observations).map((o) => o.value)).toEqual([1, 3]);
    expect(all.flatMap((b) => b.rejects)).toEqual([
      expect.objectContaining({ rowNumber: 2, reasonCode: 'duplicate_in_batch' }),
    ]);
    const windowed = await collect(
      runSource(m, CONTEXT, {
        from: new Date('2024-01-01T16:00:00Z'),
        to: new Date('2024-01-02T16:00:00Z'),
        fetch: { fileRoot: root },
      }),
    );
    expect(windowed.flatMap((b) => b.observations).map((o) => o.value)).toEqual([3]);
  });

  it('previews a limited number of rows', async () => {
    const m = manifest('calls.csv', {
      grain: 'day',
      time: { field: 'at', format: 'iso' },
      region: { field: 'district', by: 'name' },
      indicators: [{ code: 'test.minutes', value: 'minutes' }],
    });
    const preview = await previewSource(m, CONTEXT, { limit: 2, fetch: { fileRoot: root } });
    expect(preview.rowsRead).toBe(2);
    expect(preview.observations.map((o) => o.value)).toEqual([4, 6]);
  });

  it('refuses local paths outside the file root or without one', async () => {
    const m = manifest('../../etc/passwd', {
      grain: 'day',
      time: { field: 'a', format: 'iso' },
      region: { fixed: '990101' },
      indicators: [{ code: 'test.minutes', value: 'b' }],
    });
    await expect(collect(runSource(m, CONTEXT, { fetch: { fileRoot: root } }))).rejects.toThrow(
      /outside the file root/,
    );
    await expect(collect(runSource(m, CONTEXT, {}))).rejects.toBeInstanceOf(ConnectorConfigError);
  });

  it('resolves secrets from the environment and fails clearly when one is missing', async () => {
    const m = manifest('calls.csv', aggregateMapping(false), {
      headers: { 'X-App-Token': { env: 'CIVICPULSE_TEST_TOKEN' } },
    });
    await expect(
      collect(runSource(m, CONTEXT, { fetch: { fileRoot: root, env: {} } })),
    ).rejects.toBeInstanceOf(MissingSecretError);
    await expect(
      collect(runSource(m, CONTEXT, { fetch: { fileRoot: root, env: { CIVICPULSE_TEST_TOKEN: 't' } } })),
    ).resolves.toHaveLength(2);
  });
});
