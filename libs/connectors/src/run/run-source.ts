import type { RawRecord } from '../connectors/connector';
import { findConnector } from '../connectors/connector-registry';
import { ConnectorConfigError } from '../errors/source-errors';
import type { SourceManifest } from '../manifest/manifest-schema';
import { EventAggregator } from '../mapping/event-aggregator';
import { readField } from '../mapping/field-path';
import type { MappedObservation, MappingContext, Reject } from '../mapping/mapping-context';
import { RecordMapper } from '../mapping/record-mapper';
import { buildConnectorContext, CursorTracker, type FetchOptions } from './run-options';

/** Options of one run. */
export interface RunSourceOptions {
  /** Keep only observations whose period starts at or after this instant (backfill windows). */
  from?: Date;
  /** Keep only observations whose period starts before this instant. */
  to?: Date;
  /** The cursor stored by the previous run (incremental sources). */
  cursor?: string | null;
  /** Stop after reading this many rows (previews). */
  maxRows?: number;
  fetch?: FetchOptions;
}

/**
 * One unit of work for the loader: load `observations`, store `rejects`, then save `cursor` —
 * in one transaction. Counters are running totals for the run so far.
 */
export interface SourceBatch {
  observations: MappedObservation[];
  rejects: Reject[];
  /** Cursor to save once this batch is committed (null for full-refresh sources). */
  cursor: string | null;
  pageCount: number;
  rowsRead: number;
  /** Rows skipped because they were already read (before the cursor) or failed `include_when`. */
  rowsSkipped: number;
  /** Empty / suppressed values, neither loaded nor rejected. */
  nullsSkipped: number;
  /** True for the last batch of the run. */
  final: boolean;
}

function observationKey(o: MappedObservation): string {
  return `${o.indicatorCode}|${o.regionCode}|${o.grain}|${o.periodStart.getTime()}`;
}

/**
 * Reads a source end to end — connector pages → decoding → mapping → validation — and yields a
 * batch per page. Nothing is written anywhere; the ingest worker loads each batch. Event
 * aggregates are emitted when their period closes (rows ordered by time) or in the final batch;
 * while aggregates are open the cursor does not advance, so a crash never skips rows.
 *
 * @throws SourceError subclasses (retryable or permanent); bad rows never throw.
 */
