import type { Dataset, DataRow, FieldType } from '../datasets/dataset';
import { DATASET_IDS } from '../datasets/dataset-ids';
import type { RequestFaults } from '../faults/fault-plan';
import { publishedFields, publishedRow } from '../faults/row-damage';
import { findField, parseOrder, runQuery } from '../query/row-query';
import { QuerySyntaxError, type RowPredicate } from '../query/where-expression';
import { streamSeed, uniform } from '../random/counter-random';
import { jsonResponse, type PortalResponse } from '../server/http-response';
import { cellText } from './cell-format';
import { intValue, type PortalEnvironment, type PortalRequest, type PortalRouter } from './portal-route';

/**
 * CKAN Action API (`/ckan/api/3/action/…`): `datastore_search` and `package_show`, answering
 * like CKAN 2.9+: numeric fields as strings, record keys in no stable order, `_links.next`
 * pointing past the end, errors as `{ success: false, error: { __type, message } }`.
 */

const PREFIX = '/ckan/api/3/action/';
/** CKAN's default `ckan.datastore.search.rows_max`. */
const ROWS_MAX = 32_000;

const CKAN_TYPES: Record<FieldType, string> = {
  text: 'text',
  integer: 'int',
  number: 'numeric',
  date: 'date',
  timestamp: 'timestamp',
};

function ckanError(status: number, type: string, message: string, help: string): PortalResponse {
  return jsonResponse({ help, success: false, error: { __type: type, message } }, status);
}

/** Real CKAN returns record keys in hash order; a per-row shuffle keeps clients honest. */
function shuffledKeys(keys: string[], index: number): string[] {
  const seed = streamSeed('ckan-key-order');
  return keys
    .map((key, i) => ({ key, sortKey: uniform(seed, index * 64 + i) }))
    .sort((a, b) => a.sortKey - b.sortKey)
    .map((k) => k.key);
}

function ckanRecord(
  dataset: Dataset,
  row: DataRow,
  index: number,
  fields: ReadonlyArray<{ name: string; type: FieldType }>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const present = ['_id', ...fields.map((f) => f.name)].filter(
    (name) => name === '_id' || name in row.values,
  );
  for (const name of shuffledKeys(present, index)) {
    if (name === '_id') {
      out['_id'] = index + 1;
      continue;
    }
    const type = fields.find((f) => f.name === name)?.type ?? 'text';
    const value = row.values[name] ?? null;
    // DataStore hands numeric columns back as strings; int columns stay numbers.
    out[name] = type === 'integer' && typeof value === 'number' ? value : cellText(value, type);
  }
  return out;
}

