import type { Grain, QualityFlag } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';

export interface ObservationSeriesQuery {
  indicatorId: number;
  regionIds: readonly number[];
  /** Inclusive lower bound of period_start. */
  from: Date;
  /** Exclusive upper bound of period_start. */
  to: Date;
  /** Page size (default 5 000, at most 50 000). */
  limit?: number;
  /** Resume after this row (the last row of the previous page). */
  after?: { regionId: number; periodStart: Date; grain: Grain };
}

export interface ObservationSeriesRow {
  regionId: number;
  grain: Grain;
  periodStart: Date;
  value: number;
  numerator: number | null;
  denominator: number | null;
  quality: QualityFlag;
  sourceId: number | null;
  ingestRunId: number | null;
  ingestedAt: Date;
}

interface SeriesDbRow {
  region_id: number;
  grain: Grain;
  period_start: Date;
  value: number;
  numerator: number | null;
  denominator: number | null;
  quality: QualityFlag;
  source_id: number | null;
  ingest_run_id: number | null;
  ingested_at: Date;
}

const MAX_PAGE = 50_000;

/** Raw observation series for CSV export and the indicator explorer's drill-down. */
export class ObservationSeriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page of observations of one indicator, ordered by region, grain and period start (the
   * primary key's order, so each page is a range scan of it). Keyset paging (`after`) rather
   * than OFFSET, so the last page of years of hourly data costs the same as the first.
   */
  async findObservationSeries(query: ObservationSeriesQuery): Promise<ObservationSeriesRow[]> {
    if (query.regionIds.length === 0) return [];
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 5_000)), MAX_PAGE);
    const after = query.after;
    const rows: SeriesDbRow[] = await this.dataSource.query(
      `SELECT region_id, grain, period_start, value, numerator, denominator, quality, source_id,
              ingest_run_id, ingested_at
         FROM observation
        WHERE indicator_id = $1 AND region_id = ANY($2::int[])
          AND period_start >= $3 AND period_start < $4
          AND ($5::int IS NULL OR (region_id, grain, period_start) > ($5::int, $7::text, $6::timestamptz))
        ORDER BY region_id, grain, period_start
        LIMIT $8`,
      [
        query.indicatorId,
        query.regionIds,
        query.from,
        query.to,
        after?.regionId ?? null,
        after?.periodStart ?? null,
        after?.grain ?? null,
        limit,
      ],
    );
    return rows.map((row) => ({
      regionId: row.region_id,
      grain: row.grain,
      periodStart: row.period_start,
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      quality: row.quality,
      sourceId: row.source_id,
      ingestRunId: row.ingest_run_id,
      ingestedAt: row.ingested_at,
    }));
  }
}
