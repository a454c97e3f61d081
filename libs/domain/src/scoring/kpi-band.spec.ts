import type { BrandKpi } from '../model/brand-project';
import type { Indicator } from '../model/indicator';
import { evaluateKpi } from './kpi-score';

// Bed occupancy: good inside 85–93 %, score 0 at 10 points outside.
const indicator: Pick<Indicator, 'direction' | 'validMin' | 'validMax' | 'band'> = {
  direction: 'target_band',
  validMin: 0,
  validMax: 130,
  band: { lo: 85, hi: 93, tolerance: 10 },
};
const plan: BrandKpi = {
  indicatorCode: 'health.bed_occupancy_rate',
  weight: 20,
  role: 'outcome',
  baseline: 98,
  baselineDate: '2024-01-01',
  target: 90,
  targetDate: '2026-12-31',
};
const at = new Date('2025-06-30T16:00:00Z');

describe('evaluateKpi: target band', () => {
  it.each([
    ['inside the band', 90, 100, 'achieved', 'green'],
    ['on the lower edge', 85, 100, 'achieved', 'green'],
    ['4 above the band (the baseline was 5 above)', 97, 60, 'needs_acceleration', 'orange'],
    ['0.3 below the band', 84.7, 97, 'on_track', 'yellow'],
    ['4.5 above the band', 97.5, 55, 'limited', 'red'],
    ['8 below the band, further out than the baseline', 77, 20, 'deteriorating', 'dark_red'],
    ['beyond the tolerance below', 70, 0, 'deteriorating', 'dark_red'],
  ])('%s: %s → score %s, %s', (_name, value, score, status, colour) => {
    const row = evaluateKpi({ kpi: plan, indicator, value }, { at });
    expect(row.mode).toBe('band');
    expect(row.score).toBeCloseTo(score, 6);
    expect(row.status).toBe(status);
    expect(row.colour).toBe(colour);
  });

  it('scores by distance to the band, not by progress from the baseline', () => {
    // Progress from 98 towards 90 would call 84 "exceeded"; below the band is not better.
    const row = evaluateKpi({ kpi: plan, indicator, value: 84 }, { at });
    expect(row.score).toBeCloseTo(90, 6);
    expect(row.flags.exceeded).toBe(false);
    expect(row.status).not.toBe('achieved');
  });

  it('is deteriorating when further outside the band than the baseline', () => {
    const row = evaluateKpi({ kpi: plan, indicator, value: 101 }, { at });
    expect(row.score).toBeCloseTo(20, 6);
    expect(row.flags.deteriorating).toBe(true);
    expect(row.status).toBe('deteriorating');
    expect(row.colour).toBe('dark_red');
  });

  it('falls back to progress scoring when the indicator carries no band', () => {
    const row = evaluateKpi({ kpi: plan, indicator: { ...indicator, band: null }, value: 94 }, { at });
    expect(row.mode).toBe('progress');
    expect(row.p).toBeCloseTo(0.5, 10);
  });
});
