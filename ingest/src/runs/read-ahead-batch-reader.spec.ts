import type { SourceRecord } from '@civicpulse/db';
import { ReadAheadBatchReader } from './read-ahead-batch-reader';
import type { BatchReader, BatchReadOptions, SourceBatch } from './run-ports';

function batch(rowsRead: number): SourceBatch {
  return { observations: [], rejects: [], pageCount: 1, rowsRead };
}

/** An inner reader that records how far it has been read and can fail at a given batch. */
class CountingReader implements BatchReader {
  started = 0;
  closed = false;

  constructor(
    private readonly count: number,
    private readonly failAt?: number,
  ) {}

  async *read(): AsyncIterable<SourceBatch> {
    try {
      for (let i = 1; i <= this.count; i += 1) {
        this.started = i;
        await Promise.resolve();
        if (i === this.failAt) throw new Error(`read ${i} failed`);
        yield batch(i);
      }
    } finally {
      this.closed = true;
    }
  }
}

const source = { id: 1, key: 's' } as SourceRecord;

function options(signal = new AbortController().signal): BatchReadOptions {
  return { signal };
}

/** Lets every pending promise callback run, so a read started in the background gets going. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

describe('ReadAheadBatchReader', () => {
  it('yields the inner batches in order, unchanged', async () => {
    const reader = new ReadAheadBatchReader(new CountingReader(3));
    const seen: number[] = [];
    for await (const b of reader.read(source, options())) seen.push(b.rowsRead);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('reads the next batch while the current one is being written, never more than one ahead', async () => {
    const inner = new CountingReader(5);
    const iterator = new ReadAheadBatchReader(inner).read(source, options())[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.rowsRead).toBe(1);
    // The caller is "writing" batch 1: batch 2 is read meanwhile, batch 3 is not.
    await settle();
    expect(inner.started).toBe(2);
    await settle();
    expect(inner.started).toBe(2);
    await iterator.next();
    await settle();
    expect(inner.started).toBe(3);
    await iterator.return?.();
  });

  it('hands a read failure to the writer at the batch it belongs to', async () => {
    const reader = new ReadAheadBatchReader(new CountingReader(5, 3));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const b of reader.read(source, options())) seen.push(b.rowsRead);
      })(),
    ).rejects.toThrow('read 3 failed');
    expect(seen).toEqual([1, 2]);
  });

  it('closes the inner reader when the writer stops early', async () => {
    const inner = new CountingReader(5);
    const reader = new ReadAheadBatchReader(inner);
    await expect(
      (async () => {
        for await (const b of reader.read(source, options())) {
          if (b.rowsRead === 2) throw new Error('write failed');
        }
      })(),
    ).rejects.toThrow('write failed');
    expect(inner.closed).toBe(true);
    expect(inner.started).toBe(3);
  });

  it('starts no further read once the run is aborted', async () => {
    const controller = new AbortController();
    const inner = new CountingReader(5);
    const seen: number[] = [];
    for await (const b of new ReadAheadBatchReader(inner).read(source, options(controller.signal))) {
      seen.push(b.rowsRead);
      if (b.rowsRead === 2) controller.abort();
    }
    // Batch 3 was already being read when batch 2 was handed over; it is delivered, nothing after.
    expect(seen).toEqual([1, 2, 3]);
    expect(inner.started).toBe(3);
    expect(inner.closed).toBe(true);
  });
});
