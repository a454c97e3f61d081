import type { LineageDto } from '@civicpulse/contracts';
import type { KpiContribution, ProjectScore } from '@civicpulse/domain';
import type { IndicatorRecord } from '@civicpulse/db';
import { countStatuses, freshnessOf, round, toProjectScoreDto, toScorecardKpi } from './scorecard-view';

const row = (overrides: Partial<KpiContribution>): KpiContribution => ({
  indicatorCode: 'a',
  role: 'outcome',
  weight: 1,
  value: 1,
  baseline: 0,
  target: 2,
  mode: 'progress',
  p: 0.5,
  score: 50,
  status: 'needs_acceleration',
  colour: 'orange',
  expected: 0.7,
  ratio: 0.71,
  flags: { exceeded: false, deteriorating: false },
  pacing: null,
  freshness: null,
  effectiveWeight: 1,
  contribution: 50,
  ...overrides,
});

const indicator: IndicatorRecord = {
  id: 1,
  code: 'a',
  domain: 'health',
  nameZh: '甲',
  nameEn: 'A',
  unit: '%',
  direction: 'target_band',
  band: { lo: 85, hi: 93, tolerance: 10 },
  timeAggregation: 'mean',
  regionAggregation: 'mean',
  frequency: 'month',
  regionWeight: null,
};

describe('scorecard view', () => {
  it('passes the domain coverage through and shows grey when there is no score', () => {
    const score = {
      status: 'insufficient_data',
      score: null,
      colour: null,
      coverage: 0.75,
      outcome: null,
      satisfaction: null,
      appliedSatisfactionShare: 0.2,
      worstKpis: [],
      kpis: [row({ weight: 3 }), row({ weight: 1, score: null, value: null })],
    } as ProjectScore;
    expect(toProjectScoreDto(score)).toEqual({
      score: null,
      colour: 'grey',
      coverage: 0.75,
      insufficientData: true,
      outcomeScore: null,
      satisfactionScore: null,
      satisfactionShare: 0.2,
    });
  });

  it('raises flags from the evaluation, the indicator, lineage and region coverage', () => {
    const dto = toScorecardKpi(
      row({ mode: 'maintain', flags: { exceeded: false, deteriorating: true } }),
      indicator,
      { indicator, value: 1, regions: [], regionsWithData: ['990101'], lastAt: null },
      3,
      {
        sourceKey: 's',
        sourceName: null,
        lastRunId: 1,
        lastRunStatus: 'failed',
        lastRunAt: null,
        lastObservationAt: null,
        nextDueAt: null,
        stale: true,
      },
      [],
    );
    expect(dto.flags).toEqual(['deteriorating', 'maintain', 'band', 'stale', 'partial_regions']);
    expect(dto.band).toEqual({ lo: 85, hi: 93, tolerance: 10 });
  });

  it('labels a carried-forward stock and flags it stale only past its cadence and publication lag', () => {
    const stock: IndicatorRecord = {
      ...indicator,
      direction: 'higher_is_better',
      band: null,
      timeAggregation: 'last',
      frequency: 'year',
    };
    const carried = (valuePeriod: string, lastAt: string) => ({
      indicator: stock,
      value: 1,
      regions: [],
      regionsWithData: ['990101'],
      lastAt: new Date(lastAt),
      valuePeriod,
    });
    const at = { at: new Date('2026-03-15T02:00:00Z'), timeZone: 'Asia/Shanghai' };
    // 2025's figure (stamped 1 Jan 2025 local) is due again only after 2026 ends: current.
    const current = toScorecardKpi(row({}), stock, carried('2025', '2024-12-31T16:00:00Z'), 1, null, [], at);
    expect(current.valuePeriod).toBe('2025');
    expect(current.flags).toEqual(['carried_forward']);
    // 2024's figure was due by 1 Jan 2026: stale.
    const old = toScorecardKpi(row({}), stock, carried('2024', '2023-12-31T16:00:00Z'), 1, null, [], at);
    expect(old.flags).toEqual(['stale', 'carried_forward']);
    // A KPI the domain did not score shows no period, whatever the value read.
    expect(
      toScorecardKpi(row({ value: null }), stock, carried('2025', '2024-12-31T16:00:00Z'), 1, null, [], at)
        .valuePeriod,
    ).toBeNull();
  });

  it('counts every status, zero included', () => {
    expect(countStatuses(['on_track', 'on_track', 'no_data'])).toEqual({
      achieved: 0,
      on_track: 2,
      needs_acceleration: 0,
      limited: 0,
      deteriorating: 0,
      no_data: 1,
    });
  });

  it('summarises freshness by the newest and the laggard', () => {
    const base = {
      sourceKey: null,
      sourceName: null,
      lastRunId: null,
      lastRunStatus: null,
      lastRunAt: null,
      nextDueAt: null,
    };
    expect(
      freshnessOf([
        { ...base, lastObservationAt: '2025-09-01T00:00:00.000Z', stale: true },
        { ...base, lastObservationAt: '2025-10-01T00:00:00.000Z', stale: false },
        { ...base, lastObservationAt: null, stale: false },
      ]),
    ).toEqual({
      lastObservationAt: '2025-10-01T00:00:00.000Z',
      oldestKpiObservationAt: '2025-09-01T00:00:00.000Z',
      staleKpiCount: 1,
      failedKpiCount: 0,
      worstRun: null,
    });
  });

  it('points freshness at the worst run: failed before partial before succeeded, then the laggard', () => {
    const lineage = (over: Partial<LineageDto>): LineageDto => ({
      sourceKey: 'src.a',
      sourceName: null,
      lastRunId: 1,
      lastRunStatus: 'succeeded',
      lastRunAt: null,
      lastObservationAt: '2025-09-01T00:00:00.000Z',
      nextDueAt: null,
      stale: false,
      ...over,
    });
    const ok = lineage({ lastRunId: 1, lastObservationAt: '2025-06-01T00:00:00.000Z', stale: true });
    const partial = lineage({ sourceKey: 'src.b', lastRunId: 2, lastRunStatus: 'partial' });
    const failedNew = lineage({ sourceKey: 'src.c', lastRunId: 3, lastRunStatus: 'failed' });
    const failedOld = lineage({
      sourceKey: 'src.d',
      lastRunId: 4,
      lastRunStatus: 'failed',
      lastObservationAt: '2025-03-01T00:00:00.000Z',
    });
    expect(freshnessOf([ok, partial, failedNew, failedOld])).toMatchObject({
      failedKpiCount: 2,
      worstRun: { runId: 4, status: 'failed', sourceKey: 'src.d' },
    });
    expect(freshnessOf([ok, partial]).worstRun).toEqual({ runId: 2, status: 'partial', sourceKey: 'src.b' });
    expect(freshnessOf([lineage({ lastRunId: 7 }), ok]).worstRun?.runId).toBe(1);
    expect(freshnessOf([lineage({ lastRunId: null, lastRunStatus: null })])).toMatchObject({
      failedKpiCount: 0,
      worstRun: null,
    });
  });

  it('rounds for display and drops non-finite numbers', () => {
    expect(round(58.36363)).toBe(58.36);
    expect(round(Number.NaN)).toBeNull();
    expect(round(null)).toBeNull();
  });
});
