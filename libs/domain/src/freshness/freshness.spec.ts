import { InvalidCadenceError } from '../domain-error';
import { addCadence, parseCadence } from './cadence';
import { assessFreshness, worseFreshnessState } from './freshness';

describe('parseCadence', () => {
  it.each([
    ['PT6H', { years: 0, months: 0, days: 0, milliseconds: 6 * 3_600_000 }],
    ['P1D', { years: 0, months: 0, days: 1, milliseconds: 0 }],
    ['P1W', { years: 0, months: 0, days: 7, milliseconds: 0 }],
    ['P3M', { years: 0, months: 3, days: 0, milliseconds: 0 }],
    ['P1Y', { years: 1, months: 0, days: 0, milliseconds: 0 }],
    ['P1DT12H30M', { years: 0, months: 0, days: 1, milliseconds: 12.5 * 3_600_000 }],
    ['PT0.5H', { years: 0, months: 0, days: 0, milliseconds: 1_800_000 }],
    [36, { years: 0, months: 0, days: 0, milliseconds: 36 * 3_600_000 }],
    ['36', { years: 0, months: 0, days: 0, milliseconds: 36 * 3_600_000 }],
  ])('%p', (text, cadence) => {
    expect(parseCadence(text)).toEqual(cadence);
  });

  it.each(['P', 'PT', 'P1X', '1 day', 'PT0S', 0, -3, 'P1DT'])('rejects %p', (text) => {
    expect(() => parseCadence(text)).toThrow(InvalidCadenceError);
  });
});

describe('addCadence (local calendar)', () => {
  it.each([
    ['2025-01-31T10:00:00+08:00', 'P1M', 'Asia/Shanghai', '2025-02-28T02:00:00.000Z'],
    ['2024-01-31T10:00:00+08:00', 'P1M', 'Asia/Shanghai', '2024-02-29T02:00:00.000Z'],
    // One calendar day across the Paris spring-forward is 23 hours; PT24H is 24.
    ['2025-03-29T12:00:00+01:00', 'P1D', 'Europe/Paris', '2025-03-30T10:00:00.000Z'],
    ['2025-03-29T12:00:00+01:00', 'PT24H', 'Europe/Paris', '2025-03-30T11:00:00.000Z'],
  ])('%s + %s in %s → %s', (iso, cadence, zone, expected) => {
    expect(addCadence(new Date(iso), parseCadence(cadence), zone).toISOString()).toBe(expected);
  });
});

describe('assessFreshness', () => {
  const last = new Date('2025-05-10T08:00:00+08:00');
  it.each([
    ['within cadence', '2025-05-11T07:00:00+08:00', 'P1D', undefined, 'fresh', 0],
    ['exactly due is still fresh', '2025-05-11T08:00:00+08:00', 'P1D', undefined, 'fresh', 0],
    ['one hour overdue', '2025-05-11T09:00:00+08:00', 'P1D', undefined, 'stale', 3_600_000],
    ['grace keeps it fresh', '2025-05-11T09:00:00+08:00', 'P1D', 'PT6H', 'fresh', 0],
    [
      'monthly source a month and a day later',
      '2025-06-11T08:00:00+08:00',
      'P1M',
      undefined,
      'stale',
      86_400_000,
    ],
    ['hours as a number', '2025-05-10T20:00:00+08:00', 6, undefined, 'stale', 6 * 3_600_000],
  ])('%s', (_name, now, cadence, grace, state, overdueMs) => {
    const result = assessFreshness({ lastAt: last, now: new Date(now), cadence, grace });
    expect(result.state).toBe(state);
    expect(result.overdueMs).toBe(overdueMs);
    expect(result.ageMs).toBe(new Date(now).getTime() - last.getTime());
  });

  it('reports the next due time', () => {
    const result = assessFreshness({ lastAt: last, now: last, cadence: 'P1M' });
    expect(result.nextDueAt?.toISOString()).toBe('2025-06-10T00:00:00.000Z');
  });

  it('is "never" without any observation or run', () => {
    expect(assessFreshness({ lastAt: null, now: last, cadence: 'P1D' })).toEqual({
      state: 'never',
      lastAt: null,
      nextDueAt: null,
      ageMs: null,
      overdueMs: 0,
    });
  });

  it.each([
    ['fresh', 'stale', 'stale'],
    ['never', 'stale', 'never'],
    ['fresh', 'fresh', 'fresh'],
  ] as const)('worse of %s and %s is %s', (a, b, worse) => {
    expect(worseFreshnessState(a, b)).toBe(worse);
  });
});
