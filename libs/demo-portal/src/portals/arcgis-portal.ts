import { shapeBounds } from '../city/point-in-district';
import type { Dataset, DataRow, FieldDef, FieldType } from '../datasets/dataset';
import type { RequestFaults } from '../faults/fault-plan';
import { publishedFields, publishedRow } from '../faults/row-damage';
import { parseOrder, runQuery } from '../query/row-query';
import { parseWhere, QuerySyntaxError } from '../query/where-expression';
import { chunked, jsonResponse, type PortalResponse } from '../server/http-response';
import { intValue, type PortalEnvironment, type PortalRequest, type PortalRouter } from './portal-route';

/**
 * ArcGIS REST FeatureServer (`/arcgis/rest/services/<name>/FeatureServer/0`): layer metadata
 * (read first: `maxRecordCount`, `supportsPagination`) and `query` with `where`, `outFields`,
 * `orderByFields`, `resultOffset`, `resultRecordCount`, `returnCountOnly`, `returnGeometry`,
 * `f=json|pjson|geojson`. Pages stop at `maxRecordCount`; `exceededTransferLimit: true` says
 * more rows remain. Errors come back as HTTP 200 with an `error` object, as ArcGIS Server does.
 */

export const ARCGIS_MAX_RECORD_COUNT = 2000;
const SR = { wkid: 4326, latestWkid: 4326 };

const ESRI_TYPES: Record<FieldType, string> = {
  text: 'esriFieldTypeString',
  integer: 'esriFieldTypeInteger',
  number: 'esriFieldTypeDouble',
  date: 'esriFieldTypeDate',
  timestamp: 'esriFieldTypeDate',
};

function esriField(f: FieldDef): Record<string, unknown> {
  const type = f.name === 'OBJECTID' ? 'esriFieldTypeOID' : ESRI_TYPES[f.type];
  return { name: f.name, type, alias: f.label, ...(f.type === 'text' ? { length: 64 } : {}), domain: null };
}

function arcgisError(message: string, details: string[] = []): PortalResponse {
  return jsonResponse({ error: { code: 400, message, details } });
}

function layerMetadata(
  dataset: Dataset,
  env: PortalEnvironment,
  faults: RequestFaults,
): Record<string, unknown> {
  const bounds = env.registry.context.districts.map((d) => shapeBounds(d.shape));
  const edit = dataset.fields.find((f) => f.name === 'LAST_EDITED_DATE');
  return {
    currentVersion: 10.91,
    id: 0,
    name: dataset.id,
    type: 'Feature Layer',
    description: `${dataset.titleZh} / ${dataset.titleEn}. ${dataset.description}`,
    geometryType: 'esriGeometryPoint',
    sourceSpatialReference: SR,
    copyrightText: '示范市公安局交通管理局 / Demo City traffic police',
    parentLayer: null,
    subLayers: [],
    defaultVisibility: true,
    extent: {
      xmin: Math.min(...bounds.map((b) => b[0])),
      ymin: Math.min(...bounds.map((b) => b[1])),
      xmax: Math.max(...bounds.map((b) => b[2])),
      ymax: Math.max(...bounds.map((b) => b[3])),
      spatialReference: SR,
    },
    hasAttachments: false,
    displayField: dataset.fields.find((f) => f.type === 'text')?.name ?? 'OBJECTID',
    typeIdField: null,
    fields: publishedFields(dataset.fields, faults).map(esriField),
    geometryField: { name: 'Shape', type: 'esriFieldTypeGeometry', alias: 'Shape' },
    indexes: [],
    relationships: [],
    canModifyLayer: false,
    canScaleSymbols: false,
    hasLabels: false,
    capabilities: 'Query',
    maxRecordCount: ARCGIS_MAX_RECORD_COUNT,
    supportsStatistics: false,
    supportsAdvancedQueries: true,
    supportedQueryFormats: 'JSON, geoJSON',
    isDataVersioned: false,
    objectIdField: 'OBJECTID',
    ...(edit
      ? {
          editFieldsInfo: {
            creationDateField: '',
            creatorField: '',
            editDateField: edit.name,
            editorField: '',
          },
        }
      : {}),
    useStandardizedQueries: true,
    advancedQueryCapabilities: {
      useStandardizedQueries: true,
      supportsStatistics: false,
      supportsOrderBy: true,
      supportsDistinct: false,
      supportsPagination: true,
      supportsReturningQueryExtent: false,
    },
  };
}

function attributes(row: DataRow, fields: ReadonlyArray<FieldDef>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.name in row.values) out[f.name] = row.values[f.name] ?? null;
  return out;
}

