import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { CONFORMANCE_ROWS, type ConformanceRow, conformanceMapping, epochMsOf } from './conformance-dataset';
import type { FixtureReply, FixtureRequest } from './fixture-server';

/** Options a case renders its fixture with. */
export interface RenderOptions {
  /** Rename the `value` column (schema drift). */
  valueColumn?: string;
  /** Encode text bodies as GBK while declaring UTF-8 (a wrongly declared encoding). */
  gbk?: boolean;
}

/** One connector type exercised by the shared conformance suite. */
export interface ConformanceCase {
  name: string;
  type: string;
  /** The manifest document for a portal at `baseUrl`. */
  manifest(baseUrl: string): Record<string, unknown>;
  /** Answers a request with the dataset in this portal's shape. */
  render(request: FixtureRequest, options: RenderOptions): Promise<FixtureReply> | FixtureReply;
  /** Text bodies (the encoding check applies). */
  text: boolean;
  /** Paged portal: the fixture splits the data in pages of three. */
  paged: boolean;
  /** The body is streamed (bulk files): a cut body cannot be retried inside the HTTP client. */
  streamed?: boolean;
}

const PAGE = 3;

function rowsWith(options: RenderOptions): Record<string, string | number>[] {
  const column = options.valueColumn ?? 'value';
  return CONFORMANCE_ROWS.map((row: ConformanceRow) => ({
    id: row.id,
    updated: row.updated,
    district: row.district,
    [column]: row.value,
  }));
}

