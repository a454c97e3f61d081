import type { ObservationWriteRow } from './observation-writer';

/**
 * A batch of observation rows seen by position, so a caller can hand its own row objects (mapped
 * points plus resolved ids) to the write path without building an `ObservationWriteRow` per row:
 * `read(index, into)` fills the one scratch row it is given and returns it. The writer reads each
 * row twice (validation, then the COPY encoder) and keeps no reference to the scratch row.
 */
export interface ObservationRowSource {
  readonly length: number;
  read(index: number, into: ObservationWriteRow): ObservationWriteRow;
}

/** A blank row to be filled by `ObservationRowSource.read`. */
export function scratchObservationRow(): ObservationWriteRow {
  return {
    indicatorId: 0,
    regionId: 0,
    grain: 'day',
    periodStart: new Date(0),
    value: 0,
    numerator: null,
    denominator: null,
    quality: undefined,
  };
}

/** An array of rows as a row source (rows are returned as they are, `into` is unused). */
export function observationRowsOf(rows: readonly ObservationWriteRow[]): ObservationRowSource {
  return {
    length: rows.length,
    read: (index) => rows[index] as ObservationWriteRow,
  };
}
