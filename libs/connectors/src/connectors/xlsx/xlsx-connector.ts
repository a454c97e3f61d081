import { xlsxRecords } from '../../decoding/xlsx-records';
import { fileLocationSchema } from '../../manifest/common-schemas';
import { chunkRecords, openLocation } from '../body-reading';
import { defineConnector } from '../connector';

/** An XLSX workbook from a URL or a local path; one sheet is streamed row by row. */
export const xlsxConnector = defineConnector({
  type: 'xlsx',
  description: 'XLSX workbook sheet from a URL or a local path (streamed)',
  pagingModes: ['none'],
  paramsSchema: fileLocationSchema,
  async *read(params, context) {
    const decoding = context.manifest.decoding;
    yield* chunkRecords(
      // A local workbook is read in place; a download is spooled to a temporary file first.
      xlsxRecords(
        'path' in params ? { file: context.resolveFile(params.path) } : await openLocation(context, params),
        {
          sheet: decoding.sheet,
          headerRow: decoding.header_row,
          skipPreambleLines: decoding.skip_preamble_lines,
          skipFooterRows: decoding.skip_footer_rows,
        },
      ),
    );
  },
});