export async function* runSource(
  manifest: SourceManifest,
  context: MappingContext,
  options: RunSourceOptions = {},
): AsyncGenerator<SourceBatch> {
  const connector = findConnector(manifest.connector.type);
  if (!connector) throw new ConnectorConfigError(`no connector of type "${manifest.connector.type}"`);
  const aggregates = manifest.mapping.indicators.some((i) => i.aggregate);
  const tracker = new CursorTracker(
    manifest,
    options.cursor,
    context.timeZone,
    aggregates ? manifest.mapping.grain : undefined,
  );
  const connectorContext = buildConnectorContext(manifest, options.fetch ?? {}, tracker.filter);
  const mapper = new RecordMapper(manifest, context);
  const aggregator = new EventAggregator();
  const orderedByTime = manifest.mapping.indicators.some((i) => i.aggregate?.ordered_by_time);
  const incrementalField = manifest.incremental?.field;
  const inWindow = (o: MappedObservation): boolean =>
    (!options.from || o.periodStart.getTime() >= options.from.getTime()) &&
    (!options.to || o.periodStart.getTime() < options.to.getTime());

  let pageCount = 0;
  let rowsRead = 0;
  let rowsSkipped = 0;
  let nullsSkipped = 0;
  let checked = false;
  let cursorAtLastFlush = tracker.value;

  const finishAggregates = (
    flushed: ReturnType<EventAggregator['flushAll']>,
    batch: { observations: MappedObservation[]; rejects: Reject[] },
  ): void => {
    for (const aggregate of flushed) {
      const { lastRowNumber, rows, ...observation } = aggregate;
      const range = mapper.checkRange(observation.indicatorCode, observation.value);
      if (range.ok) batch.observations.push(observation);
      else {
        batch.rejects.push({
          rowNumber: lastRowNumber,
          raw: {
            indicatorCode: observation.indicatorCode,
            regionCode: observation.regionCode,
            periodStart: observation.periodStart.toISOString(),
            rows,
          },
          reasonCode: range.reason,
          message: `aggregate of ${rows} rows: ${range.message}`,
          indicatorCode: observation.indicatorCode,
        });
      }
    }
  };

  for await (const page of connector.read(manifest.connector.params, connectorContext)) {
    pageCount++;
    let records: RawRecord[] = page.records;
    if (options.maxRows !== undefined) records = records.slice(0, Math.max(0, options.maxRows - rowsRead));
    if (!checked && records.length > 0) {
      mapper.checkSchema(records);
      checked = true;
    }
    const batch = { observations: [] as MappedObservation[], rejects: [] as Reject[] };
    const seen = new Set<string>();
    records.forEach((record, i) => {
      const rowNumber = page.firstRowNumber + i;
      rowsRead++;
      if (incrementalField !== undefined) {
        const position = tracker.positionOf(readField(record, incrementalField));
        if (tracker.isBehind(position)) {
          rowsSkipped++;
          return;
        }
        tracker.observe(position);
      }
      if (!mapper.includes(record)) {
        rowsSkipped++;
        return;
      }
      const row = mapper.map(record, rowNumber);
      nullsSkipped += row.skippedNulls;
      batch.rejects.push(...row.rejects);
      for (const observation of row.observations) {
        if (!inWindow(observation)) continue;
        const key = observationKey(observation);
        if (seen.has(key)) {
          batch.rejects.push({
            rowNumber,
            raw: { ...record },
            reasonCode: 'duplicate_in_batch',
            message: `a value for ${observation.indicatorCode} / ${observation.regionCode} / ${observation.periodStart.toISOString()} already came earlier in this batch`,
            indicatorCode: observation.indicatorCode,
          });
          continue;
        }
        seen.add(key);
        batch.observations.push(observation);
      }
      for (const contribution of row.contributions) {
        if (!inWindow(contribution)) continue;
        if (orderedByTime) finishAggregates(aggregator.flushBefore(contribution.periodStart), batch);
        aggregator.add(contribution);
      }
    });
    if (!aggregates || aggregator.size === 0) cursorAtLastFlush = tracker.value;
    yield {
      ...batch,
      cursor: cursorAtLastFlush,
      pageCount,
      rowsRead,
      rowsSkipped,
      nullsSkipped,
      final: false,
    };
    if (options.maxRows !== undefined && rowsRead >= options.maxRows) break;
  }
  const last = { observations: [] as MappedObservation[], rejects: [] as Reject[] };
  finishAggregates(aggregator.flushAll(), last);
  yield { ...last, cursor: tracker.value, pageCount, rowsRead, rowsSkipped, nullsSkipped, final: true };
}

/** What a preview shows a data team before they save a manifest. */
export interface SourcePreview {
  observations: MappedObservation[];
  rejects: Reject[];
  rowsRead: number;
  pageCount: number;
  nullsSkipped: number;
}

/**
 * Reads at most `limit` rows and maps them, writing nothing. Aggregates cover only the rows read.
 */
export async function previewSource(
  manifest: SourceManifest,
  context: MappingContext,
  options: { limit: number } & Omit<RunSourceOptions, 'maxRows'>,
): Promise<SourcePreview> {
  const preview: SourcePreview = {
    observations: [],
    rejects: [],
    rowsRead: 0,
    pageCount: 0,
    nullsSkipped: 0,
  };
  for await (const batch of runSource(manifest, context, { ...options, maxRows: options.limit })) {
    preview.observations.push(...batch.observations);
    preview.rejects.push(...batch.rejects);
    preview.rowsRead = batch.rowsRead;
    preview.pageCount = batch.pageCount;
    preview.nullsSkipped = batch.nullsSkipped;
  }
  return preview;
}
