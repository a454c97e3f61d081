import type { SeriesPoint } from './common';

/** Where a KPI's number comes from and how fresh it is. */
export interface LineageDto {
  /** Source key, e.g. `demo-traffic-congestion`; null when no source feeds the indicator yet. */
  sourceKey: string | null;
  sourceName: string | null;
  lastRunId: number | null;
  lastRunStatus: IngestRunStatusDto | null;
  /** ISO instant the last run finished (or started, while running). */
  lastRunAt: string | null;
  /** ISO instant of the newest observation period start in scope. */
  lastObservationAt: string | null;
  /** ISO instant the next scheduled run is due, when the source has a schedule. */
  nextDueAt: string | null;
  /** True when the newest data is older than the indicator's expected refresh. */
  stale: boolean;
}

/** Status of an ingest run. */
export const INGEST_RUN_STATUSES = ['queued', 'running', 'succeeded', 'partial', 'failed'] as const;
export type IngestRunStatusDto = (typeof INGEST_RUN_STATUSES)[number];

/** The ingest run a freshness summary links to. */
export interface FreshnessRunDto {
  runId: number;
  status: IngestRunStatusDto;
  sourceKey: string;
}

/** Freshness summary of a project or indicator. */
export interface FreshnessDto {
  /** Newest observation time over the KPIs. */
  lastObservationAt: string | null;
  /** Oldest "last observation" over the KPIs — the laggard decides how fresh the whole is. */
  oldestKpiObservationAt: string | null;
  staleKpiCount: number;
  /** KPIs whose source's last run failed (a card turns red when this is above zero). */
  failedKpiCount: number;
  /**
   * The run a card links to: the worst last run over the KPIs' sources (failed, then partial,
   * then running or queued, then succeeded), ties broken by the stalest KPI; null when no KPI
   * has a source run yet.
   */
  worstRun: FreshnessRunDto | null;
}

/** A compact sparkline (a few recent buckets). */
export type Sparkline = SeriesPoint[];
