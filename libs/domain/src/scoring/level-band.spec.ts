import { scoreBand } from './band';
import { scoreLevel } from './level';

describe('scoreLevel', () => {
  it.each([
    ['higher, middle', 75, 'higher_is_better', 50, 100, 50],
    ['higher, at best', 100, 'higher_is_better', 50, 100, 100],
    ['higher, below worst → 0', 40, 'higher_is_better', 50, 100, 0],
    ['higher, above best → 100', 120, 'higher_is_better', 50, 100, 100],
    ['lower, flipped', 1.575, 'lower_is_better', 1.4, 2.1, 75],
    ['lower, at worst', 2.1, 'lower_is_better', 1.4, 2.1, 0],
  ] as const)('%s', (_name, value, direction, validMin, validMax, score) => {
    const result = scoreLevel({ value, direction, validMin, validMax });
    expect(result.score).toBeCloseTo(score, 10);
  });

  it.each([
    [
      'missing min',
      { value: 1, direction: 'higher_is_better' as const, validMin: null, validMax: 2 },
      'missing_bounds',
    ],
    ['missing max', { value: 1, direction: 'lower_is_better' as const, validMin: 0 }, 'missing_bounds'],
    [
      'U = L',
      { value: 1, direction: 'higher_is_better' as const, validMin: 2, validMax: 2 },
      'degenerate_bounds',
    ],
    [
      'U < L',
      { value: 1, direction: 'higher_is_better' as const, validMin: 3, validMax: 2 },
      'degenerate_bounds',
    ],
    [
      'NaN value',
      { value: Number.NaN, direction: 'higher_is_better' as const, validMin: 0, validMax: 2 },
      'non_finite_value',
    ],
  ])('%s → %s', (_name, input, reason) => {
    expect(scoreLevel(input)).toEqual({ score: null, reason });
  });
});

describe('scoreBand (bed occupancy 85–93 %, tolerance 10)', () => {
  const band = { lo: 85, hi: 93, tolerance: 10 };
  it.each([
    ['inside', 90, 100, 'inside', 0],
    ['at lower edge', 85, 100, 'inside', 0],
    ['at upper edge', 93, 100, 'inside', 0],
    ['below, half tolerance', 80, 50, 'below', 5],
    ['above, half tolerance', 98, 50, 'above', 5],
    ['exactly at tolerance', 103, 0, 'above', 10],
    ['beyond tolerance', 60, 0, 'below', 25],
  ])('%s (%p) → %p', (_name, value, score, position, distance) => {
    const result = scoreBand(value, band);
    expect(result).toEqual({
      score: expect.closeTo(score, 10),
      position,
      distance: expect.closeTo(distance, 10),
    });
  });

  it('zero tolerance is a hard edge', () => {
    expect(scoreBand(93.01, { lo: 85, hi: 93, tolerance: 0 }).score).toBe(0);
    expect(scoreBand(93, { lo: 85, hi: 93, tolerance: 0 }).score).toBe(100);
  });

  it.each([
    ['no band', 90, null, 'invalid_band'],
    ['lo > hi', 90, { lo: 93, hi: 85, tolerance: 5 }, 'invalid_band'],
    ['negative tolerance', 90, { lo: 85, hi: 93, tolerance: -1 }, 'invalid_band'],
    ['NaN value', Number.NaN, { lo: 85, hi: 93, tolerance: 5 }, 'non_finite_value'],
  ])('%s is unscorable', (_name, value, b, reason) => {
    expect(scoreBand(value, b)).toEqual({ score: null, reason });
  });
});