function readParams(request: PortalRequest): Map<string, string> {
  const params = new Map<string, string>();
  for (const [k, v] of request.query) params.set(k, v);
  if (request.method === 'POST' && request.body.trim().startsWith('{')) {
    const body: unknown = JSON.parse(request.body);
    if (typeof body === 'object' && body !== null) {
      for (const [k, v] of Object.entries(body)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    }
  }
  return params;
}

function filtersPredicate(dataset: Dataset, raw: string | undefined): RowPredicate | undefined {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new QuerySyntaxError('filters: Cannot parse JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new QuerySyntaxError('filters: must be a JSON object');
  const entries = Object.entries(parsed).map(([name, wanted]) => {
    const def = name === '_id' ? undefined : findField(dataset.fields, name);
    if (!def && name !== '_id') throw new QuerySyntaxError(`filters: field "${name}" not in table`);
    const accepted = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
    return { name, type: def?.type ?? 'integer', accepted };
  });
  return (resolve) =>
    entries.every((e) => {
      const cell = resolve(e.name);
      const text = cell ? cellText(cell.value, e.type) : null;
      return text !== null && e.accepted.includes(text);
    });
}

function textSearch(q: string | undefined): RowPredicate | undefined {
  if (!q) return undefined;
  const needle = q.toLowerCase();
  return (resolve) =>
    ['district_code', 'district_name', 'stat_month', 'day_type'].some((f) =>
      String(resolve(f)?.value ?? '')
        .toLowerCase()
        .includes(needle),
    );
}

function datastoreSearch(
  request: PortalRequest,
  env: PortalEnvironment,
  dataset: Dataset,
  faults: RequestFaults,
): PortalResponse {
  const help = `${request.linkBase}/ckan/api/3/action/help_show?name=datastore_search`;
  const params = readParams(request);
  const limit = Math.min(intValue(params.get('limit'), 100), ROWS_MAX);
  const offset = intValue(params.get('offset'), 0);
  if (Number.isNaN(limit) || limit < 0 || Number.isNaN(offset) || offset < 0) {
    return ckanError(409, 'Validation Error', 'limit/offset: Must be a natural number', help);
  }
  const where = [filtersPredicate(dataset, params.get('filters')), textSearch(params.get('q'))].filter(
    (p): p is RowPredicate => p !== undefined,
  );
  const result = runQuery(dataset, env.registry.cache, {
    where: where.length ? (resolve) => where.every((p) => p(resolve)) : undefined,
    order: parseOrder(params.get('sort')),
    offset,
    limit,
  });
  let fields = publishedFields(dataset.fields, faults);
  const wanted = params.get('fields');
  if (wanted) {
    const names = wanted.split(',').map((s) => s.trim());
    const unknown = names.filter((n) => n !== '_id' && !fields.some((f) => f.name === n));
    if (unknown.length)
      return ckanError(409, 'Validation Error', `fields: field "${unknown[0]}" not in table`, help);
    fields = fields.filter((f) => names.includes(f.name));
  }
  const resourceId = dataset.id;
  const query = (o: number): string =>
    `/ckan/api/3/action/datastore_search?offset=${o}&limit=${limit}&resource_id=${resourceId}`;
  const records = result.rows.map(({ row, index }) =>
    ckanRecord(dataset, publishedRow(dataset.fields, row, index, faults), index, fields),
  );
  return jsonResponse({
    help,
    success: true,
    result: {
      include_total: true,
      resource_id: resourceId,
      fields: [{ id: '_id', type: 'int' }, ...fields.map((f) => ({ id: f.name, type: CKAN_TYPES[f.type] }))],
      records_format: 'objects',
      records,
      limit,
      offset,
      // CKAN always offers a next link, even on the last page: clients must stop on `total`.
      _links: {
        start: `/ckan/api/3/action/datastore_search?limit=${limit}&resource_id=${resourceId}`,
        next: query(offset + limit),
      },
      total: result.total,
    },
  });
}

function packageShow(request: PortalRequest, datasets: Dataset[]): PortalResponse {
  const help = `${request.linkBase}/ckan/api/3/action/help_show?name=package_show`;
  const id = request.query.get('id');
  if (id !== DATASET_IDS.ckanPackage) return ckanError(404, 'Not Found Error', 'Not found', help);
  return jsonResponse({
    help,
    success: true,
    result: {
      author: null,
      id: '0b8f3c9e-7d2a-4e61-8a55-1f4e2d6c9a10',
      name: DATASET_IDS.ckanPackage,
      title: '示范市道路交通运行数据 / Demo City road traffic data',
      notes:
        'Daily, monthly and yearly traffic indicators of the ten districts of 示范市, published by the transport bureau.',
      license_id: 'cc-by',
      license_title: 'Creative Commons Attribution',
      maintainer: '示范市交通运输局',
      organization: { name: 'demo-city-transport', title: '示范市交通运输局', type: 'organization' },
      num_resources: datasets.length,
      state: 'active',
      type: 'dataset',
      update_frequency: 'daily',
      resources: datasets.map((d) => ({
        id: d.id,
        package_id: '0b8f3c9e-7d2a-4e61-8a55-1f4e2d6c9a10',
        name: d.titleZh,
        description: d.description,
        format: 'CSV',
        datastore_active: true,
        url: `${request.linkBase}/ckan/datastore/dump/${d.id}`,
        last_modified: null,
      })),
      tags: [{ name: '交通' }, { name: 'traffic' }],
    },
  });
}

/** Routes `/ckan/api/3/action/<action>`. */
export const ckanPortal: PortalRouter = (request, env) => {
  if (!request.path.startsWith(PREFIX)) return null;
  const action = request.path.slice(PREFIX.length);
  const help = `${request.linkBase}/ckan/api/3/action/help_show?name=${action}`;
  if (action === 'datastore_search') {
    let resourceId = request.query.get('resource_id') ?? undefined;
    if (!resourceId && request.method === 'POST') resourceId = readParams(request).get('resource_id');
    const dataset = resourceId ? env.registry.find('ckan', resourceId) : undefined;
    return {
      datasetId: resourceId,
      respond: (faults) => {
        if (!dataset)
          return ckanError(
            404,
            'Not Found Error',
            `Not found: Resource "${resourceId ?? ''}" was not found.`,
            help,
          );
        try {
          return datastoreSearch(request, env, dataset, faults);
        } catch (error) {
          if (error instanceof QuerySyntaxError || error instanceof SyntaxError)
            return ckanError(409, 'Validation Error', error.message, help);
          throw error;
        }
      },
    };
  }
  if (action === 'package_show') {
    const datasets = env.registry.all().filter((d) => d.portal === 'ckan');
    return { datasetId: DATASET_IDS.ckanPackage, respond: () => packageShow(request, datasets) };
  }
  if (action === 'datastore_search_sql') {
    return {
      respond: () =>
        ckanError(
          403,
          'Authorization Error',
          'Access denied: datastore_search_sql is disabled on this site',
          help,
        ),
    };
  }
  return { respond: () => ckanError(400, 'Bad Request', `Action name not known: ${action}`, help) };
};
