import {
  observationRowsOf,
  scratchObservationRow,
  type ObservationRowSource,
} from './observation-row-source';
import { splitIntoShards } from './observation-shards';
import type { ObservationWriteRow } from './observation-writer';

function row(indicatorId: number, regionId: number, value: number): ObservationWriteRow {
  return { indicatorId, regionId, grain: 'day', periodStart: new Date(Date.UTC(2025, 0, 1 + value)), value };
}

function values(source: ObservationRowSource): Array<[number, number, number]> {
  const scratch = scratchObservationRow();
  return Array.from({ length: source.length }, (_, index) => {
    const { indicatorId, regionId, value } = source.read(index, scratch);
    return [indicatorId, regionId, value];
  });
}

describe('splitIntoShards', () => {
  it('lists every pair once, sorted by indicator then region', () => {
    const rows = observationRowsOf([row(7, 2, 0), row(3, 9, 1), row(7, 1, 2), row(3, 9, 3), row(3, 4, 4)]);
    expect(splitIntoShards(rows, 1).pairs).toEqual({ indicatorIds: [3, 3, 7, 7], regionIds: [4, 9, 1, 2] });
  });

  it('keeps the batch as it is with one connection', () => {
    const rows = observationRowsOf([row(1, 1, 0), row(2, 1, 1)]);
    const { shards } = splitIntoShards(rows, 1);
    expect(shards).toEqual([rows]);
  });

  it('puts every series whole into one shard, rows in batch order, and loses or repeats none', () => {
    const batch: ObservationWriteRow[] = [];
    for (let value = 0; value < 60; value += 1) batch.push(row(1 + (value % 5), 1 + (value % 3), value));
    const { shards } = splitIntoShards(observationRowsOf(batch), 3);
    expect(shards).toHaveLength(3);
    const seen = shards.map(values);
    const shardOf = new Map<string, number>();
    seen.forEach((shardRows, shard) => {
      const order = shardRows.map(([, , value]) => value);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const [indicatorId, regionId] of shardRows) {
        const key = `${indicatorId}/${regionId}`;
        expect(shardOf.get(key) ?? shard).toBe(shard);
        shardOf.set(key, shard);
      }
    });
    expect(
      seen
        .flat()
        .map(([, , value]) => value)
        .sort((a, b) => a - b),
    ).toEqual(batch.map((r) => r.value));
  });

  it('balances shards by rows, largest series first, the same way every time', () => {
    // Series sizes 6, 5, 4, 3, 2: dealt to the lighter shard → {6, 3, 2} = 11 and {5, 4} = 9.
    const sizes = [3, 6, 2, 5, 4];
    const batch = sizes.flatMap((size, series) =>
      Array.from({ length: size }, (_, i) => row(series + 1, 1, series * 10 + i)),
    );
    const first = splitIntoShards(observationRowsOf(batch), 2);
    expect(first.shards.map((shard) => shard.length)).toEqual([11, 9]);
    expect(new Set(values(first.shards[0]!).map(([indicatorId]) => indicatorId))).toEqual(new Set([2, 1, 3]));
    const again = splitIntoShards(observationRowsOf(batch), 2);
    expect(again.shards.map(values)).toEqual(first.shards.map(values));
  });

  it('makes no more shards than series, and one empty shard for an empty batch', () => {
    const two = observationRowsOf([row(1, 1, 0), row(1, 2, 1), row(1, 1, 2)]);
    expect(splitIntoShards(two, 8).shards.map((shard) => shard.length)).toEqual([2, 1]);
    const empty = splitIntoShards(observationRowsOf([]), 4);
    expect(empty.shards).toHaveLength(1);
    expect(empty.shards[0]!.length).toBe(0);
    expect(empty.pairs).toEqual({ indicatorIds: [], regionIds: [] });
  });

  it('tells whether a key repeats: the same series, grain and period start twice', () => {
    const at = (indicatorId: number, regionId: number, grain: ObservationWriteRow['grain'], iso: string) => ({
      indicatorId,
      regionId,
      grain,
      periodStart: new Date(iso),
      value: 1,
    });
    const distinct = [
      at(1, 1, 'day', '2025-01-01T00:00:00Z'),
      at(1, 1, 'hour', '2025-01-01T00:00:00Z'), // other grain
      at(1, 2, 'day', '2025-01-01T00:00:00Z'), // other region
      at(2, 1, 'day', '2025-01-01T00:00:00Z'), // other indicator
      at(1, 1, 'day', '2025-01-02T00:00:00Z'), // other day
    ];
    expect(splitIntoShards(observationRowsOf(distinct), 1).repeatedKeys).toBe(false);
    expect(splitIntoShards(observationRowsOf(distinct), 2).repeatedKeys).toBe(false);
    const repeated = [...distinct, at(1, 2, 'day', '2025-01-01T00:00:00Z')];
    expect(splitIntoShards(observationRowsOf(repeated), 1).repeatedKeys).toBe(true);
    expect(splitIntoShards(observationRowsOf(repeated), 3).repeatedKeys).toBe(true);
  });

  it('refuses a position past the end of a shard', () => {
    const { shards } = splitIntoShards(observationRowsOf([row(1, 1, 0), row(2, 1, 1)]), 2);
    expect(() => shards[0]!.read(5, scratchObservationRow())).toThrow(RangeError);
  });
});
