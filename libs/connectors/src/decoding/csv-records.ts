import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { MalformedBodyError } from '../errors/source-errors';

/** A record read from a delimited file: header → cell text (empty cells are empty strings). */
export type CsvRecord = Record<string, string>;

/** How a delimited file is laid out. */
export interface CsvLayout {
  /** Omit to detect from the header line among `,` `;` TAB and `|`. */
  delimiter?: string;
  quote?: string;
  headerRow: boolean;
  skipPreambleLines: number;
  skipFooterRows: number;
}

/** A data record with its 1-based position among the data rows. */
export interface NumberedRecord<T> {
  rowNumber: number;
  record: T;
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/** Picks the delimiter that splits the header line into the most fields. */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATE_DELIMITERS) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Column names made unique (`經度`, `經度_2`) and trimmed of the spaces Excel leaves behind. */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.replace(/^\uFEFF/, '').trim() || `c${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/**
 * Parses decoded text into records, streaming: preamble lines are dropped before the header, the
 * last `skipFooterRows` records are held back and dropped at the end (so a footer never reaches
 * mapping), quoted fields may span lines, CRLF and LF both work.
 */
export async function* csvRecords(
  text: AsyncIterable<string>,
  layout: CsvLayout,
): AsyncGenerator<NumberedRecord<CsvRecord>> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  let exhausted = false;
  // Read enough to see the header line, so the delimiter can be detected before parsing starts.
  while (!exhausted && countLines(head) <= layout.skipPreambleLines + 1) {
    const next = await iterator.next();
    if (next.done) exhausted = true;
    else head += next.value;
  }
  head = head.replace(/^\uFEFF/, '');
  const headerLine = head.split(/\r?\n/)[layout.skipPreambleLines] ?? '';
  const delimiter = layout.delimiter ?? detectDelimiter(headerLine);

  const source = Readable.from(
    (async function* () {
      yield head;
      if (!exhausted) {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      }
    })(),
  );
  const parser = source.pipe(
    parse({
      delimiter,
      quote: layout.quote ?? '"',
      from_line: layout.skipPreambleLines + 1,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }),
  );
  source.on('error', (error) => parser.destroy(error));

  let headers: string[] | undefined;
  const held: NumberedRecord<CsvRecord>[] = [];
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!headers) {
        if (layout.headerRow) {
          headers = uniqueHeaders(cells);
          continue;
        }
        headers = cells.map((_, i) => `c${i + 1}`);
      }
      const record: CsvRecord = {};
      cells.forEach((cell, i) => {
        record[headers?.[i] ?? `c${i + 1}`] = cell;
      });
      rowNumber++;
      held.push({ rowNumber, record });
      if (held.length > layout.skipFooterRows) {
        const out = held.shift();
        if (out) yield out;
      }
    }
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      String((error as { code: unknown }).code).startsWith('CSV_')
    ) {
      throw new MalformedBodyError(`CSV could not be parsed: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
