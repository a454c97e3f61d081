import type { DataRow, FieldDef } from '../datasets/dataset';
import type { RequestFaults } from './fault-plan';

const ID_FIELDS = new Set(['objectid', '_id', 'id']);

/** The column a `missing_column` fault drops: the named one, else the first numeric value column. */
export function droppedColumn(fields: ReadonlyArray<FieldDef>, faults: RequestFaults): string | undefined {
  if (!faults.missingColumn) return undefined;
  if (faults.missingColumn.column) return faults.missingColumn.column;
  return (
    fields.find((f) => f.type === 'number')?.name ??
    fields.find((f) => f.type === 'integer' && !ID_FIELDS.has(f.name.toLowerCase()))?.name
  );
}

/** Fields as published under the request's faults. */
export function publishedFields(fields: ReadonlyArray<FieldDef>, faults: RequestFaults): FieldDef[] {
  const dropped = droppedColumn(fields, faults);
  return fields.filter((f) => f.name !== dropped);
}

/**
 * A row as published under the request's faults: the dropped column removed, and every n-th row
 * (by dataset position, so pages agree) damaged — alternately a numeric cell replaced by text
 * and the first text cell (usually the region) removed.
 */
export function publishedRow(
  fields: ReadonlyArray<FieldDef>,
  row: DataRow,
  index: number,
  faults: RequestFaults,
): DataRow {
  const dropped = droppedColumn(fields, faults);
  const every = faults.malformedEvery;
  const damaged = every !== undefined && index % every === every - 1;
  if (!dropped && !damaged) return row;
  const values = { ...row.values };
  if (dropped) delete values[dropped];
  if (damaged && every !== undefined) {
    if (Math.floor(index / every) % 2 === 0) {
      const numeric = fields.find(
        (f) =>
          (f.type === 'number' || f.type === 'integer') &&
          !ID_FIELDS.has(f.name.toLowerCase()) &&
          f.name !== dropped,
      );
      if (numeric) values[numeric.name] = 'n/a';
    } else {
      const text = fields.find((f) => f.type === 'text' && f.name !== dropped);
      if (text) delete values[text.name];
    }
  }
  return { ...row, values };
}
