import { z } from 'zod';
import { csvRecords } from '../../decoding/csv-records';
import { recordsAt } from '../../decoding/json-records';
import { decodeBuffer } from '../../decoding/text-decoding';
import { httpUrlSchema } from '../../manifest/common-schemas';
import { type FetchedPage, offsetPaginator } from '../../paging/paginators';
import { defineConnector, type IncrementalFilter, type RawRecord, withQuery } from '../connector';
import { getJson } from '../body-reading';

export const socrataParamsSchema = z.strictObject({
  /** Portal root, e.g. https://data.cityofnewyork.us */
  base_url: httpUrlSchema,
  /** The dataset's 4x4 id (`uczf-rk3c`). */
  dataset: z.string().regex(/^[a-z0-9]{4}-[a-z0-9]{4}$/, 'a Socrata 4x4 id such as uczf-rk3c'),
  format: z.enum(['json', 'csv']).default('json'),
  select: z.string().optional(),
  where: z.string().optional(),
  /** Paging needs a stable order; `:id` unless a unique key is given. */
  order: z.string().default(':id'),
});

function incrementalClause(field: string, after: IncrementalFilter['after']): string {
  // SODA timestamps are "floating" (no zone), so the bound is written as wall-clock text.
  return after.kind === 'time' ? `${field} > '${after.localIso}'` : `${field} > ${after.value}`;
}

/**
 * Socrata SODA `/resource/<4x4>.json|csv` with `$limit`/`$offset`, always ordered (`$order=:id`)
 * because unordered pages may overlap; incremental runs add `$where field > cursor`.
 */
export const socrataConnector = defineConnector({
  type: 'socrata',
  description: 'Socrata SODA resource endpoint (JSON or CSV, $limit/$offset/$order/$where)',
  pagingModes: ['offset'],
  paramsSchema: socrataParamsSchema,
  read(params, context) {
    const endpoint = `${params.base_url.replace(/\/+$/, '')}/resource/${params.dataset}.${params.format}`;
    const clauses = [
      params.where,
      context.incremental
        ? incrementalClause(context.incremental.field, context.incremental.after)
        : undefined,
    ].filter((c): c is string => Boolean(c));
    const where = clauses.length ? clauses.map((c) => `(${c})`).join(' AND ') : undefined;
    const pageSize = context.pageSize(1000, 50_000);
    const fetchPage = async (offset: number, limit: number): Promise<FetchedPage<RawRecord>> => {
      const url = withQuery(endpoint, {
        $select: params.select,
        $where: where,
        $order: params.order,
        $limit: limit,
        $offset: offset,
      });
      if (params.format === 'json')
        return { records: recordsAt(await getJson(context, url), '', 'SODA response') };
      const response = await context.http.get(url, { accept: 'text/csv' });
      const text = await decodeBuffer(response.body, context.manifest.decoding.encoding);
      const records: RawRecord[] = [];
      for await (const { record } of csvRecords(single(text), {
        headerRow: true,
        skipPreambleLines: 0,
        skipFooterRows: 0,
        delimiter: ',',
      }))
        records.push(record);
      return { records };
    };
    return offsetPaginator(fetchPage, { pageSize, maxPages: context.manifest.paging.max_pages });
  },
});

async function* single(text: string): AsyncGenerator<string> {
  yield text;
}
