import { InvalidScoringInputError } from '../domain-error';
import type { BrandKpi, KpiRole } from '../model/brand-project';
import type { KpiScoringInput } from './kpi-score';
import { evaluateKpi, kpiExpectedProgress, targetForRegion } from './kpi-score';
import { scoreProject } from './project-score';

// Plan from 2025-01-01 to 2025-12-31; evaluated at its end so e = 1 and status follows p.
const END = new Date('2026-01-01T00:00:00+08:00');

function kpi(
  code: string,
  weight: number,
  role: KpiRole = 'outcome',
  extra: Partial<BrandKpi> = {},
): BrandKpi {
  return {
    indicatorCode: code,
    weight,
    role,
    baseline: 0,
    baselineDate: '2025-01-01',
    target: 100,
    targetDate: '2025-12-31',
    ...extra,
  };
}

/** A KPI whose progress p equals value/100 (baseline 0, target 100). */
const input = (
  code: string,
  weight: number,
  value: number | null,
  role: KpiRole = 'outcome',
): KpiScoringInput => ({
  kpi: kpi(code, weight, role),
  indicator: { direction: 'higher_is_better', validMin: 0, validMax: 200 },
  value,
});

describe('scoreProject: weighted score and coverage', () => {
  it('is Σ wᵢ·scoreᵢ / Σ wᵢ with contributions adding up to it', () => {
    const result = scoreProject({ at: END, kpis: [input('a', 3, 100), input('b', 1, 20)] });
    expect(result.status).toBe('scored');
    expect(result.score).toBeCloseTo(80, 10);
    expect(result.kpis.map((k) => k.contribution)).toEqual([expect.closeTo(75, 10), expect.closeTo(5, 10)]);
    expect(result.kpis.reduce((s, k) => s + (k.contribution ?? 0), 0)).toBeCloseTo(
      result.score ?? Number.NaN,
      10,
    );
  });

  it.each([
    ['exactly 80 % covered → scored', [80, 20], 'scored'],
    ['79.9 % covered → insufficient data', [79.9, 20.1], 'insufficient_data'],
    ['0.7 + 0.1 of 1.0 (float rounding) → scored', [0.7, 0.1, 0.2], 'scored'],
  ])('%s', (_name, weights, status) => {
    const kpis = weights.map((w, i) => input(`k${i}`, w, i === weights.length - 1 ? null : 50));
    const result = scoreProject({ at: END, kpis });
    expect(result.status).toBe(status);
    expect(result.score === null).toBe(status === 'insufficient_data');
    expect(result.coverage).toBe(result.outcome?.coverage);
    expect(result.outcome?.coverage).toBeCloseTo(
      weights.slice(0, -1).reduce((s, w) => s + w, 0) / weights.reduce((s, w) => s + w, 0),
      10,
    );
  });

  it('re-normalises over KPIs with data when coverage suffices', () => {
    const result = scoreProject({
      at: END,
      kpis: [input('a', 45, 100), input('b', 45, 50), input('c', 10, null)],
    });
    expect(result.score).toBeCloseTo(75, 10);
    expect(result.kpis[2]).toMatchObject({
      mode: 'no_data',
      score: null,
      contribution: null,
      effectiveWeight: 0,
    });
  });

  it('has no score when no KPI has data', () => {
    const result = scoreProject({ at: END, kpis: [input('a', 1, null)] });
    expect(result).toMatchObject({ status: 'insufficient_data', score: null, colour: null });
  });
});

describe('scoreProject: colour of the two worst KPIs', () => {
  it('is green only when every KPI is green', () => {
    const result = scoreProject({ at: END, kpis: [input('a', 1, 100), input('b', 1, 120)] });
    expect(result.colour).toBe('green');
  });

  it('does not let good KPIs hide a bad one', () => {
    // Weighted score 90.5 would read as yellow; the two worst average (5 + 100)/2 = 52.5 → red.
    const kpis = [
      input('good1', 30, 100),
      input('good2', 30, 100),
      input('good3', 30, 100),
      input('bad', 10, 5),
    ];
    const result = scoreProject({ at: END, kpis });
    expect(result.score).toBeCloseTo(90.5, 10);
    expect(result.colour).toBe('red');
    expect(result.worstKpis).toEqual(['bad', 'good1']);
  });

  it('averages the two worst, so one mild laggard among perfect KPIs is yellow, never green', () => {
    const result = scoreProject({
      at: END,
      kpis: [input('a', 1, 100), input('b', 1, 100), input('c', 1, 92)],
    });
    // (92 + 100) / 2 = 96 → yellow.
    expect(result.colour).toBe('yellow');
  });

  it('judges the worst KPIs against the pace expected mid-plan', () => {
    const mid = new Date('2025-07-02T12:00:00+08:00');
    const result = scoreProject({ at: mid, kpis: [input('a', 1, 50), input('b', 1, 45)] });
    // Mean 47.5 against an expected 50 → R = 0.95 → yellow.
    expect(result.colour).toBe('yellow');
  });

  it('reads dark red when the worst two both went backwards', () => {
    const result = scoreProject({
      at: END,
      kpis: [input('a', 1, -10), input('b', 1, -5), input('c', 1, 100)],
    });
    expect(result.colour).toBe('dark_red');
  });
});

