import { z } from 'zod';
import { isRecord, parseJson, recordsAt } from '../../decoding/json-records';
import { decodeBuffer } from '../../decoding/text-decoding';
import { ConnectorConfigError } from '../../errors/source-errors';
import { httpUrlSchema } from '../../manifest/common-schemas';
import { readField } from '../../mapping/field-path';
import {
  type FetchedPage,
  offsetPaginator,
  type Page,
  pageNumberPaginator,
  tokenPaginator,
} from '../../paging/paginators';
import { defineConnector, type RawRecord, withQuery } from '../connector';
import { jsonArrayPages } from '../body-reading';

export const jsonParamsSchema = z.union([
  z.strictObject({
    url: httpUrlSchema,
    /** Extra query parameters sent with every page. */
    query: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** Dotted path of the total record count in a page body (offset/page paging). */
    total_path: z.string().optional(),
  }),
  z.strictObject({ path: z.string().min(1) }),
]);

/** `Link: <https://…?page=2>; rel="next"` → the next URL. */
export function nextFromLinkHeader(header: string | string[] | undefined): string | null {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return null;
  for (const part of text.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m?.[1]) return m[1];
  }
  return null;
}

function optionalNumber(value: unknown): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== null && Number.isFinite(n) ? n : undefined;
}

/**
 * A JSON document (array or object with a records array at `decoding.records_path`) from a URL
 * or a local file, or a JSON API paged by offset, page number, cursor token or next link as the
 * manifest's `paging` says. Local files and unpaged URLs are read whole (bounded by the client's
 * body limit); paged APIs never hold more than one page.
 */
export const jsonConnector = defineConnector({
  type: 'json',
  description: 'JSON document or paged JSON API (offset, page, cursor, link)',
  pagingModes: ['none', 'offset', 'page', 'cursor', 'link'],
  paramsSchema: jsonParamsSchema,
  async *read(params, context) {
    const decoding = context.manifest.decoding;
    const paging = context.manifest.paging;
    const toRecords = (text: string, where: string): { body: unknown; records: RawRecord[] } => {
      const body = parseJson(text, where);
      return { body, records: recordsAt(body, decoding.records_path, where) };
    };
    const chunk = function* (records: RawRecord[]): Generator<Page<RawRecord>> {
      for (let i = 0; i < records.length; i += 1000)
        yield { records: records.slice(i, i + 1000), index: i / 1000, firstRowNumber: i + 1 };
    };

    if ('path' in params) {
      if (paging.mode !== 'none')
        throw new ConnectorConfigError('a local JSON file cannot be paged: use paging.mode none');
      if (!decoding.records_path) {
        yield* jsonArrayPages(context.openFile(params.path), decoding, params.path);
        return;
      }
      const parts: Buffer[] = [];
      for await (const part of context.openFile(params.path)) parts.push(part);
      yield* chunk(
        toRecords(await decodeBuffer(Buffer.concat(parts), decoding.encoding), params.path).records,
      );
      return;
    }
    const get = async (
      url: string,
    ): Promise<{ body: unknown; records: RawRecord[]; link: string | null }> => {
      const response = await context.http.get(url, { accept: 'application/json' });
      const parsed = toRecords(await decodeBuffer(response.body, decoding.encoding), new URL(url).pathname);
      return { ...parsed, link: nextFromLinkHeader(response.headers['link']) };
    };
    const base = withQuery(params.url, params.query ?? {});
    const total = (body: unknown): number | undefined =>
      params.total_path && isRecord(body) ? optionalNumber(readField(body, params.total_path)) : undefined;

    switch (paging.mode) {
      case 'none':
        if (!decoding.records_path) {
          // A top-level array (a bulk export) is streamed instead of read whole.
          const response = await context.http.stream(base, { accept: 'application/json' });
          yield* jsonArrayPages(response.body, decoding, new URL(base).pathname);
          return;
        }
        yield* chunk((await get(base)).records);
        return;
      case 'offset': {
        const fetchPage = async (offset: number, limit: number): Promise<FetchedPage<RawRecord>> => {
          const page = await get(
            withQuery(base, { [paging.offset_param]: offset, [paging.limit_param]: limit }),
          );
          return { records: page.records, total: total(page.body) };
        };
        yield* offsetPaginator(fetchPage, { pageSize: context.pageSize(100), maxPages: paging.max_pages });
        return;
      }
      case 'page': {
        const fetchPage = async (page: number, size: number): Promise<FetchedPage<RawRecord>> => {
          const query: Record<string, number> = { [paging.page_param]: page };
          if (paging.size_param) query[paging.size_param] = size;
          const got = await get(withQuery(base, query));
          return { records: got.records, total: total(got.body) };
        };
        yield* pageNumberPaginator(fetchPage, {
          pageSize: context.pageSize(100),
          firstPage: paging.first_page,
          maxPages: paging.max_pages,
        });
        return;
      }
      case 'cursor': {
        const fetchPage = async (token: string | null): Promise<FetchedPage<RawRecord>> => {
          const got = await get(token === null ? base : withQuery(base, { [paging.cursor_param]: token }));
          const next = isRecord(got.body) ? readField(got.body, paging.next_cursor_path) : undefined;
          return {
            records: got.records,
            next: typeof next === 'string' || typeof next === 'number' ? String(next) : null,
          };
        };
        yield* tokenPaginator(fetchPage, { maxPages: paging.max_pages });
        return;
      }
      case 'link': {
        const fetchPage = async (token: string | null): Promise<FetchedPage<RawRecord>> => {
          const url = token === null ? base : new URL(token, base).toString();
          const got = await get(url);
          const fromBody =
            paging.next_link_path && isRecord(got.body)
              ? readField(got.body, paging.next_link_path)
              : undefined;
          const next =
            typeof fromBody === 'string' && fromBody
              ? new URL(fromBody, url).toString()
              : got.link
                ? new URL(got.link, url).toString()
                : null;
          return { records: got.records, next };
        };
        yield* tokenPaginator(fetchPage, { maxPages: paging.max_pages });
        return;
      }
    }
  },
});
