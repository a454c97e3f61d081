import {
  resolveAllowedAddresses,
  runSource,
  type FetchOptions,
  type SourceBatch as KitBatch,
} from '@civicpulse/connectors';
import type { DataSource, SourceRecord, SourceRepository } from '@civicpulse/db';
import type { IngestConfig } from '../config/ingest-config';
import { loadMappingContext } from '../sources/mapping-context.loader';
import { resolveSourceManifest } from '../sources/source-manifest';
import { DEFAULT_STREAM, type BatchReader, type BatchReadOptions, type SourceBatch } from './run-ports';

/** Deployment-level fetch settings shared by runs, checks and previews. */
export async function fetchOptionsFor(config: IngestConfig): Promise<FetchOptions> {
  return {
    allowedAddresses: await resolveAllowedAddresses(config.allowedPrivateHosts),
    env: config.secretEnv,
  };
}

/**
 * Adapts the connector kit's `runSource` to the run service. The kit yields a batch per page with
 * running totals; this turns totals into per-batch figures, joins small pages into batches of
 * about INGEST_BATCH_SIZE observations (fewer, larger transactions), and reports request attempts.
 * A backfill reads its window without the saved cursor and does not move it.
 */
export class ConnectorBatchReader implements BatchReader {
  constructor(
    private readonly config: IngestConfig,
    private readonly dataSource: DataSource,
    private readonly sources: Pick<SourceRepository, 'readCursors'>,
  ) {}

  async *read(source: SourceRecord, options: BatchReadOptions): AsyncIterable<SourceBatch> {
    const manifest = resolveSourceManifest(source, this.config.manifestVariables);
    const context = await loadMappingContext(this.dataSource, this.config.cityTimeZone);
    const stored = options.window ? null : (await this.sources.readCursors(source.id))[DEFAULT_STREAM];
    const fetch: FetchOptions = {
      ...(await fetchOptionsFor(this.config)),
      // `attempt` numbers the retry, so the request is now on its (attempt + 1)-th try.
      onRetry: (event) => options.onAttempts?.(event.attempt + 1),
    };
    const kit = runSource(manifest, context, {
      cursor: typeof stored === 'string' ? stored : null,
      from: options.window?.from,
      to: options.window?.to,
      maxRows: options.limit,
      fetch,
    });
    let seenPages = 0;
    let seenRows = 0;
    let pending: SourceBatch | null = null;
    for await (const batch of kit) {
      const part = this.toBatch(batch, seenPages, seenRows, options.window !== undefined);
      seenPages = batch.pageCount;
      seenRows = batch.rowsRead;
      pending = pending ? merge(pending, part) : part;
      // Rows read count too: a source of event rows aggregated into few observations still
      // commits (and moves its cursor) regularly, so a crash loses little work.
      const full =
        pending.observations.length >= this.config.batchSize || pending.rowsRead >= this.config.batchSize;
      if (batch.final || full || options.signal.aborted) {
        yield pending;
        pending = null;
        if (options.signal.aborted) return;
      }
    }
    if (pending) yield pending;
  }

  private toBatch(
    batch: KitBatch,
    pagesBefore: number,
    rowsBefore: number,
    isBackfill: boolean,
  ): SourceBatch {
    return {
      observations: batch.observations,
      rejects: batch.rejects.map((r) => ({
        rowNumber: r.rowNumber,
        raw: r.raw,
        reasonCode: r.reasonCode,
        message: r.message,
      })),
      // Full-refresh sources have no cursor; a backfill must not move the incremental one.
      cursor: isBackfill || batch.cursor === null ? undefined : batch.cursor,
      pageCount: batch.pageCount - pagesBefore,
      rowsRead: batch.rowsRead - rowsBefore,
    };
  }
}

function merge(a: SourceBatch, b: SourceBatch): SourceBatch {
  return {
    observations: [...a.observations, ...b.observations],
    rejects: [...a.rejects, ...b.rejects],
    cursor: b.cursor ?? a.cursor,
    pageCount: a.pageCount + b.pageCount,
    rowsRead: a.rowsRead + b.rowsRead,
  };
}
