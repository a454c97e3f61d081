import { csvRecords } from '../decoding/csv-records';
import { decodeBuffer, decodeText } from '../decoding/text-decoding';
import { jsonArrayElements } from '../decoding/json-array-stream';
import { parseJson, toRecord } from '../decoding/json-records';
import type { DecodingSpec } from '../manifest/manifest-schema';
import type { Page } from '../paging/paginators';
import type { ConnectorContext, RawRecord } from './connector';

/** GETs a JSON document through the guarded client, decoding it with the manifest's encoding. */
export async function getJson(context: ConnectorContext, url: string): Promise<unknown> {
  const response = await context.http.get(url, { accept: 'application/json' });
  return parseJson(
    await decodeBuffer(response.body, context.manifest.decoding.encoding),
    `response of ${new URL(url).pathname}`,
  );
}

/** Rows per page when a streamed file is cut into pages for the mapping stage. */
export const FILE_PAGE_ROWS = 1000;

/** Groups a stream of numbered records into pages of at most `size` rows. */
export async function* chunkRecords(
  records: AsyncIterable<{ rowNumber: number; record: RawRecord }>,
  size = FILE_PAGE_ROWS,
): AsyncGenerator<Page<RawRecord>> {
  let batch: RawRecord[] = [];
  let first = 1;
  let index = 0;
  for await (const { rowNumber, record } of records) {
    if (batch.length === 0) first = rowNumber;
    batch.push(record);
    if (batch.length >= size) {
      yield { records: batch, index: index++, firstRowNumber: first };
      batch = [];
    }
  }
  if (batch.length > 0) yield { records: batch, index, firstRowNumber: first };
}

/** Streams a delimited body as pages, with the manifest's decoding rules. */
export function csvPages(
  bytes: AsyncIterable<Buffer>,
  decoding: DecodingSpec,
): AsyncGenerator<Page<RawRecord>> {
  return chunkRecords(
    csvRecords(decodeText(bytes, decoding.encoding), {
      delimiter: decoding.delimiter,
      quote: decoding.quote,
      headerRow: decoding.header_row,
      skipPreambleLines: decoding.skip_preamble_lines,
      skipFooterRows: decoding.skip_footer_rows,
    }),
  );
}

/** Opens a `{ url }` or `{ path }` location as a byte stream. */
export async function openLocation(
  context: ConnectorContext,
  location: { url: string } | { path: string },
): Promise<AsyncIterable<Buffer>> {
  if ('path' in location) return context.openFile(location.path);
  return (await context.http.stream(location.url)).body;
}

/** Streams a top-level JSON array body as pages of records, never holding the whole array. */
export async function* jsonArrayPages(
  bytes: AsyncIterable<Buffer>,
  decoding: DecodingSpec,
  what: string,
): AsyncGenerator<Page<RawRecord>> {
  let rowNumber = 0;
  async function* numbered(): AsyncGenerator<{ rowNumber: number; record: RawRecord }> {
    for await (const element of jsonArrayElements(decodeText(bytes, decoding.encoding), what)) {
      yield { rowNumber: ++rowNumber, record: toRecord(element) };
    }
  }
  yield* chunkRecords(numbered());
}
