import { periodKeyLabel, yearEarlier } from './period-key';

describe('yearEarlier', () => {
  it('moves every kind of period key back one year', () => {
    expect(yearEarlier('2025')).toBe('2024');
    expect(yearEarlier('2025-Q3')).toBe('2024-Q3');
    expect(yearEarlier('2025-09')).toBe('2024-09');
    expect(yearEarlier('2025-09-15')).toBe('2024-09-15');
    expect(yearEarlier('ytd:2026-11-25')).toBe('ytd:2025-11-25');
    expect(yearEarlier('2025-01..2025-06')).toBe('2024-01..2024-06');
  });

  it('keeps leap days real and refuses what it does not know', () => {
    expect(yearEarlier('ytd:2024-02-29')).toBe('ytd:2023-02-28');
    expect(yearEarlier('mtd')).toBeNull();
    expect(yearEarlier('2025-13-99x')).toBeNull();
  });
});

describe('periodKeyLabel', () => {
  const until = (day: string) => `until ${day}`;

  it('writes periods in the locale', () => {
    expect(periodKeyLabel('2025', 'en', until)).toBe('2025');
    expect(periodKeyLabel('2025-Q3', 'zh-CN', until)).toBe('2025年第3季度');
    expect(periodKeyLabel('2025-Q3', 'en', until)).toBe('Q3 2025');
    expect(periodKeyLabel('2025-09', 'en', until)).toBe('Sep 2025');
    expect(periodKeyLabel('ytd:2026-11-25', 'en', until)).toBe('until Nov 25, 2026');
    expect(periodKeyLabel('2025-01..2025-06', 'en', until)).toBe('Jan 2025 – Jun 2025');
  });
});