describe('scoreProject: satisfaction blend', () => {
  const outcome = [input('o1', 1, 80), input('o2', 1, 60)]; // outcome 70
  const satisfaction = [input('s1', 1, 90, 'satisfaction')]; // satisfaction 90

  it.each([
    ['default α = 0.2', undefined, 74],
    ['α = 0.5', 0.5, 80],
    ['α = 0', 0, 70],
    ['α = 1', 1, 90],
  ])('%s', (_name, alpha, expected) => {
    const result = scoreProject({ at: END, kpis: [...outcome, ...satisfaction], satisfactionShare: alpha });
    expect(result.score).toBeCloseTo(expected, 10);
    expect(result.kpis.reduce((s, k) => s + (k.contribution ?? 0), 0)).toBeCloseTo(expected, 10);
  });

  it('scores a project without satisfaction KPIs by its outcomes alone', () => {
    const result = scoreProject({ at: END, kpis: outcome });
    expect(result.score).toBeCloseTo(70, 10);
    expect(result.appliedSatisfactionShare).toBe(0);
    expect(result.satisfaction).toBeNull();
  });

  it('scores a project with only satisfaction KPIs by satisfaction alone', () => {
    const result = scoreProject({ at: END, kpis: satisfaction });
    expect(result.score).toBeCloseTo(90, 10);
    expect(result.appliedSatisfactionShare).toBe(1);
  });

  it('has no score when the satisfaction part lacks data, instead of silently dropping it', () => {
    const result = scoreProject({ at: END, kpis: [...outcome, input('s1', 1, null, 'satisfaction')] });
    expect(result.status).toBe('insufficient_data');
    expect(result.outcome?.score).toBeCloseTo(70, 10);
    expect(result.satisfaction).toMatchObject({ sufficient: false, score: null });
    expect(result.coverage).toBe(0);
  });

  it.each([
    ['negative weight', { kpis: [input('a', -1, 10)] }],
    ['NaN weight', { kpis: [input('a', Number.NaN, 10)] }],
    ['α above 1', { kpis: [input('a', 1, 10)], satisfactionShare: 1.5 }],
  ])('rejects %s with a named error', (_name, partial) => {
    expect(() => scoreProject({ at: END, ...partial })).toThrow(InvalidScoringInputError);
  });
});

describe('evaluateKpi', () => {
  const at = new Date('2025-07-02T12:00:00+08:00');

  it('decomposes the congestion KPI (lower is better)', () => {
    const row = evaluateKpi(
      {
        kpi: kpi('traffic.peak_congestion_delay_index', 1, 'outcome', { baseline: 1.8, target: 1.6 }),
        indicator: { direction: 'lower_is_better', validMin: 1.4, validMax: 2.1 },
        value: 1.7,
      },
      { at },
    );
    expect(row).toMatchObject({
      mode: 'progress',
      value: 1.7,
      baseline: 1.8,
      target: 1.6,
      status: 'on_track',
    });
    expect(row.p).toBeCloseTo(0.5, 10);
    expect(row.score).toBeCloseTo(50, 10);
  });

  it('scores maintain KPIs as achieved while holding and deteriorating once slipped', () => {
    const plan = kpi('health.bed_occupancy', 1, 'outcome', { baseline: 97, target: 95 });
    const indicator = { direction: 'higher_is_better' as const, validMin: 75, validMax: 100 };
    expect(evaluateKpi({ kpi: plan, indicator, value: 96 }, { at })).toMatchObject({
      mode: 'maintain',
      score: 100,
      status: 'achieved',
    });
    expect(evaluateKpi({ kpi: plan, indicator, value: 85 }, { at })).toMatchObject({
      mode: 'maintain',
      score: 50,
      status: 'deteriorating',
    });
  });

  it('paces cumulative KPIs', () => {
    const plan = kpi('traffic.new_chargers', 1, 'outcome', {
      baseline: 1000,
      target: 1200,
      cumulative: true,
    });
    const row = evaluateKpi({ kpi: plan, indicator: { direction: 'higher_is_better' }, value: 560 }, { at });
    expect(row.mode).toBe('pacing');
    expect(row.status).toBe('needs_acceleration');
    expect(row.pacing?.expectedToDate).toBeCloseTo(600, 9);
  });

  it('uses a per-region target when one applies', () => {
    const plan = kpi('x', 1, 'outcome', { regionTargets: [{ regionCode: '990103', target: 50 }] });
    expect(targetForRegion(plan, '990103')).toBe(50);
    expect(targetForRegion(plan, '990104')).toBe(100);
    expect(evaluateKpi({ kpi: plan, value: 25, regionCode: '990103' }, { at }).p).toBeCloseTo(0.5, 10);
  });

  it('follows intermediate period targets for the expected progress', () => {
    // Front-loaded plan: 80 % of the way by the end of March.
    const plan = kpi('x', 1, 'outcome', { periodTargets: [{ date: '2025-03-31', target: 80 }] });
    expect(kpiExpectedProgress(plan, new Date('2025-04-01T00:00:00+08:00'))).toBeCloseTo(0.8, 10);
    expect(kpiExpectedProgress(plan, new Date('2026-01-01T00:00:00+08:00'))).toBe(1);
    expect(kpiExpectedProgress(kpi('x', 1), new Date('2025-07-02T12:00:00+08:00'))).toBeCloseTo(0.5, 10);
  });

  it.each([
    [null, 'no_data'],
    [undefined, 'no_data'],
    [Number.NaN, 'unscorable'],
  ])('value %p → %s with no score and no NaN', (value, mode) => {
    const row = evaluateKpi({ kpi: kpi('x', 1), value }, { at });
    expect(row).toMatchObject({ mode, score: null, p: null, status: null, value: null });
  });
});
