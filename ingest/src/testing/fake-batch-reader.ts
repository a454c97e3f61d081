import type { ObservationPoint } from '@civicpulse/domain';
import type { SourceRecord } from '@civicpulse/db';
import type { BatchReader, BatchReadOptions, RunWindow, SourceBatch } from '../runs/run-ports';

/** A step of a scripted read: a batch to yield, an error to throw, or a gate to wait on. */
export type FakeStep = SourceBatch | Error | Promise<void>;

/**
 * A connector stand-in for run-service tests: yields the scripted steps in order. Awaiting a
 * promise step lets a test hold a run open (to race a second instance against it).
 */
export class FakeBatchReader implements BatchReader {
  readonly calls: Array<{ sourceKey: string; window?: RunWindow }> = [];

  constructor(private readonly script: (source: SourceRecord) => readonly FakeStep[]) {}

  async *read(source: SourceRecord, options: BatchReadOptions): AsyncIterable<SourceBatch> {
    this.calls.push({ sourceKey: source.key, window: options.window });
    for (const step of this.script(source)) {
      if (step instanceof Error) throw step;
      if (step instanceof Promise) {
        await step;
        continue;
      }
      yield step;
    }
  }
}

/** A daily observation of `indicatorCode` for `regionCode` on day `day` of January 2025 (local). */
export function dayPoint(
  indicatorCode: string,
  regionCode: string,
  day: number,
  value: number,
): ObservationPoint {
  return {
    indicatorCode,
    regionCode,
    grain: 'day',
    periodStart: new Date(Date.UTC(2025, 0, day) - 8 * 3_600_000),
    value,
  };
}

/** A batch of the given points, one page, with an optional cursor. */
export function batchOf(observations: ObservationPoint[], extra: Partial<SourceBatch> = {}): SourceBatch {
  return {
    observations,
    rejects: [],
    pageCount: 1,
    rowsRead: observations.length + (extra.rejects?.length ?? 0),
    ...extra,
  };
}
