import type { FreshnessDto } from '@civicpulse/contracts';
import { freshnessLevel } from './freshness.component';
import { summaryLineage } from './freshness-summary';

const summary = (overrides: Partial<FreshnessDto>): FreshnessDto => ({
  lastObservationAt: '2025-06-30T16:00:00Z',
  oldestKpiObservationAt: '2025-03-31T16:00:00Z',
  staleKpiCount: 0,
  failedKpiCount: 0,
  worstRun: { runId: 42, status: 'succeeded', sourceKey: 'demo-health' },
  ...overrides,
});

describe('summaryLineage', () => {
  it('is fresh, dated by the laggard KPI and linked to the worst run', () => {
    const lineage = summaryLineage(summary({}));
    expect(freshnessLevel(lineage)).toBe('fresh');
    expect(lineage.lastObservationAt).toBe('2025-03-31T16:00:00Z');
    expect(lineage.lastRunId).toBe(42);
    expect(lineage.sourceKey).toBe('demo-health');
  });

  it('turns amber with a stale KPI and red with a failed one', () => {
    expect(freshnessLevel(summaryLineage(summary({ staleKpiCount: 2 })))).toBe('stale');
    expect(
      freshnessLevel(
        summaryLineage(
          summary({
            staleKpiCount: 2,
            failedKpiCount: 1,
            worstRun: { runId: 7, status: 'failed', sourceKey: 's' },
          }),
        ),
      ),
    ).toBe('failed');
  });

  it('has no run to link before any source ran', () => {
    const lineage = summaryLineage(summary({ worstRun: null, oldestKpiObservationAt: null }));
    expect(lineage.lastRunId).toBeNull();
    expect(lineage.lastObservationAt).toBe('2025-06-30T16:00:00Z');
  });
});
