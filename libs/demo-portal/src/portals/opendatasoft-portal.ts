import type { Dataset, DataRow, FieldDef } from '../datasets/dataset';
import type { RequestFaults } from '../faults/fault-plan';
import { publishedFields, publishedRow } from '../faults/row-damage';
import { parseOrder, runQuery } from '../query/row-query';
import { parseWhere, QuerySyntaxError } from '../query/where-expression';
import { chunked, jsonResponse, type PortalResponse } from '../server/http-response';
import { cellText, csvCell } from './cell-format';
import { intValue, type PortalEnvironment, type PortalRequest, type PortalRouter } from './portal-route';

/**
 * OpenDataSoft Explore API v2.1 (`/api/explore/v2.1/catalog/datasets/<id>/…`): `records`
 * (`limit` ≤ 100, `offset + limit` ≤ 10 000, ODSQL `select` / `where` / `order_by`) and
 * `exports/json|csv` for bulk. JSON keys are the lowercase field names; the CSV export uses the
 * capitalised labels, `;`, a UTF-8 BOM and CRLF. With a quota configured every response carries
 * `X-RateLimit-*` headers and calls beyond the quota get 429.
 */

const RECORDS_MAX_LIMIT = 100;
const RECORDS_MAX_WINDOW = 10_000;
const GEO_FIELD: FieldDef = { name: 'geo_point_2d', type: 'text', label: 'Geo Point' };

/**
 * A deterministic request quota: `limit` calls succeed, the next one is refused with 429, then
 * the window starts again — so a client that honours `Retry-After` always finishes.
 */
export class RequestQuota {
  private used = 0;
  constructor(readonly limit: number) {}

  take(): { allowed: boolean; remaining: number } {
    if (this.used >= this.limit) {
      this.used = 0;
      return { allowed: false, remaining: 0 };
    }
    this.used += 1;
    return { allowed: true, remaining: this.limit - this.used };
  }
}

function odsError(status: number, errorCode: string, message: string): PortalResponse {
  return jsonResponse({ error_code: errorCode, message }, status);
}

function jsonValue(def: FieldDef, row: DataRow): unknown {
  const value = row.values[def.name] ?? null;
  if (value === null) return null;
  if (def.type === 'date') return cellText(value, 'date');
  // ODS stores date-times in UTC and prints them with an explicit +00:00.
  if (def.type === 'timestamp' && typeof value === 'number')
    return new Date(value).toISOString().replace('.000Z', '+00:00');
  return value;
}

