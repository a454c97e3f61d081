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

/**
 * A shared-string reference exceljs's streaming reader could not resolve: it returns
 * `{ sharedString: n }` when it reaches a worksheet stored before `sharedStrings.xml` and its zip
 * parsing ends before that entry (seen under heavy load). Detected, never passed on as text.
 */
function isUnresolvedSharedString(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'sharedString' in value;
}

/** Signals that the streaming read must be redone with the whole-workbook reader. */
class StreamingReadIncomplete extends Error {}

/** What a worksheet row looks like to the record loop (exceljs streaming and whole-workbook rows). */
interface SheetRow {
  values: unknown;
}

/** Turns worksheet rows into records: preamble skipped, header names the columns, footer held back. */
async function* rowsToRecords(
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>,
  layout: XlsxLayout,
): AsyncGenerator<NumberedRecord<Record<string, XlsxCell>>> {
  let headers: string[] | undefined;
  const held: NumberedRecord<Record<string, XlsxCell>>[] = [];
  let rowNumber = 0;
  let skipped = 0;
  for await (const row of rows) {
    if (skipped < layout.skipPreambleLines) {
      skipped++;
      continue;
    }
    const raw = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
    if (raw.some(isUnresolvedSharedString)) throw new StreamingReadIncomplete();
    const values = Array.from(raw, plainCell);
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

function isWanted(layout: XlsxLayout, index: number, name: string | undefined): boolean {
  if (layout.sheet === undefined) return index === 1;
  return typeof layout.sheet === 'number' ? index === layout.sheet : name === layout.sheet;
}

function missingSheet(layout: XlsxLayout): SchemaDriftError {
  return new SchemaDriftError(
    `the workbook has no sheet ${layout.sheet === undefined ? '1' : JSON.stringify(layout.sheet)}`,
  );
}

function unreadable(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  return new MalformedBodyError(
    `the workbook could not be read: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

async function* readWorkbook(
  file: string,
  layout: XlsxLayout,
): AsyncGenerator<NumberedRecord<Record<string, XlsxCell>>> {
  let yielded = false;
  try {
    for await (const record of streamWorkbook(file, layout)) {
      yielded = true;
      yield record;
    }
  } catch (error) {
    // A row came back with unresolved shared strings before anything was passed on: read the
    // workbook whole instead (deterministic, holds one workbook in memory). After records went
    // out a second read would repeat them, so that case is a malformed-body failure.
    if (!(error instanceof StreamingReadIncomplete)) throw error;
    if (yielded)
      throw new MalformedBodyError('the workbook could not be read: shared strings were not resolved');
    yield* readWholeWorkbook(file, layout);
  }
}

/** Streams the wanted worksheet without loading the workbook. */
async function* streamWorkbook(
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
      if (!isWanted(layout, index, sheetName(worksheet)) || found) {
        // Unwanted sheets must still be drained for the reader to move on.
        for await (const _row of worksheet) void _row;
        continue;
      }
      found = true;
      yield* rowsToRecords(worksheet, layout);
    }
  } catch (error) {
    if (error instanceof StreamingReadIncomplete) throw error;
    throw unreadable(error);
  }
  if (!found) throw missingSheet(layout);
}

/** Reads the workbook whole (exceljs's non-streaming reader) and yields the wanted sheet's records. */
export async function* readWholeWorkbook(
  file: string,
  layout: XlsxLayout,
): AsyncGenerator<NumberedRecord<Record<string, XlsxCell>>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw unreadable(error);
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((ws, i) => isWanted(layout, i + 1, ws.name));
  if (!sheet) throw missingSheet(layout);
  const rows: SheetRow[] = [];
  // eachRow skips empty rows, as the streaming reader does.
  sheet.eachRow((row) => rows.push({ values: row.values }));
  try {
    yield* rowsToRecords(rows, layout);
  } catch (error) {
    throw unreadable(error);
  }
}
