import type { CellValue, Dataset, DataRow, FieldDef } from '../datasets/dataset';
import { QuerySyntaxError, type FieldResolver, type RowPredicate } from './where-expression';

/** One key of an ORDER BY list. */
export interface SortKey {
  field: string;
  descending: boolean;
}

export interface RowQuery {
  where?: RowPredicate;
  order?: ReadonlyArray<SortKey>;
  offset: number;
  limit: number;
}

/** A matched row with its position in the dataset (Socrata `:id`, CKAN `_id` − 1). */
export interface IndexedRow {
  index: number;
  row: DataRow;
}

export interface QueryResult {
  /** Rows matching the filter, before offset/limit. */
  total: number;
  rows: IndexedRow[];
}

/** Parses `a asc, b DESC` (CKAN `sort`, Socrata `$order`, ArcGIS `orderByFields`, ODS `order_by`). */
export function parseOrder(text: string | null | undefined): SortKey[] {
  if (!text || text.trim() === '') return [];
  return text.split(',').map((part) => {
    const m = /^\s*`?([^\s`]+)`?(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw new QuerySyntaxError(`bad sort key: ${part}`);
    return { field: m[1], descending: (m[2] ?? 'asc').toLowerCase() === 'desc' };
  });
}

/** Resolves a field name of a dataset, accepting system columns and any letter case. */
export function fieldResolver(dataset: Dataset, item: IndexedRow): FieldResolver {
  return (name) => {
    if (name === ':id' || name === '_id')
      return { value: item.index + (name === '_id' ? 1 : 0), type: 'integer' };
    if (name === ':updated_at' || name === ':created_at')
      return { value: item.row.updatedAt ?? null, type: 'timestamp' };
    const def = findField(dataset.fields, name);
    return def ? { value: item.row.values[def.name] ?? null, type: def.type } : undefined;
  };
}

/** Finds a field by exact name, then case-insensitively (ArcGIS and ODSQL ignore case). */
export function findField(fields: ReadonlyArray<FieldDef>, name: string): FieldDef | undefined {
  return (
    fields.find((f) => f.name === name) ?? fields.find((f) => f.name.toLowerCase() === name.toLowerCase())
  );
}

function compareCells(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Caches materialised rows per dataset: filters and sorts need the whole (small) dataset. */
export class DatasetRowCache {
  private readonly cache = new Map<string, DataRow[]>();

  rows(dataset: Dataset): DataRow[] {
    const key = `${dataset.portal}:${dataset.id}`;
    let rows = this.cache.get(key);
    if (!rows) {
      rows = Array.from(dataset.rows());
      this.cache.set(key, rows);
    }
    return rows;
  }
}

const isNaturalOrder = (order: ReadonlyArray<SortKey> | undefined): boolean =>
  !order ||
  order.length === 0 ||
  (order.length === 1 &&
    !order[0].descending &&
    [':id', '_id', 'objectid'].includes(order[0].field.toLowerCase()));

/**
 * Runs a filter / sort / page over a dataset. Unfiltered, naturally ordered pages of
 * random-access datasets (the bulk benchmark set) are computed directly without materialising.
 */
export function runQuery(dataset: Dataset, cache: DatasetRowCache, query: RowQuery): QueryResult {
  if (!query.where && isNaturalOrder(query.order) && dataset.rowAt && dataset.size !== undefined) {
    const rows: IndexedRow[] = [];
    const end = Math.min(dataset.size, query.offset + query.limit);
    for (let i = query.offset; i < end; i += 1) rows.push({ index: i, row: dataset.rowAt(i) });
    return { total: dataset.size, rows };
  }
  const all = cache.rows(dataset);
  let matched: IndexedRow[] = [];
  for (let index = 0; index < all.length; index += 1) {
    const item = { index, row: all[index] };
    if (!query.where || query.where(fieldResolver(dataset, item))) matched.push(item);
  }
  if (!isNaturalOrder(query.order)) {
    const keys = query.order ?? [];
    for (const key of keys) {
      if (![':id', '_id', ':updated_at'].includes(key.field) && !findField(dataset.fields, key.field)) {
        throw new QuerySyntaxError(`no such column: ${key.field}`);
      }
    }
    matched = [...matched].sort((a, b) => {
      for (const key of keys) {
        const ra = fieldResolver(dataset, a)(key.field)?.value ?? null;
        const rb = fieldResolver(dataset, b)(key.field)?.value ?? null;
        const c = compareCells(ra, rb);
        if (c !== 0) return key.descending ? -c : c;
      }
      return a.index - b.index;
    });
  }
  return { total: matched.length, rows: matched.slice(query.offset, query.offset + query.limit) };
}