function selectFields(dataset: Dataset, select: string | null, faults: RequestFaults): FieldDef[] {
  const visible = [...publishedFields(dataset.fields, faults), ...(dataset.hasPoints ? [GEO_FIELD] : [])];
  if (!select || select.trim() === '*') return visible;
  return select.split(',').map((raw) => {
    const name = raw.trim().replace(/`/g, '');
    const def = visible.find((f) => f.name === name.toLowerCase());
    if (!def) throw new QuerySyntaxError(`Unknown field: ${name}`);
    return def;
  });
}

function record(fields: ReadonlyArray<FieldDef>, row: DataRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f === GEO_FIELD) out[f.name] = row.point ? { lon: row.point.lon, lat: row.point.lat } : null;
    else if (f.name in row.values) out[f.name] = jsonValue(f, row);
  }
  return out;
}

function csvValue(f: FieldDef, row: DataRow): string | null {
  if (f === GEO_FIELD) return row.point ? `${row.point.lat}, ${row.point.lon}` : null;
  const v = jsonValue(f, row);
  return v === null || v === undefined ? null : String(v);
}

function respond(
  request: PortalRequest,
  env: PortalEnvironment,
  dataset: Dataset,
  kind: 'records' | 'json' | 'csv',
  faults: RequestFaults,
): PortalResponse {
  const q = request.query;
  const exporting = kind !== 'records';
  const limit = intValue(q.get('limit'), exporting ? -1 : 10);
  const offset = intValue(q.get('offset'), 0);
  if (Number.isNaN(limit) || Number.isNaN(offset) || offset < 0 || limit < -1) {
    return odsError(400, 'InvalidRESTParameterError', 'Invalid value for limit or offset API parameter.');
  }
  if (!exporting && limit > RECORDS_MAX_LIMIT) {
    return odsError(
      400,
      'InvalidRESTParameterError',
      `Invalid value for limit API parameter: ${limit} was found but -1 <= limit <= ${RECORDS_MAX_LIMIT} is expected.`,
    );
  }
  const effectiveLimit = limit === -1 ? (exporting ? Number.MAX_SAFE_INTEGER : RECORDS_MAX_LIMIT) : limit;
  if (!exporting && offset + effectiveLimit > RECORDS_MAX_WINDOW) {
    return odsError(
      400,
      'InvalidRESTParameterError',
      `Invalid value for offset + limit API parameter: ${offset + effectiveLimit} was found but offset + limit <= ${RECORDS_MAX_WINDOW} is expected.`,
    );
  }
  const fields = selectFields(dataset, q.get('select'), faults);
  const where = q.get('where');
  const result = runQuery(dataset, env.registry.cache, {
    where: where ? parseWhere(where) : undefined,
    order: parseOrder(q.get('order_by')),
    offset,
    limit: effectiveLimit,
  });
  const rows = (): Generator<DataRow> =>
    (function* () {
      for (const item of result.rows) yield publishedRow(dataset.fields, item.row, item.index, faults);
    })();
  if (kind === 'records') {
    return jsonResponse({
      total_count: result.total,
      results: Array.from(rows(), (row) => record(fields, row)),
    });
  }
  if (kind === 'json') {
    const parts = function* (): Generator<string> {
      yield '[';
      let first = true;
      for (const row of rows()) {
        yield `${first ? '' : ', '}${JSON.stringify(record(fields, row))}`;
        first = false;
      }
      yield ']';
    };
    return { status: 200, contentType: 'application/json', charset: 'utf-8', body: chunked(parts()) };
  }
  const lines = function* (): Generator<string> {
    yield `\ufeff${fields.map((f) => csvCell(f.label, ';')).join(';')}\r\n`;
    for (const row of rows()) yield `${fields.map((f) => csvCell(csvValue(f, row), ';')).join(';')}\r\n`;
  };
  return {
    status: 200,
    contentType: 'text/csv',
    charset: 'utf-8',
    headers: { 'Content-Disposition': `attachment; filename="${dataset.id}.csv"` },
    body: chunked(lines()),
  };
}

/** Routes `/api/explore/v2.1/catalog/datasets/<id>/records` and `/exports/json|csv`. */
export function opendatasoftPortal(quota: RequestQuota | undefined): PortalRouter {
  return (request, env) => {
    const m =
      /^\/api\/explore\/v2\.1\/catalog\/datasets\/([^/]+)\/(records|exports\/json|exports\/csv)$/.exec(
        request.path,
      );
    if (!m) return null;
    const [, id, what] = m;
    const dataset = env.registry.find('ods', id);
    return {
      datasetId: id,
      respond: (faults) => {
        let rateHeaders: Record<string, string> = {};
        if (quota) {
          const taken = quota.take();
          rateHeaders = {
            'X-RateLimit-Limit': String(quota.limit),
            'X-RateLimit-Remaining': String(taken.remaining),
            'X-RateLimit-Reset': new Date(env.registry.options.until + 86_400_000).toISOString(),
          };
          if (!taken.allowed) {
            const refused = odsError(
              429,
              'TooManyRequests',
              'Too many requests on the domain. Please contact the domain administrator.',
            );
            return { ...refused, headers: { ...rateHeaders, 'Retry-After': '1' } };
          }
        }
        let response: PortalResponse;
        if (!dataset) response = odsError(404, 'DatasetNotFound', `Unknown dataset: ${id}`);
        else {
          try {
            response = respond(
              request,
              env,
              dataset,
              what === 'records' ? 'records' : what === 'exports/json' ? 'json' : 'csv',
              faults,
            );
          } catch (error) {
            if (!(error instanceof QuerySyntaxError)) throw error;
            response = odsError(400, 'ODSQLError', error.message);
          }
        }
        return { ...response, headers: { ...response.headers, ...rateHeaders } };
      },
    };
  };
}
