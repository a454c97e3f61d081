import { scoreProgress } from './progress';

describe('scoreProgress', () => {
  it.each([
    // [value, baseline, target, direction, p, score, exceeded, deteriorating]
    ['congestion example (lower is better)', 1.7, 1.8, 1.6, 'lower_is_better', 0.5, 50, false, false],
    ['higher is better, half way', 75, 70, 80, 'higher_is_better', 0.5, 50, false, false],
    ['at baseline', 70, 70, 80, 'higher_is_better', 0, 0, false, false],
    ['target met exactly', 80, 70, 80, 'higher_is_better', 1, 100, false, false],
    ['exceeded: capped at 100', 85, 70, 80, 'higher_is_better', 1.5, 100, true, false],
    ['deteriorating: floored at 0', 65, 70, 80, 'higher_is_better', -0.5, 0, false, true],
    ['lower is better, deteriorating', 1.9, 1.8, 1.6, 'lower_is_better', -0.5, 0, false, true],
    ['no direction: sign of T − b decides', 1.65, 1.8, 1.6, undefined, 0.75, 75, false, false],
  ] as const)('%s', (_name, value, baseline, target, direction, p, score, exceeded, deteriorating) => {
    const result = scoreProgress({ value, baseline, target, direction });
    expect(result.mode).toBe('progress');
    expect(result.p).toBeCloseTo(p, 10);
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.flags).toEqual({ exceeded, deteriorating });
  });

  describe('maintain (baseline already meets target)', () => {
    it.each([
      // [case, value, baseline, target, direction, options, score, holding]
      ['holding above target', 96, 97, 95, 'higher_is_better', {}, 100, true],
      ['exactly at target', 95, 97, 95, 'higher_is_better', {}, 100, true],
      ['b = T, holding', 95, 95, 95, 'higher_is_better', {}, 100, true],
      ['slipped, default tolerance 10 % of T', 90.25, 97, 95, 'higher_is_better', {}, 50, false],
      ['slipped, explicit tolerance', 94, 97, 95, 'higher_is_better', { maintainTolerance: 4 }, 75, false],
      ['slipped, tolerance from worst bound', 85, 97, 95, 'higher_is_better', { worstBound: 75 }, 50, false],
      ['lower is better, holding', 1.5, 1.4, 1.6, 'lower_is_better', {}, 100, true],
      ['lower is better, slipped to 0', 1.9, 1.4, 1.6, 'lower_is_better', { worstBound: 1.8 }, 0, false],
      ['target 0, no tolerance: any slip scores 0', 1, 0, 0, 'lower_is_better', {}, 0, false],
    ] as const)('%s', (_name, value, baseline, target, direction, options, score, holding) => {
      const result = scoreProgress({ value, baseline, target, direction, ...options });
      expect(result.mode).toBe('maintain');
      if (result.mode !== 'maintain') return;
      expect(result.score).toBeCloseTo(score, 10);
      expect(result.holding).toBe(holding);
      expect(result.flags.deteriorating).toBe(!holding);
      expect(result.p).toBe(holding ? 1 : null);
    });

    it('ignores a worst bound on the good side of the target', () => {
      const result = scoreProgress({
        value: 90.25,
        baseline: 97,
        target: 95,
        direction: 'higher_is_better',
        worstBound: 99,
      });
      expect(result.score).toBeCloseTo(50, 10);
    });

    it('without direction and b = T, both sides of T count as slipping', () => {
      expect(scoreProgress({ value: 10, baseline: 10, target: 10 }).score).toBe(100);
      expect(scoreProgress({ value: 10.5, baseline: 10, target: 10 }).score).toBeCloseTo(50, 10);
      expect(scoreProgress({ value: 9.5, baseline: 10, target: 10 }).score).toBeCloseTo(50, 10);
    });
  });

  it.each([
    [Number.NaN, 1, 2],
    [1, Number.POSITIVE_INFINITY, 2],
    [1, 0, Number.NaN],
  ])('non-finite inputs (%p, %p, %p) are unscorable, never NaN', (value, baseline, target) => {
    const result = scoreProgress({ value, baseline, target, direction: 'higher_is_better' });
    expect(result).toMatchObject({ mode: 'unscorable', score: null, p: null, reason: 'non_finite_input' });
  });
});
