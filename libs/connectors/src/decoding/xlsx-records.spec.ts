import ExcelJS from 'exceljs';
import path from 'node:path';
import { readWholeWorkbook, xlsxRecords, type XlsxLayout } from './xlsx-records';

const CROSSWALK = path.resolve(
  __dirname,
  '../../../../../shared/opendata/geo/xlsx-nyc-uhf42-to-zip-crosswalk.xlsx',
);
const layout: XlsxLayout = {
  sheet: 'Transformed by Data.Page',
  headerRow: true,
  skipPreambleLines: 0,
  skipFooterRows: 0,
};

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe('xlsx records', () => {
  it('streams a sheet stored before the shared strings with its text resolved', async () => {
    const records = await collect(xlsxRecords({ file: CROSSWALK }, layout));
    expect(records).toHaveLength(42);
    expect(Object.keys(records[0].record)).toEqual(expect.arrayContaining(['UHF_id', 'Zipcodes']));
    expect(JSON.stringify(records)).not.toContain('[object Object]');
  });

  it('reads the same records whole, the fallback when streaming cannot resolve shared strings', async () => {
    const streamed = await collect(xlsxRecords({ file: CROSSWALK }, layout));
    const whole = await collect(readWholeWorkbook(CROSSWALK, layout));
    expect(whole).toEqual(streamed);
  });

  it('names a missing sheet in both readers', async () => {
    const missing = { ...layout, sheet: 'Nope' };
    await expect(collect(xlsxRecords({ file: CROSSWALK }, missing))).rejects.toThrow(
      'the workbook has no sheet "Nope"',
    );
    await expect(collect(readWholeWorkbook(CROSSWALK, missing))).rejects.toThrow(
      'the workbook has no sheet "Nope"',
    );
  });

  it('falls back to the whole workbook when the streaming reader leaves shared strings unresolved', async () => {
    const stream = ExcelJS.stream.xlsx as { WorkbookReader: unknown };
    const original = stream.WorkbookReader;
    // The streaming reader's failure mode: rows whose text cells are `{ sharedString: n }`.
    class UnresolvedReader {
      async *[Symbol.asyncIterator]() {
        yield Object.assign(
          (async function* () {
            yield { values: [undefined, { sharedString: 0 }, { sharedString: 1 }] };
          })(),
          { name: 'Transformed by Data.Page' },
        );
      }
    }
    stream.WorkbookReader = UnresolvedReader;
    try {
      const records = await collect(xlsxRecords({ file: CROSSWALK }, layout));
      expect(records).toHaveLength(42);
      expect(JSON.stringify(records)).not.toContain('[object Object]');
    } finally {
      stream.WorkbookReader = original;
    }
  });
});
