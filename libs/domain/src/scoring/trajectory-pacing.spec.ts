import { colourForScore } from './colour';
import { paceCumulative } from './pacing';
import { classifyTrajectory, expectedProgressAt } from './trajectory';

describe('classifyTrajectory (R = p / e)', () => {
  it.each([
    // [p, e, status, colour]
    [1, 0.5, 'achieved', 'green'],
    [1.2, 1, 'achieved', 'green'],
    [0.5, 0.5, 'on_track', 'yellow'],
    [0.475, 0.5, 'on_track', 'yellow'], // R = 0.95 exactly
    [0.4749, 0.5, 'needs_acceleration', 'orange'], // R just below 0.95
    [0.3, 0.5, 'needs_acceleration', 'orange'], // R = 0.6 exactly
    [0.2999, 0.5, 'limited', 'red'], // R just below 0.6
    [0, 0.5, 'limited', 'red'], // R = 0
    [-0.01, 0.5, 'deteriorating', 'dark_red'], // R < 0
    [0.5, 2, 'limited', 'red'], // e clamped to 1 after the target date
    [0.1, 0, 'on_track', 'yellow'], // nothing expected yet
    [-0.1, 0, 'deteriorating', 'dark_red'],
  ])('p=%p e=%p → %s', (p, e, status, colour) => {
    const result = classifyTrajectory(p, e);
    expect(result.status).toBe(status);
    expect(result.colour).toBe(colour);
  });

  it('reports R and the clamped expectation', () => {
    expect(classifyTrajectory(0.3, 0.4)).toMatchObject({ expected: 0.4, ratio: expect.closeTo(0.75, 12) });
    expect(classifyTrajectory(0.3, 0).ratio).toBeNull();
  });
});

describe('expectedProgressAt (local dates, Asia/Shanghai)', () => {
  it.each([
    ['2024-12-01T00:00:00+08:00', 0],
    ['2025-01-01T00:00:00+08:00', 0],
    // Baseline 2025-01-01, target due by the end of 2025-01-10: ten local days.
    ['2025-01-06T00:00:00+08:00', 0.5],
    ['2025-01-10T23:59:59+08:00', expect.closeTo(1, 4)],
    ['2025-01-11T00:00:00+08:00', 1],
    ['2026-01-01T00:00:00+08:00', 1],
  ])('at %s → %p', (iso, e) => {
    expect(expectedProgressAt(new Date(iso), '2025-01-01', '2025-01-10')).toEqual(e);
  });
});

describe('paceCumulative (year-to-date vs pro-rated target)', () => {
  // 2025-07-02T12:00+08:00 is exactly half of the local year 2025.
  const midYear = new Date('2025-07-02T12:00:00+08:00');
  it.each([
    ['on pace', 600, 'on_track', 1],
    ['ahead of pace, annual target not yet met: on track', 700, 'on_track', 2],
    ['behind: needs acceleration', 560, 'needs_acceleration', 0.6],
    ['barely above baseline pace: limited', 520, 'limited', 0.2],
    ['below baseline pace: deteriorating', 480, 'deteriorating', -0.2],
  ])('%s (ytd %p)', (_name, yearToDate, status, p) => {
    const result = paceCumulative({
      yearToDate,
      baseline: 1000,
      target: 1200,
      at: midYear,
      direction: 'higher_is_better',
    });
    expect(result.fractionOfYear).toBeCloseTo(0.5, 12);
    expect(result.expectedToDate).toBeCloseTo(600, 9);
    expect(result.baselineToDate).toBeCloseTo(500, 9);
    expect(result.progress?.p).toBeCloseTo(p, 9);
    expect(result.trajectory?.status).toBe(status);
  });

  it('paces lower-is-better totals (e.g. road deaths)', () => {
    const result = paceCumulative({
      yearToDate: 45,
      baseline: 100,
      target: 80,
      at: midYear,
      direction: 'lower_is_better',
    });
    expect(result.progress?.p).toBeCloseTo(0.5, 9);
    expect(result.trajectory?.status).toBe('limited');
  });

  it.each([
    // 23:30 on 31 December in Shanghai is still 2025, even though it is 15:30Z.
    ['higher total met before year end', 1200, 1000, 1200, '2025-12-31T23:30:00+08:00', 2025, 'achieved'],
    [
      'higher total met early: achieved already',
      1250,
      1000,
      1200,
      '2025-07-02T12:00:00+08:00',
      2025,
      'achieved',
    ],
    ['lower total under cap at year end', 80, 100, 80, '2026-01-01T00:00:00+08:00', 2025, 'achieved'],
    [
      'lower total under pace mid-year: only on track',
      40,
      100,
      80,
      '2025-07-02T12:00:00+08:00',
      2025,
      'on_track',
    ],
    [
      'start of a year is the end of the previous one',
      950,
      1000,
      1200,
      '2025-01-01T00:00:00+08:00',
      2024,
      'deteriorating',
    ],
  ])('%s', (_name, yearToDate, baseline, target, iso, year, status) => {
    const result = paceCumulative({ yearToDate, baseline, target, at: new Date(iso) });
    expect(result.year).toBe(year);
    expect(result.trajectory?.status).toBe(status);
  });

  it('is unscorable for a non-finite year-to-date', () => {
    const result = paceCumulative({ yearToDate: Number.NaN, baseline: 1, target: 2, at: midYear });
    expect(result.progress.mode).toBe('unscorable');
    expect(result.trajectory).toBeNull();
  });
});

describe('colourForScore', () => {
  it.each([
    [100, 1, 'green'],
    [99, 1, 'yellow'],
    [95, 1, 'yellow'],
    [94.9, 1, 'orange'],
    [60, 1, 'orange'],
    [59.9, 1, 'red'],
    [0.1, 1, 'red'],
    [0, 1, 'dark_red'],
    [30, 0.3, 'yellow'], // on pace early in the plan
    [20, 0.3, 'orange'],
    [10, 0.3, 'red'],
    [10, 0, 'yellow'], // nothing due yet
    [Number.NaN, 1, null],
  ])('score %p at e=%p → %p', (score, e, colour) => {
    expect(colourForScore(score, e)).toBe(colour);
  });
});
