import type { FreshnessDto, LineageDto } from '@civicpulse/contracts';

/**
 * A project's freshness summary read as one lineage record, so a project card shows the same
 * freshness line as a KPI: red when any KPI's source failed its last run, amber when any KPI is
 * stale, dated by the laggard KPI, and linked to the worst last run.
 */
export function summaryLineage(freshness: FreshnessDto): LineageDto {
  const run = freshness.worstRun;
  return {
    sourceKey: run?.sourceKey ?? null,
    sourceName: null,
    lastRunId: run?.runId ?? null,
    lastRunStatus: freshness.failedKpiCount > 0 ? 'failed' : (run?.status ?? null),
    lastRunAt: null,
    lastObservationAt: freshness.oldestKpiObservationAt ?? freshness.lastObservationAt,
    nextDueAt: null,
    stale: freshness.staleKpiCount > 0,
  };
}
