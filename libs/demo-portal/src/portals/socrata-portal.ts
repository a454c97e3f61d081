import type { Dataset, DataRow, FieldDef, FieldType } from '../datasets/dataset';
import type { RequestFaults } from '../faults/fault-plan';
import { publishedFields, publishedRow } from '../faults/row-damage';
import { findField, parseOrder, runQuery, type IndexedRow } from '../query/row-query';
import { parseWhere, QuerySyntaxError, type RowPredicate } from '../query/where-expression';
import { chunked, jsonResponse, type PortalResponse } from '../server/http-response';
import { cellText, csvCell } from './cell-format';
import { intValue, type PortalRequest, type PortalRouter } from './portal-route';

/**
 * Socrata SODA 2 (`/resource/<4x4>.json|.csv`): `$select`, `$where`, `$order`, `$limit`
 * (default 1 000, max 50 000), `$offset`, `$q` and simple `field=value` filters. Every value is
 * a string, timestamps are floating (no zone), nulls are left out of JSON rows, and the column
 * types travel only in the `X-SODA2-Fields` / `X-SODA2-Types` headers.
 */

const SODA_TYPES: Record<FieldType, string> = {
  text: 'text',
  integer: 'number',
  number: 'number',
  date: 'floating_timestamp',
  timestamp: 'floating_timestamp',
};
const MAX_LIMIT = 50_000;
const SYSTEM_FIELDS: ReadonlyArray<FieldDef> = [
  { name: ':id', type: 'text', label: 'Row id' },
  { name: ':updated_at', type: 'timestamp', label: 'Updated at' },
];

function sodaError(status: number, errorCode: string, message: string): PortalResponse {
  return jsonResponse({ message, errorCode, data: {} }, status);
}

function systemValue(name: string, item: IndexedRow): string | null {
  if (name === ':id') return `row-${item.index.toString(36).padStart(4, '0')}`;
  if (name === ':updated_at') return cellText(item.row.updatedAt ?? null, 'timestamp', true);
  return null;
}

function selected(dataset: Dataset, select: string | null, faults: RequestFaults): FieldDef[] {
  const visible = publishedFields(dataset.fields, faults);
  if (!select || select.trim() === '*') return visible;
  return select.split(',').flatMap((raw) => {
    const name = raw.trim();
    if (name === '*') return visible;
    const system = SYSTEM_FIELDS.find((f) => f.name === name);
    if (system) return [system];
    const def = visible.find((f) => f.name === name);
    if (!def) throw new QuerySyntaxError(`No such column: ${name}`);
    return [def];
  });
}

function rowText(def: FieldDef, item: IndexedRow, row: DataRow): string | null {
  if (def.name.startsWith(':')) return systemValue(def.name, item);
  return cellText(row.values[def.name] ?? null, def.type, true);
}

function equalityFilters(dataset: Dataset, query: URLSearchParams): RowPredicate | undefined {
  const pairs: Array<[FieldDef, string]> = [];
  for (const [key, value] of query) {
    if (key.startsWith('$')) continue;
    const def = findField(dataset.fields, key);
    if (!def) throw new QuerySyntaxError(`No such column: ${key}`);
    pairs.push([def, value]);
  }
  if (!pairs.length) return undefined;
  return (resolve) =>
    pairs.every(
      ([def, value]) =>
        cellText(resolve(def.name)?.value ?? null, def.type, true) === value ||
        String(resolve(def.name)?.value ?? '') === value,
    );
}

