import { GRAINS } from '@civicpulse/domain';
import type { ObservationWriteRow } from './observation-writer';
import type { ObservationRowSource } from './observation-row-source';
import { scratchObservationRow } from './observation-row-source';

const GRAIN_NUMBER: ReadonlyMap<string, number> = new Map(GRAINS.map((grain, index) => [grain, index]));

/** The rows of one series in a batch, and what is needed to find a repeated key among them. */
interface SeriesRows {
  positions: number[];
  /** The greatest key so far; a key above it is new. */
  lastKey: number;
  /** Every key so far, kept only once a key arrives out of order. */
  keys: Set<number> | null;
}

/** A row's (grain, period start) as one number: milliseconds × 8 + the grain's position. */
function keyOf(grain: string, periodStart: Date): number {
  return periodStart.getTime() * 8 + (GRAIN_NUMBER.get(grain) ?? 7);
}

function keyOfRow(row: ObservationWriteRow): number {
  return keyOf(row.grain, row.periodStart);
}

/** The (indicator, region) pairs of a batch, sorted by indicator then region, as parallel arrays. */
export interface SeriesPairs {
  indicatorIds: number[];
  regionIds: number[];
}

/** How a batch is split across parallel transactions. */
export interface BatchShards {
  /** Every pair of the batch, sorted (the order their locks are taken in). */
  pairs: SeriesPairs;
  /** One row source per shard, each non-empty, rows in batch order; one shard at least. */
  shards: ObservationRowSource[];
  /** Whether some key (indicator, region, grain, period start) occurs more than once. */
  repeatedKeys: boolean;
}

/**
 * Splits a batch into at most `maxShards` shards for parallel transactions. A series — one
 * (indicator, region) pair — goes whole into one shard, so every observation and rollup bucket
 * of the series is written by one transaction and no two shards ever touch the same row. Pairs
 * are dealt largest first to the shard with the fewest rows so far (ties to the lower shard), which
 * balances the shards by rows and is deterministic. Rows keep their batch order within a shard,
 * so the last row of a repeated key still wins. A batch with fewer pairs than `maxShards` gets one
 * shard per pair; an empty batch gets one empty shard. Also tells whether any key repeats, so the
 * merge can skip de-duplicating a batch that has none (nearly every batch of a load).
 */
export function splitIntoShards(rows: ObservationRowSource, maxShards: number): BatchShards {
  const scratch = scratchObservationRow();
  const rowsByPair = new Map<number, Map<number, SeriesRows>>();
  let repeatedKeys = false;
  for (let index = 0; index < rows.length; index += 1) {
    const { indicatorId, regionId, grain, periodStart } = rows.read(index, scratch);
    let byRegion = rowsByPair.get(indicatorId);
    if (byRegion === undefined) rowsByPair.set(indicatorId, (byRegion = new Map()));
    let series = byRegion.get(regionId);
    if (series === undefined)
      byRegion.set(regionId, (series = { positions: [], lastKey: -Infinity, keys: null }));
    const key = keyOf(grain, periodStart);
    if (key > series.lastKey) {
      // In time order (as sources mostly deliver a series), a key cannot repeat an earlier one.
      series.lastKey = key;
      series.keys?.add(key);
    } else {
      series.keys ??= new Set(series.positions.map((position) => keyOfRow(rows.read(position, scratch))));
      if (series.keys.has(key)) repeatedKeys = true;
      else series.keys.add(key);
    }
    series.positions.push(index);
  }
  const pairs: SeriesPairs = { indicatorIds: [], regionIds: [] };
  const groups: number[][] = [];
  for (const indicatorId of [...rowsByPair.keys()].sort(byNumber)) {
    const byRegion = rowsByPair.get(indicatorId) ?? new Map<number, SeriesRows>();
    for (const regionId of [...byRegion.keys()].sort(byNumber)) {
      pairs.indicatorIds.push(indicatorId);
      pairs.regionIds.push(regionId);
      groups.push(byRegion.get(regionId)?.positions ?? []);
    }
  }
  const shardCount = Math.max(1, Math.min(Math.floor(maxShards), groups.length));
  if (shardCount === 1) return { pairs, shards: [rows], repeatedKeys };

  const assigned: number[][] = Array.from({ length: shardCount }, () => []);
  // Largest first; a stable sort keeps pairs of equal size in key order.
  const order = groups.map((_, index) => index).sort((a, b) => groupSize(groups, b) - groupSize(groups, a));
  for (const group of order) {
    let lightest = 0;
    for (let shard = 1; shard < shardCount; shard += 1)
      if ((assigned[shard]?.length ?? 0) < (assigned[lightest]?.length ?? 0)) lightest = shard;
    const target = assigned[lightest];
    for (const position of groups[group] ?? []) target?.push(position);
  }
  return {
    pairs,
    shards: assigned.map((positions) => rowSubset(rows, Int32Array.from(positions.sort(byNumber)))),
    repeatedKeys,
  };
}

/** The rows of `rows` at `positions`, as a row source of their own. */
function rowSubset(rows: ObservationRowSource, positions: Int32Array): ObservationRowSource {
  return {
    length: positions.length,
    read(index: number, into: ObservationWriteRow): ObservationWriteRow {
      const position = positions[index];
      if (position === undefined) throw new RangeError(`no row ${index} in this shard`);
      return rows.read(position, into);
    },
  };
}

function groupSize(groups: readonly number[][], index: number): number {
  return groups[index]?.length ?? 0;
}

function byNumber(a: number, b: number): number {
  return a - b;
}
