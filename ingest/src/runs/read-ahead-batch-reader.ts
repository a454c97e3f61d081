import type { SourceRecord } from '@civicpulse/db';
import type { BatchReader, BatchReadOptions, SourceBatch } from './run-ports';

/**
 * Reads one batch ahead of the writer: while batch n is in its database transaction, batch n+1 is
 * already being fetched, decoded, parsed and mapped, so Node and PostgreSQL work at the same time
 * instead of taking turns. Bounded: at most one batch waits, and the next read starts only when
 * the writer takes the waiting one, so a slow database holds the source back (back-pressure) and
 * memory stays at about two batches. Batches, their cursors and their order are the inner
 * reader's; a batch read ahead but never written (a failed write, a shutdown) is dropped and, as
 * its cursor was not saved, read again by the next run.
 */
export class ReadAheadBatchReader implements BatchReader {
  constructor(private readonly inner: BatchReader) {}

  async *read(source: SourceRecord, options: BatchReadOptions): AsyncIterable<SourceBatch> {
    const iterator = this.inner.read(source, options)[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<SourceBatch>> | null = readNext(iterator);
    try {
      for (;;) {
        const result: IteratorResult<SourceBatch> = await pending;
        pending = null;
        if (result.done) return;
        if (!options.signal.aborted) pending = readNext(iterator);
        yield result.value;
        if (pending === null) return;
      }
    } finally {
      // Done, or the writer stopped early (error, abort): let a read in flight settle, then close
      // the inner reader so its HTTP stream is released (a no-op when it has finished).
      if (pending !== null) await pending.catch(() => null);
      await iterator.return?.()?.catch(() => undefined);
    }
  }
}

/** Starts the next read; a failure is kept for whoever awaits it, never left unhandled meanwhile. */
function readNext(iterator: AsyncIterator<SourceBatch>): Promise<IteratorResult<SourceBatch>> {
  const next = iterator.next();
  next.catch(() => undefined);
  return next;
}
