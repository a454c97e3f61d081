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

/** Freshness summary of a project or indicator. */
export interface FreshnessDto {
  /** Newest observation time over the KPIs. */
  lastObservationAt: string | null;
  /** Oldest "last observation" over the KPIs — the laggard decides how fresh the whole is. */
  oldestKpiObservationAt: string | null;
  staleKpiCount: number;
}

/** A compact sparkline (a few recent buckets). */
export type Sparkline = SeriesPoint[];
