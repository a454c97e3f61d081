import { z } from 'zod';
import { describeJson, isRecord } from '../../decoding/json-records';
import { HttpStatusError, PermanentSourceError, SchemaDriftError } from '../../errors/source-errors';
import { httpUrlSchema } from '../../manifest/common-schemas';
import { type FetchedPage, offsetPaginator } from '../../paging/paginators';
import { type ConnectorContext, defineConnector, type RawRecord, withQuery } from '../connector';
import { getJson } from '../body-reading';

export const arcgisParamsSchema = z.strictObject({
  /** Layer URL, e.g. https://services.arcgis.com/…/FeatureServer/0 or …/MapServer/3 */
  layer_url: httpUrlSchema,
  where: z.string().default('1=1'),
  out_fields: z.string().default('*'),
  format: z.enum(['json', 'geojson']).default('json'),
  /** Read `maxRecordCount` and pagination support from the layer metadata first (default true). */
  read_metadata: z.boolean().default(true),
});

interface LayerInfo {
  maxRecordCount: number;
  supportsPagination: boolean;
  objectIdField?: string;
}

/** ArcGIS answers errors with HTTP 200 and `{ error: { code, message } }`. */
function throwIfError(body: unknown, url: string): void {
  if (isRecord(body) && isRecord(body['error'])) {
    const code = Number(body['error']['code']);
    const message = String(body['error']['message'] ?? 'unknown error');
    if (code >= 500 || code === 429) throw new HttpStatusError(code, url);
    throw new PermanentSourceError(`ArcGIS error ${Number.isFinite(code) ? code : ''}: ${message}`);
  }
}

async function layerInfo(context: ConnectorContext, layerUrl: string): Promise<LayerInfo> {
  const url = withQuery(layerUrl, { f: 'json' });
  const body = await getJson(context, url);
  throwIfError(body, url);
  if (!isRecord(body))
    throw new SchemaDriftError(`ArcGIS layer metadata is ${describeJson(body)}, expected an object`);
  const advanced = isRecord(body['advancedQueryCapabilities']) ? body['advancedQueryCapabilities'] : {};
  const max = Number(body['maxRecordCount']);
  const oidField = Array.isArray(body['fields'])
    ? body['fields'].find(
        (f): f is Record<string, unknown> => isRecord(f) && f['type'] === 'esriFieldTypeOID',
      )
    : undefined;
  return {
    maxRecordCount: Number.isFinite(max) && max > 0 ? max : 1000,
    supportsPagination: advanced['supportsPagination'] !== false,
    objectIdField:
      typeof body['objectIdField'] === 'string'
        ? body['objectIdField']
        : typeof oidField?.['name'] === 'string'
          ? oidField['name']
          : undefined,
  };
}

/** Flattens Esri JSON (`attributes` + `geometry`) or GeoJSON (`properties` + `geometry`) features. */
function featureRecords(body: unknown): { records: RawRecord[]; more: boolean | undefined } {
  if (!isRecord(body) || !Array.isArray(body['features'])) {
    throw new SchemaDriftError(`ArcGIS query response has no "features" array (got ${describeJson(body)})`);
  }
  const records = body['features'].map((feature: unknown): RawRecord => {
    if (!isRecord(feature)) return {};
    const attributes = isRecord(feature['attributes'])
      ? feature['attributes']
      : isRecord(feature['properties'])
        ? feature['properties']
        : {};
    return { ...attributes, geometry: feature['geometry'] ?? null };
  });
  const props = isRecord(body['properties']) ? body['properties'] : {};
  const flag = body['exceededTransferLimit'] ?? props['exceededTransferLimit'];
  return { records, more: typeof flag === 'boolean' ? flag : undefined };
}

function toArcgisTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
}

/**
 * ArcGIS FeatureServer/MapServer `query`: reads the layer metadata, then pages with
 * `resultOffset` + `resultRecordCount` (≤ `maxRecordCount`) while `exceededTransferLimit` is true.
 * Esri JSON and GeoJSON both come out as flat attribute records with a `geometry` field.
 */
export const arcgisConnector = defineConnector({
  type: 'arcgis',
  description: 'ArcGIS REST FeatureServer/MapServer layer query (resultOffset paging, exceededTransferLimit)',
  pagingModes: ['offset'],
  paramsSchema: arcgisParamsSchema,
  async *read(params, context) {
    const layerUrl = params.layer_url.replace(/\/+$/, '');
    const info: LayerInfo = params.read_metadata
      ? await layerInfo(context, layerUrl)
      : { maxRecordCount: 1000, supportsPagination: true };
    const incremental = context.incremental;
    const where = incremental
      ? `(${params.where}) AND ${incremental.field} > ${incremental.after.kind === 'time' ? `TIMESTAMP '${toArcgisTimestamp(incremental.after.instant)}'` : incremental.after.value}`
      : params.where;
    const pageSize = Math.min(context.pageSize(info.maxRecordCount), info.maxRecordCount);
    const query = (extra: Record<string, string | number | undefined>): string =>
      withQuery(`${layerUrl}/query`, {
        where,
        outFields: params.out_fields,
        outSR: 4326,
        returnGeometry: 'true',
        f: params.format,
        ...extra,
      });
    if (!info.supportsPagination) {
      const url = query({});
      const body = await getJson(context, url);
      throwIfError(body, url);
      const page = featureRecords(body);
      if (page.more)
        throw new PermanentSourceError(
          'the layer does not support pagination and the result exceeds maxRecordCount; narrow "where"',
        );
      if (page.records.length) yield { records: page.records, index: 0, firstRowNumber: 1 };
      return;
    }
    const fetchPage = async (offset: number, limit: number): Promise<FetchedPage<RawRecord>> => {
      const url = query({
        resultOffset: offset,
        resultRecordCount: limit,
        orderByFields: info.objectIdField,
      });
      const body = await getJson(context, url);
      throwIfError(body, url);
      return featureRecords(body);
    };
    yield* offsetPaginator(fetchPage, { pageSize, maxPages: context.manifest.paging.max_pages });
  },
});
