import type { DataSource } from 'typeorm';
import type { IngestRunStatus } from '../entities/ingest-run.entity';

/** Where the newest value of an indicator (within some regions) came from. */
export interface IndicatorLineage {
  indicatorId: number;
  /** Period start of the newest observation in the regions asked for. */
  lastPeriodStart: Date | null;
  sourceKey: string | null;
  sourceNameZh: string | null;
  sourceNameEn: string | null;
  /** Cron of the source (city time zone), null = manual. */
  schedule: string | null;
  staleAfterSeconds: number | null;
  lastRunId: number | null;
  lastRunStatus: IngestRunStatus | null;
  lastRunStartedAt: Date | null;
  lastRunFinishedAt: Date | null;
}

interface LineageRow {
  indicator_id: number;
  period_start: Date | null;
  source_key: string | null;
  source_name_zh: string | null;
  source_name_en: string | null;
  schedule: string | null;
  stale_after_seconds: number | null;
  run_id: number | null;
  run_status: IngestRunStatus | null;
  run_started_at: Date | null;
  run_finished_at: Date | null;
}

/** Lineage shown next to every figure: source, last run, newest observation. */
export class LineageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One row per indicator. The newest period comes from the yearly rollup (a handful of rows
   * per indicator and region); the observation at exactly that instant is then probed by its
   * primary key prefix to learn which source wrote it. The "last run" is the latest run of that
   * source, which tells whether the feed is still healthy.
   */
  async forIndicators(
    indicatorIds: readonly number[],
    regionIds: readonly number[],
  ): Promise<IndicatorLineage[]> {
    if (indicatorIds.length === 0) return [];
    const rows: LineageRow[] = await this.dataSource.query(
      `SELECT i.id AS indicator_id, y.last_at AS period_start, s.key AS source_key, s.name_zh AS source_name_zh,
              s.name_en AS source_name_en, s.schedule, s.stale_after_seconds,
              r.id AS run_id, r.status AS run_status, r.started_at AS run_started_at, r.finished_at AS run_finished_at
       FROM unnest($1::int[]) AS i(id)
       LEFT JOIN LATERAL (
         SELECT max(last_at) AS last_at FROM rollup_year WHERE indicator_id = i.id AND region_id = ANY($2::int[])
       ) y ON true
       LEFT JOIN LATERAL (
         SELECT source_id FROM observation
         WHERE indicator_id = i.id AND region_id = ANY($2::int[]) AND period_start = y.last_at
         ORDER BY ingested_at DESC LIMIT 1
       ) o ON true
       LEFT JOIN source s ON s.id = o.source_id
       LEFT JOIN LATERAL (
         SELECT id, status, started_at, finished_at FROM ingest_run WHERE source_id = s.id ORDER BY id DESC LIMIT 1
       ) r ON true
       ORDER BY i.id`,
      [indicatorIds, regionIds],
    );
    return rows.map((row) => ({
      indicatorId: row.indicator_id,
      lastPeriodStart: row.period_start,
      sourceKey: row.source_key,
      sourceNameZh: row.source_name_zh,
      sourceNameEn: row.source_name_en,
      schedule: row.schedule,
      staleAfterSeconds: row.stale_after_seconds,
      lastRunId: row.run_id,
      lastRunStatus: row.run_status,
      lastRunStartedAt: row.run_started_at,
      lastRunFinishedAt: row.run_finished_at,
    }));
  }
}
