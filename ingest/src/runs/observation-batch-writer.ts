import {
  ReferenceLookupRepository,
  writeObservationBatch,
  type DataSource,
  type IngestRejectInput,
} from '@civicpulse/db';
import { ResolvedPointRows } from './resolved-point-rows';
import { DEFAULT_STREAM, type BatchWriter, type BatchWriteResult, type SourceBatch } from './run-ports';

/**
 * Adapts the db library's batch write path (COPY → merge → rollups → cursor) to
 * the run service. Catalogue codes are resolved to ids here, one query per kind for the codes a
 * batch has not seen yet; a row naming a code the catalogue lacks becomes a reject, not an error.
 */
export class ObservationBatchWriter implements BatchWriter {
  private readonly indicatorIds = new Map<string, number | null>();
  private readonly regionIds = new Map<string, number | null>();
  private readonly lookup: ReferenceLookupRepository;

  /** `connections`: how many parallel transactions write each batch (split by series). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeZone: string,
    private readonly connections = 1,
  ) {
    this.lookup = new ReferenceLookupRepository(dataSource);
  }

  async write(batch: SourceBatch, target: { sourceId: number; runId: number }): Promise<BatchWriteResult> {
    await this.resolve(batch);
    // The points themselves are written (no per-row copy); only their ids are collected here.
    const rows = new ResolvedPointRows(batch.observations);
    const rejects: IngestRejectInput[] = [];
    batch.observations.forEach((point, index) => {
      const indicatorId = this.indicatorIds.get(point.indicatorCode) ?? null;
      const regionId = this.regionIds.get(point.regionCode) ?? null;
      if (indicatorId === null || regionId === null) {
        rejects.push({
          rowNumber: index + 1,
          raw: { ...point, periodStart: point.periodStart.toISOString() },
          reasonCode: indicatorId === null ? 'unknown_indicator' : 'unknown_region',
          message:
            indicatorId === null
              ? `indicator '${point.indicatorCode}' is not in the catalogue`
              : `region '${point.regionCode}' is not in the catalogue`,
        });
        return;
      }
      rows.accept(index, indicatorId, regionId);
    });
    const result = await writeObservationBatch(this.dataSource, rows, {
      runId: target.runId,
      sourceId: target.sourceId,
      timeZone: this.timeZone,
      connections: this.connections,
      cursor: batch.cursor === undefined ? undefined : { stream: DEFAULT_STREAM, value: batch.cursor },
    });
    return {
      inserted: result.inserted,
      updated: result.updated,
      unchanged: result.unchanged + result.duplicatesInBatch,
      rejects,
    };
  }

  private async resolve(batch: SourceBatch): Promise<void> {
    // One pass, no per-row arrays: after the first batch nearly every code is already known.
    const newIndicators = new Set<string>();
    const newRegions = new Set<string>();
    for (const point of batch.observations) {
      if (!this.indicatorIds.has(point.indicatorCode)) newIndicators.add(point.indicatorCode);
      if (!this.regionIds.has(point.regionCode)) newRegions.add(point.regionCode);
    }
    const indicators = [...newIndicators];
    const regions = [...newRegions];
    if (indicators.length > 0) {
      const found = await this.lookup.findIndicatorIdsByCode(indicators);
      for (const code of indicators) this.indicatorIds.set(code, found.get(code) ?? null);
    }
    if (regions.length > 0) {
      const found = await this.lookup.findRegionIdsByCode(regions);
      for (const code of regions) this.regionIds.set(code, found.get(code) ?? null);
    }
  }
}
