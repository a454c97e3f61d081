import { z } from 'zod';
import { isRecord, recordsAt } from '../../decoding/json-records';
import { SchemaDriftError } from '../../errors/source-errors';
import { httpUrlSchema } from '../../manifest/common-schemas';
import { type FetchedPage, offsetPaginator } from '../../paging/paginators';
import { defineConnector, type RawRecord, withQuery } from '../connector';
import { getJson } from '../body-reading';

/** CKAN's default `ckan.datastore.search.rows_max`. */
const CKAN_ROWS_MAX = 32_000;

export const ckanParamsSchema = z.strictObject({
  /** Portal root, e.g. https://opendata.comune.bari.it (the /api/3/action path is added). */
  base_url: httpUrlSchema,
  resource_id: z.string().min(1),
  /** Exact-match filters (`{"TIPO": "ITS"}`), sent as the JSON `filters` parameter. */
  filters: z
    .record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
    )
    .optional(),
  /** Full-text query. */
  q: z.string().optional(),
  fields: z.array(z.string()).optional(),
  /** Sort order; defaults to `_id` so that offset paging is stable. */
  sort: z.string().optional(),
});

/**
 * CKAN DataStore `datastore_search`: limit/offset paging that stops on `total` (never on
 * `_links.next`, which can point past the end). Numbers often arrive as strings; mapping reads
 * them as numbers. There is no range filter, so incremental runs filter on the client.
 */
export const ckanConnector = defineConnector({
  type: 'ckan',
  description: 'CKAN DataStore datastore_search (limit/offset, stops on total)',
  pagingModes: ['offset'],
  paramsSchema: ckanParamsSchema,
  read(params, context) {
    const endpoint = `${params.base_url.replace(/\/+$/, '')}/api/3/action/datastore_search`;
    const pageSize = context.pageSize(100, CKAN_ROWS_MAX);
    const fetchPage = async (offset: number, limit: number): Promise<FetchedPage<RawRecord>> => {
      const url = withQuery(endpoint, {
        resource_id: params.resource_id,
        limit,
        offset,
        filters: params.filters ? JSON.stringify(params.filters) : undefined,
        q: params.q,
        fields: params.fields?.join(','),
        sort: params.sort ?? '_id',
      });
      const body = await getJson(context, url);
      if (!isRecord(body) || body['success'] !== true || !isRecord(body['result'])) {
        throw new SchemaDriftError(
          `CKAN datastore_search for ${params.resource_id} did not return { success: true, result: {…} }`,
        );
      }
      const result = body['result'];
      const total = Number(result['total']);
      return {
        records: recordsAt(result, 'records', 'CKAN result'),
        total: Number.isFinite(total) ? total : undefined,
      };
    };
    return offsetPaginator(fetchPage, { pageSize, maxPages: context.manifest.paging.max_pages });
  },
});