function query(
  request: PortalRequest,
  env: PortalEnvironment,
  dataset: Dataset,
  faults: RequestFaults,
): PortalResponse {
  const q = request.query;
  const format = (q.get('f') ?? 'html').toLowerCase();
  if (!['json', 'pjson', 'geojson'].includes(format))
    return arcgisError('Invalid or missing input parameters.', ["'f' must be json, pjson or geojson"]);
  const where = q.get('where');
  if (!where)
    return arcgisError('Unable to complete operation.', ["'where' parameter is required (use 1=1)"]);
  const offset = intValue(q.get('resultOffset'), 0);
  const requested = intValue(q.get('resultRecordCount'), ARCGIS_MAX_RECORD_COUNT);
  if (Number.isNaN(offset) || Number.isNaN(requested) || offset < 0 || requested < 0) {
    return arcgisError('Invalid or missing input parameters.', [
      'resultOffset and resultRecordCount must be integers',
    ]);
  }
  const visible = publishedFields(dataset.fields, faults);
  const outFields = (q.get('outFields') ?? '').trim();
  let fields: FieldDef[];
  if (outFields === '*') fields = visible;
  else if (outFields === '') fields = visible.filter((f) => f.name === 'OBJECTID');
  else {
    const names = outFields.split(',').map((n) => n.trim().toLowerCase());
    fields = visible.filter((f) => names.includes(f.name.toLowerCase()));
    if (fields.length !== names.length)
      return arcgisError('Unable to complete operation.', ['Invalid field in outFields']);
  }
  const predicate = where.trim() === '1=1' ? undefined : parseWhere(where, { zoneless: 'utc' });
  const pageSize = Math.min(requested || ARCGIS_MAX_RECORD_COUNT, ARCGIS_MAX_RECORD_COUNT);
  const result = runQuery(dataset, env.registry.cache, {
    where: predicate,
    order: parseOrder(q.get('orderByFields')),
    offset,
    limit: pageSize,
  });
  if (q.get('returnCountOnly') === 'true') return jsonResponse({ count: result.total });
  const exceeded = offset + result.rows.length < result.total;
  const withGeometry = q.get('returnGeometry') !== 'false';
  const rows = result.rows.map((item) => ({
    item,
    row: publishedRow(dataset.fields, item.row, item.index, faults),
  }));
  if (format === 'geojson') {
    const features = function* (): Generator<string> {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for (const { row } of rows) {
        const feature = {
          type: 'Feature',
          id: row.values['OBJECTID'],
          geometry:
            withGeometry && row.point ? { type: 'Point', coordinates: [row.point.lon, row.point.lat] } : null,
          properties: attributes(row, fields),
        };
        yield `${first ? '' : ','}${JSON.stringify(feature)}`;
        first = false;
      }
      yield `]${exceeded ? ',"exceededTransferLimit":true,"properties":{"exceededTransferLimit":true}' : ''}}`;
    };
    return { status: 200, contentType: 'application/geo+json', charset: 'utf-8', body: chunked(features()) };
  }
  const header = {
    displayFieldName: dataset.fields.find((f) => f.type === 'text')?.name ?? 'OBJECTID',
    fieldAliases: Object.fromEntries(fields.map((f) => [f.name, f.label])),
    objectIdFieldName: 'OBJECTID',
    uniqueIdField: { name: 'OBJECTID', isSystemMaintained: true },
    globalIdFieldName: '',
    geometryType: 'esriGeometryPoint',
    spatialReference: SR,
    fields: fields.map(esriField),
  };
  const body = function* (): Generator<string> {
    const head = JSON.stringify(header);
    yield `${head.slice(0, -1)}${exceeded ? ',"exceededTransferLimit":true' : ''},"features":[`;
    let first = true;
    for (const { row } of rows) {
      const feature = {
        attributes: attributes(row, fields),
        ...(withGeometry && row.point ? { geometry: { x: row.point.lon, y: row.point.lat } } : {}),
      };
      yield `${first ? '' : ','}${JSON.stringify(feature)}`;
      first = false;
    }
    yield ']}';
  };
  return { status: 200, contentType: 'application/json', charset: 'utf-8', body: chunked(body()) };
}

/** Routes `/arcgis/rest/services/<name>/FeatureServer[/0[/query]]`. */
export const arcgisPortal: PortalRouter = (request, env) => {
  const m = /^\/arcgis\/rest\/services\/([^/]+)\/(?:FeatureServer|MapServer)(?:\/(\d+)(\/query)?)?\/?$/i.exec(
    request.path,
  );
  if (!m) return null;
  const [, name, layer, isQuery] = m;
  const dataset = env.registry.find('arcgis', name);
  return {
    datasetId: dataset?.id ?? name,
    respond: (faults) => {
      if (!dataset || (layer !== undefined && layer !== '0'))
        return arcgisError('Service not found', [`${name}/${layer ?? ''}`]);
      if (layer === undefined) {
        return jsonResponse({
          currentVersion: 10.91,
          serviceDescription: dataset.titleZh,
          maxRecordCount: ARCGIS_MAX_RECORD_COUNT,
          layers: [{ id: 0, name: dataset.id, geometryType: 'esriGeometryPoint' }],
          tables: [],
          spatialReference: SR,
        });
      }
      if (!isQuery) return jsonResponse(layerMetadata(dataset, env, faults));
      try {
        return query(request, env, dataset, faults);
      } catch (error) {
        if (error instanceof QuerySyntaxError)
          return arcgisError('Unable to complete operation.', [error.message]);
        throw error;
      }
    },
  };
};
