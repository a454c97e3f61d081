import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MalformedBodyError, SchemaDriftError, SourceError } from '../errors/source-errors';
import { type NumberedRecord, uniqueHeaders } from './csv-records';

/** A cell reduced to a plain value. */
export type XlsxCell = string | number | boolean | Date | null;

/** How a worksheet is laid out. */
export interface XlsxLayout {
  /** Sheet name or 1-based position; the first sheet when omitted. */
  sheet?: string | number;
  headerRow: boolean;
  skipPreambleLines: number;
  skipFooterRows: number;
}

/** Reduces exceljs cell values (rich text, formulas, hyperlinks, errors) to a plain value. */
export function plainCell(value: unknown): XlsxCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('result' in value) return plainCell((value as { result: unknown }).result);
    if ('richText' in value && Array.isArray((value as { richText: unknown }).richText)) {
      return (value as { richText: { text?: unknown }[] }).richText
        .map((part) => String(part.text ?? ''))
        .join('');
    }
    if ('text' in value) return plainCell((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

function sheetName(worksheet: unknown): string | undefined {
  if (typeof worksheet === 'object' && worksheet !== null && 'name' in worksheet) {
    const name = (worksheet as { name: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/**
 * Streams the rows of one worksheet of an XLSX workbook as records, without loading the
 * workbook: preamble rows are skipped, the header row names the columns, footer rows are held
 * back and dropped.
 */
export async function* xlsxRecords(
  source: AsyncIterable<Buffer> | { file: string },
  layout: XlsxLayout,
): AsyncGenerator<NumberedRecord<Record<string, XlsxCell>>> {
  if ('file' in source) {
    yield* readWorkbook(source.file, layout);
    return;
  }
  const bytes = source;
  // exceljs stalls when its input stream fails part-way, so the download is spooled to a
  // temporary file first: a cut body surfaces as TruncatedBodyError here, memory stays flat.
  const directory = await mkdtemp(join(tmpdir(), 'civicpulse-xlsx-'));
  const file = join(directory, 'workbook.xlsx');
  try {
    await pipeline(Readable.from(bytes), createWriteStream(file));
    yield* readWorkbook(file, layout);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function* readWorkbook(
  file: string,
  layout: XlsxLayout,
): AsyncGenerator<NumberedRecord<Record<string, XlsxCell>>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let index = 0;
  let found = false;
  try {
    for await (const worksheet of reader) {
      index++;
      const name = sheetName(worksheet);
      const wanted =
        layout.sheet === undefined
          ? index === 1
          : typeof layout.sheet === 'number'
            ? index === layout.sheet
            : name === layout.sheet;
      if (!wanted || found) {
        // Unwanted sheets must still be drained for the reader to move on.
        for await (const _row of worksheet) void _row;
        continue;
      }
      found = true;
      let headers: string[] | undefined;
      const held: NumberedRecord<Record<string, XlsxCell>>[] = [];
      let rowNumber = 0;
      let skipped = 0;
      for await (const row of worksheet) {
        if (skipped < layout.skipPreambleLines) {
          skipped++;
          continue;
        }
        const values = Array.isArray(row.values) ? row.values.slice(1).map(plainCell) : [];
        if (!headers) {
          if (layout.headerRow) {
            headers = uniqueHeaders(values.map((v) => (v === null ? '' : String(v))));
            continue;
          }
          headers = values.map((_, i) => `c${i + 1}`);
        }
        if (values.every((v) => v === null || v === '')) continue;
        const record: Record<string, XlsxCell> = {};
        values.forEach((value, i) => {
          record[headers?.[i] ?? `c${i + 1}`] = value;
        });
        rowNumber++;
        held.push({ rowNumber, record });
        if (held.length > layout.skipFooterRows) {
          const out = held.shift();
          if (out) yield out;
        }
      }
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new MalformedBodyError(
      `the workbook could not be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!found)
    throw new SchemaDriftError(
      `the workbook has no sheet ${layout.sheet === undefined ? '1' : JSON.stringify(layout.sheet)}`,
    );
}