function resourceResponse(
  request: PortalRequest,
  dataset: Dataset,
  env: Parameters<PortalRouter>[1],
  format: 'json' | 'csv',
  faults: RequestFaults,
): PortalResponse {
  const q = request.query;
  for (const key of q.keys()) {
    if (key.startsWith('$') && !['$select', '$where', '$order', '$limit', '$offset', '$q'].includes(key)) {
      return sodaError(400, 'query.soql.invalid-parameter', `Unrecognized parameter ${key}.`);
    }
  }
  const limit = intValue(q.get('$limit'), 1000);
  const offset = intValue(q.get('$offset'), 0);
  if (Number.isNaN(limit) || limit < 0 || Number.isNaN(offset) || offset < 0) {
    return sodaError(400, 'query.soql.type-mismatch', '$limit and $offset must be non-negative integers');
  }
  if (limit > MAX_LIMIT)
    return sodaError(400, 'query.execution.limit-too-large', `$limit must be ${MAX_LIMIT} or less`);
  const predicates = [
    q.get('$where') ? parseWhere(q.get('$where') ?? '') : undefined,
    equalityFilters(dataset, q),
  ].filter((p): p is RowPredicate => !!p);
  const search = q.get('$q')?.toLowerCase();
  if (search)
    predicates.push((resolve) =>
      dataset.fields.some(
        (f) =>
          f.type === 'text' &&
          String(resolve(f.name)?.value ?? '')
            .toLowerCase()
            .includes(search),
      ),
    );
  const fields = selected(dataset, q.get('$select'), faults);
  const result = runQuery(dataset, env.registry.cache, {
    where: predicates.length ? (resolve) => predicates.every((p) => p(resolve)) : undefined,
    order: parseOrder(q.get('$order')),
    offset,
    limit,
  });
  const headers = {
    'X-SODA2-Fields': JSON.stringify(fields.map((f) => f.name)),
    'X-SODA2-Types': JSON.stringify(
      fields.map((f) =>
        f.name === ':id' ? 'meta_data' : f.name === ':updated_at' ? 'meta_data' : SODA_TYPES[f.type],
      ),
    ),
    'X-SODA2-Legacy-Types': 'false',
    'Last-Modified': new Date(env.registry.options.until).toUTCString(),
  };
  const rows = result.rows;
  if (format === 'csv') {
    const lines = function* (): Generator<string> {
      yield `${fields.map((f) => csvCell(f.name, ',', true)).join(',')}\n`;
      for (const item of rows) {
        const row = publishedRow(dataset.fields, item.row, item.index, faults);
        yield `${fields.map((f) => csvCell(rowText(f, item, row), ',', true)).join(',')}\n`;
      }
    };
    return { status: 200, contentType: 'text/csv', charset: 'utf-8', headers, body: chunked(lines()) };
  }
  const objects = function* (): Generator<string> {
    yield '[';
    let first = true;
    for (const item of rows) {
      const row = publishedRow(dataset.fields, item.row, item.index, faults);
      const record: Record<string, unknown> = {};
      for (const f of fields) {
        const text = rowText(f, item, row);
        if (text !== null) record[f.name] = text;
      }
      if (dataset.hasPoints && item.row.point && (!q.get('$select') || q.get('$select') === '*')) {
        record['location'] = { type: 'Point', coordinates: [item.row.point.lon, item.row.point.lat] };
      }
      // Socrata's own layout: one object per line, continuation commas first.
      yield `${first ? '' : '\n,'}${JSON.stringify(record)}`;
      first = false;
    }
    yield ']\n';
  };
  return {
    status: 200,
    contentType: 'application/json',
    charset: 'utf-8',
    headers,
    body: chunked(objects()),
  };
}

/** Routes `/resource/<id>.json` and `/resource/<id>.csv`. */
export const socrataPortal: PortalRouter = (request, env) => {
  const m = /^\/resource\/([a-z0-9]{4}-[a-z0-9]{4})\.(json|csv)$/.exec(request.path);
  if (!m) return null;
  const [, id, format] = m;
  const dataset = env.registry.find('socrata', id);
  return {
    datasetId: id,
    respond: (faults) => {
      if (!dataset) return sodaError(404, 'not_found', `Dataset ${id} not found`);
      try {
        return resourceResponse(request, dataset, env, format === 'csv' ? 'csv' : 'json', faults);
      } catch (error) {
        if (error instanceof QuerySyntaxError)
          return sodaError(400, 'query.compiler.malformed', error.message);
        throw error;
      }
    },
  };
};
