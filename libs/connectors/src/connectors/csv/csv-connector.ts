import { fileLocationSchema } from '../../manifest/common-schemas';
import { csvPages, openLocation } from '../body-reading';
import { defineConnector } from '../connector';

/**
 * A delimited text file from a URL or the deployment's file root, streamed: encoding detection,
 * BOM, preamble and footer skipping, delimiter detection, quoted multi-line cells.
 */
export const csvConnector = defineConnector({
  type: 'csv',
  description: 'CSV/TSV file from a URL or a local path (streamed)',
  pagingModes: ['none'],
  paramsSchema: fileLocationSchema,
  async *read(params, context) {
    yield* csvPages(await openLocation(context, params), context.manifest.decoding);
  },
});