function encode(text: string, options: RenderOptions): Buffer {
  return options.gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

function json(body: unknown, options: RenderOptions): FixtureReply {
  return {
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: encode(JSON.stringify(body), options),
  };
}

function csv(
  rows: Record<string, string | number>[],
  delimiter: string,
  options: RenderOptions,
  bom = false,
): FixtureReply {
  const headers = Object.keys(rows[0] ?? {});
  const lines = [
    headers.join(delimiter),
    ...rows.map((r) => headers.map((h) => String(r[h])).join(delimiter)),
  ];
  const text = (bom && !options.gbk ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
  return { headers: { 'content-type': 'text/csv; charset=utf-8' }, body: encode(text, options) };
}

function slice<T>(rows: T[], request: FixtureRequest, offsetKey: string, limitKey: string): T[] {
  const offset = Number(request.query.get(offsetKey) ?? 0);
  const limit = Number(request.query.get(limitKey) ?? 1000);
  return rows.slice(offset, offset + limit);
}

function common(
  key: string,
  type: string,
  baseUrl: string,
  params: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    key,
    name: { zh: '一致性测试', en: 'Conformance fixture' },
    owner_department: 'test',
    licence: 'test fixture',
    connector: { type, params },
    allowed_hosts: [new URL(baseUrl).hostname],
    incremental: { field: 'updated', format: 'iso' },
    mapping: conformanceMapping(),
    ...extra,
  };
}

const NOT_FOUND: FixtureReply = { status: 404, body: 'not found' };

/** One case per connector type (and per important variant). */
export const CONFORMANCE_CASES: ConformanceCase[] = [
  {
    name: 'ckan datastore_search',
    type: 'ckan',
    text: true,
    paged: true,
    manifest: (baseUrl) =>
      common(
        'conf-ckan',
        'ckan',
        baseUrl,
        { base_url: baseUrl, resource_id: 'res-1' },
        { paging: { mode: 'offset', page_size: PAGE } },
      ),
    render: (request, options) => {
      if (request.path !== '/api/3/action/datastore_search') return NOT_FOUND;
      const records = slice(rowsWith(options), request, 'offset', 'limit').map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])),
      );
      const next = Number(request.query.get('offset') ?? 0) + PAGE;
      // `_links.next` always points further, even past the end, as real CKAN does.
      return json(
        {
          success: true,
          result: {
            records,
            total: CONFORMANCE_ROWS.length,
            _links: { next: `/api/3/action/datastore_search?offset=${next}` },
          },
        },
        options,
      );
    },
  },
  {
    name: 'socrata json',
    type: 'socrata',
    text: true,
    paged: true,
    manifest: (baseUrl) =>
      common(
        'conf-socrata',
        'socrata',
        baseUrl,
        { base_url: baseUrl, dataset: 'abcd-1234' },
        { paging: { mode: 'offset', page_size: PAGE } },
      ),
    render: (request, options) => {
      if (request.path !== '/resource/abcd-1234.json' || request.query.get('$order') !== ':id')
        return NOT_FOUND;
      return json(
        slice(rowsWith(options), request, '$offset', '$limit').map((r) => ({ ...r, id: String(r['id']) })),
        options,
      );
    },
  },
  {
    name: 'socrata csv',
    type: 'socrata',
    text: true,
    paged: true,
    manifest: (baseUrl) =>
      common(
        'conf-socrata-csv',
        'socrata',
        baseUrl,
        { base_url: baseUrl, dataset: 'abcd-1234', format: 'csv' },
        { paging: { mode: 'offset', page_size: PAGE } },
      ),
    render: (request, options) => {
      if (request.path !== '/resource/abcd-1234.csv') return NOT_FOUND;
      const rows = slice(rowsWith(options), request, '$offset', '$limit');
      return rows.length
        ? csv(rows, ',', options)
        : { headers: { 'content-type': 'text/csv' }, body: 'id,updated,district,value\n' };
    },
  },
  {
    name: 'arcgis esri json',
    type: 'arcgis',
    text: true,
    paged: true,
    manifest: (baseUrl) => ({
      ...common(
        'conf-arcgis',
        'arcgis',
        baseUrl,
        { layer_url: `${baseUrl}/arcgis/rest/services/T/FeatureServer/0` },
        { paging: { mode: 'offset' } },
      ),
      incremental: { field: 'updated', format: 'epoch_ms' },
      mapping: conformanceMapping('epoch_ms'),
    }),
    render: (request, options) => {
      if (request.path === '/arcgis/rest/services/T/FeatureServer/0') {
        return json(
          {
            maxRecordCount: PAGE,
            objectIdField: 'OBJECTID',
            advancedQueryCapabilities: { supportsPagination: true },
            fields: [],
          },
          options,
        );
      }
      if (request.path !== '/arcgis/rest/services/T/FeatureServer/0/query') return NOT_FOUND;
      const all = rowsWith(options).map((r, i) => ({
        attributes: { ...r, OBJECTID: i + 1, updated: epochMsOf(CONFORMANCE_ROWS[i] as ConformanceRow) },
        geometry: { x: 116.4, y: 39.9 },
      }));
      const offset = Number(request.query.get('resultOffset') ?? 0);
      const count = Number(request.query.get('resultRecordCount') ?? PAGE);
      const features = all.slice(offset, offset + count);
      return json({ features, exceededTransferLimit: offset + count < all.length }, options);
    },
  },
  {
    name: 'opendatasoft records',
    type: 'opendatasoft',
    text: true,
    paged: true,
    manifest: (baseUrl) =>
      common(
        'conf-ods',
        'opendatasoft',
        baseUrl,
        { base_url: baseUrl, dataset: 'demo-ds' },
        { paging: { mode: 'offset', page_size: PAGE } },
      ),
    render: (request, options) => {
      if (request.path !== '/api/explore/v2.1/catalog/datasets/demo-ds/records') return NOT_FOUND;
      if (Number(request.query.get('limit')) > 100) return { status: 400, body: 'limit too large' };
      return json(
        {
          total_count: CONFORMANCE_ROWS.length,
          results: slice(rowsWith(options), request, 'offset', 'limit'),
        },
        options,
      );
    },
  },
  {
    name: 'opendatasoft exports csv',
    streamed: true,
    type: 'opendatasoft',
    text: true,
    paged: false,
    manifest: (baseUrl) =>
      common(
        'conf-ods-csv',
        'opendatasoft',
        baseUrl,
        { base_url: baseUrl, dataset: 'demo-ds', endpoint: 'exports', export_format: 'csv' },
        { paging: { mode: 'none' } },
      ),
    render: (request, options) => {
      if (request.path !== '/api/explore/v2.1/catalog/datasets/demo-ds/exports/csv') return NOT_FOUND;
      // ODS CSV: `;`, BOM, CRLF and capitalised headers where JSON keys are lowercase.
      const rows = rowsWith(options).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v])),
      );
      return csv(rows, ';', options, true);
    },
  },
  {
    name: 'csv file over http',
    streamed: true,
    type: 'csv',
    text: true,
    paged: false,
    manifest: (baseUrl) => common('conf-csv', 'csv', baseUrl, { url: `${baseUrl}/files/data.csv` }),
    render: (request, options) =>
      request.path === '/files/data.csv' ? csv(rowsWith(options), ',', options) : NOT_FOUND,
  },
  {
    name: 'json api with link paging',
    type: 'json',
    text: true,
    paged: true,
    manifest: (baseUrl) =>
      common(
        'conf-json-link',
        'json',
        baseUrl,
        { url: `${baseUrl}/api/items` },
        { paging: { mode: 'link', page_size: PAGE }, decoding: { records_path: 'items' } },
      ),
    render: (request, options) => {
      if (request.path !== '/api/items') return NOT_FOUND;
      const page = Number(request.query.get('p') ?? 0);
      const items = rowsWith(options).slice(page * PAGE, page * PAGE + PAGE);
      const more = (page + 1) * PAGE < CONFORMANCE_ROWS.length;
      const reply = json({ items }, options);
      return {
        ...reply,
        headers: { ...reply.headers, ...(more ? { link: `</api/items?p=${page + 1}>; rel="next"` } : {}) },
      };
    },
  },
  {
    name: 'json api with cursor paging',
    type: 'json',
    text: true,
    paged: true,
    manifest: (baseUrl) =>
      common(
        'conf-json-cursor',
        'json',
        baseUrl,
        { url: `${baseUrl}/api/feed` },
        {
          paging: { mode: 'cursor', cursor_param: 'after', next_cursor_path: 'meta.next' },
          decoding: { records_path: 'data' },
        },
      ),
    render: (request, options) => {
      if (request.path !== '/api/feed') return NOT_FOUND;
      const start = Number(request.query.get('after') ?? 0);
      const data = rowsWith(options).slice(start, start + PAGE);
      const next = start + PAGE < CONFORMANCE_ROWS.length ? String(start + PAGE) : null;
      return json({ data, meta: { next } }, options);
    },
  },
  {
    name: 'json array file over http (streamed)',
    type: 'json',
    text: true,
    paged: false,
    streamed: true,
    manifest: (baseUrl) => common('conf-json-array', 'json', baseUrl, { url: `${baseUrl}/files/data.json` }),
    render: (request, options) =>
      request.path === '/files/data.json' ? json(rowsWith(options), options) : NOT_FOUND,
  },
  {
    name: 'xlsx file over http',
    streamed: true,
    type: 'xlsx',
    text: false,
    paged: false,
    manifest: (baseUrl) => common('conf-xlsx', 'xlsx', baseUrl, { url: `${baseUrl}/files/data.xlsx` }),
    render: async (request, options) => {
      if (request.path !== '/files/data.xlsx') return NOT_FOUND;
      const rows = rowsWith(options);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('data');
      const headers = Object.keys(rows[0] ?? {});
      sheet.addRow(headers);
      for (const row of rows) sheet.addRow(headers.map((h) => row[h]));
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      return {
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: bytes,
      };
    },
  },
];
