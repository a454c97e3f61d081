import { InvalidPeriodSpecError } from '../domain-error';
import {
  formatPeriodSpec,
  parsePeriodSpec,
  previousPeriodSpec,
  resolvePeriodSpec,
  rollupBucketsFor,
  samePeriodLastYear,
} from './period-spec';

describe('parsePeriodSpec / resolvePeriodSpec (Asia/Shanghai)', () => {
  it.each([
    ['2025', '2024-12-31T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
    ['2025-Q1', '2024-12-31T16:00:00.000Z', '2025-03-31T16:00:00.000Z'],
    ['2025-q3', '2025-06-30T16:00:00.000Z', '2025-09-30T16:00:00.000Z'],
    ['2025-03', '2025-02-28T16:00:00.000Z', '2025-03-31T16:00:00.000Z'],
    ['2024-02', '2024-01-31T16:00:00.000Z', '2024-02-29T16:00:00.000Z'],
    ['2025-03-15', '2025-03-14T16:00:00.000Z', '2025-03-15T16:00:00.000Z'],
    ['ytd:2025-05-15', '2024-12-31T16:00:00.000Z', '2025-05-15T16:00:00.000Z'],
    ['qtd:2025-05-15', '2025-03-31T16:00:00.000Z', '2025-05-15T16:00:00.000Z'],
    ['mtd:2025-05-15', '2025-04-30T16:00:00.000Z', '2025-05-15T16:00:00.000Z'],
    ['2025-01..2025-03', '2024-12-31T16:00:00.000Z', '2025-03-31T16:00:00.000Z'],
    [' 2025-Q4..2026-Q1 ', '2025-09-30T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
  ])('%s → [%s, %s)', (text, start, end) => {
    const resolved = resolvePeriodSpec(text);
    expect(resolved.start.toISOString()).toBe(start);
    expect(resolved.end.toISOString()).toBe(end);
    // Canonical text parses back to the same spec.
    expect(parsePeriodSpec(resolved.label)).toEqual(resolved.spec);
  });

  it('resolves in other zones', () => {
    const r = resolvePeriodSpec('2025-Q2', 'Europe/Paris');
    expect(r.start.toISOString()).toBe('2025-03-31T22:00:00.000Z');
    expect(r.end.toISOString()).toBe('2025-06-30T22:00:00.000Z');
  });

  it.each([
    ['2025-Q5', 'quarter'],
    ['2025-13', 'month'],
    ['2025-02-30', 'no such calendar date'],
    ['ytd:2025-13-01', 'no such calendar date'],
    ['wtd:2025-01-01', 'unknown prefix'],
    ['2025-03..2025-01', 'ends before it starts'],
    ['2025..2025-03', 'same unit'],
    ['2025-01..2025-02..2025-03', 'exactly one'],
    ['last month', 'expected'],
    ['', 'expected'],
  ])('rejects %p (%s)', (text, reason) => {
    expect(() => parsePeriodSpec(text)).toThrow(InvalidPeriodSpecError);
    expect(() => parsePeriodSpec(text)).toThrow(reason);
  });
});

describe('previousPeriodSpec / samePeriodLastYear', () => {
  it.each([
    ['2025-01', '2024-12', '2024-01'],
    ['2025-Q1', '2024-Q4', '2024-Q1'],
    ['2025', '2024', '2024'],
    ['2024-03-01', '2024-02-29', '2023-03-01'],
    ['ytd:2025-05-15', 'ytd:2024-05-15', 'ytd:2024-05-15'],
    ['ytd:2024-02-29', 'ytd:2023-02-28', 'ytd:2023-02-28'],
    ['mtd:2025-05-31', 'mtd:2025-04-30', 'mtd:2024-05-31'],
    ['qtd:2025-05-15', 'qtd:2025-02-15', 'qtd:2024-05-15'],
    ['2025-04..2025-06', '2025-01..2025-03', '2024-04..2024-06'],
  ])('%s: previous %s, last year %s', (text, previous, lastYear) => {
    const spec = parsePeriodSpec(text);
    expect(formatPeriodSpec(previousPeriodSpec(spec))).toBe(previous);
    expect(formatPeriodSpec(samePeriodLastYear(spec))).toBe(lastYear);
  });
});

describe('rollupBucketsFor', () => {
  it.each([
    ['2025', ['2025']],
    ['2025-Q1', ['2025-01', '2025-02', '2025-03']],
    ['ytd:2025-03-02', ['2025-01', '2025-02', '2025-03-01', '2025-03-02']],
    ['2024-12..2026-01', ['2024-12', '2025', '2026-01']],
    ['mtd:2025-02-28', ['2025-02']],
  ])('%s → %j', (text, keys) => {
    expect(rollupBucketsFor(parsePeriodSpec(text)).map((b) => b.key)).toEqual(keys);
  });

  it('tags each bucket with its rollup grain', () => {
    expect(rollupBucketsFor(resolvePeriodSpec('ytd:2025-02-01')).map((b) => b.grain)).toEqual([
      'month',
      'day',
    ]);
  });
});
