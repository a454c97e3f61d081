import { z } from 'zod';
import { isRecord, recordsAt } from '../../decoding/json-records';
import { ConnectorConfigError, SchemaDriftError } from '../../errors/source-errors';
import { httpUrlSchema } from '../../manifest/common-schemas';
import { type FetchedPage, offsetPaginator } from '../../paging/paginators';
import { csvPages, getJson, jsonArrayPages } from '../body-reading';
import { defineConnector, type IncrementalFilter, type RawRecord, withQuery } from '../connector';

/** Explore v2.1 `/records` refuses more than 100 rows per call and offset + limit above 10 000. */
const RECORDS_MAX_LIMIT = 100;
const RECORDS_MAX_WINDOW = 10_000;

export const opendatasoftParamsSchema = z.strictObject({
  /** Portal root, e.g. https://data.education.gouv.fr */
  base_url: httpUrlSchema,
  dataset: z.string().min(1),
  /** `records` for paged reads, `exports` for bulk (no 10 000-row window). */
  endpoint: z.enum(['records', 'exports']).default('records'),
  export_format: z.enum(['json', 'csv']).default('json'),
  select: z.string().optional(),
  where: z.string().optional(),
  order_by: z.string().optional(),
});

function incrementalClause(filter: IncrementalFilter): string {
  return filter.after.kind === 'time'
    ? `${filter.field} > date'${filter.after.instant.toISOString()}'`
    : `${filter.field} > ${filter.after.value}`;
}

/**
 * OpenDataSoft Explore v2.1: `/records` (limit ≤ 100, offset + limit ≤ 10 000, stops on
 * `total_count`) or `/exports/json|csv` for bulk. CSV exports are `;`-separated with a BOM and
 * capitalised headers where JSON keys are lowercase; field lookup in mapping ignores case.
 */
export const opendatasoftConnector = defineConnector({
  type: 'opendatasoft',
  description: 'OpenDataSoft Explore v2.1 records (paged) or exports (bulk JSON/CSV)',
  pagingModes: ['offset', 'none'],
  paramsSchema: opendatasoftParamsSchema,
  async *read(params, context) {
    const datasetUrl = `${params.base_url.replace(/\/+$/, '')}/api/explore/v2.1/catalog/datasets/${encodeURIComponent(params.dataset)}`;
    const clauses = [
      params.where,
      context.incremental ? incrementalClause(context.incremental) : undefined,
    ].filter((c): c is string => Boolean(c));
    const where = clauses.length ? clauses.map((c) => `(${c})`).join(' AND ') : undefined;
    const query = { select: params.select, where, order_by: params.order_by };

    if (params.endpoint === 'exports') {
      const url = withQuery(`${datasetUrl}/exports/${params.export_format}`, query);
      if (params.export_format === 'csv') {
        const response = await context.http.stream(url, { accept: 'text/csv' });
        yield* csvPages(response.body, {
          ...context.manifest.decoding,
          delimiter: context.manifest.decoding.delimiter ?? ';',
        });
        return;
      }
      // Bulk JSON exports are one top-level array: stream it element by element.
      const response = await context.http.stream(url, { accept: 'application/json' });
      yield* jsonArrayPages(response.body, context.manifest.decoding, 'ODS export');
      return;
    }

    const pageSize = context.pageSize(RECORDS_MAX_LIMIT, RECORDS_MAX_LIMIT);
    const fetchPage = async (offset: number, limit: number): Promise<FetchedPage<RawRecord>> => {
      const body = await getJson(context, withQuery(`${datasetUrl}/records`, { ...query, limit, offset }));
      if (!isRecord(body)) throw new SchemaDriftError('ODS /records did not return an object');
      const total = Number(body['total_count']);
      if (offset === 0 && Number.isFinite(total) && total > RECORDS_MAX_WINDOW) {
        throw new ConnectorConfigError(
          `ODS dataset ${params.dataset} has ${total} records, beyond the /records window of ${RECORDS_MAX_WINDOW}; use endpoint: exports`,
        );
      }
      return {
        records: recordsAt(body, 'results', 'ODS /records'),
        total: Number.isFinite(total) ? total : undefined,
      };
    };
    yield* offsetPaginator(fetchPage, {
      pageSize,
      maxWindow: RECORDS_MAX_WINDOW,
      maxPages: context.manifest.paging.max_pages,
    });
  },
});
