import { formatChartDate, formatChartNumber } from './chart-locale';
import { colourForScore } from './chart-theme';
import { baseOption } from './chart-common';

describe('chart locale formatting', () => {
  it('formats numbers with locale grouping and a unit', () => {
    expect(formatChartNumber(12345.678, 'en', { unit: 'km' })).toBe('12,345.68 km');
    expect(formatChartNumber(87.5, 'zh-CN', { unit: '%' })).toBe('87.5%');
    expect(formatChartNumber(null, 'en')).toBe('—');
    expect(formatChartNumber(Number.NaN, 'zh-CN')).toBe('—');
  });

  it('formats dates as local calendar periods in Asia/Shanghai', () => {
    // 2025-01-31T23:30+08:00 belongs to January locally even though it is the 31st 15:30 UTC.
    const instant = '2025-01-31T15:30:00Z';
    expect(formatChartDate(instant, 'en', 'month')).toBe('Jan 2025');
    expect(formatChartDate(instant, 'zh-CN', 'month')).toBe('2025年1月');
    // 2025-02-28T16:30Z is already 1 March in Shanghai.
    expect(formatChartDate('2025-02-28T16:30:00Z', 'en', 'day')).toBe('Mar 1, 2025');
    expect(formatChartDate('2025-05-10T00:00:00+08:00', 'zh-CN', 'quarter')).toBe('2025年第2季度');
    expect(formatChartDate('2025-11-10T00:00:00+08:00', 'en', 'quarter')).toBe('Q4 2025');
    expect(formatChartDate('2025-11-10T00:00:00+08:00', 'en', 'year')).toBe('2025');
  });

  it('maps scores to status colours and no score to none', () => {
    expect(colourForScore(95)).toBe('green');
    expect(colourForScore(80)).toBe('yellow');
    expect(colourForScore(65)).toBe('orange');
    expect(colourForScore(40)).toBe('red');
    expect(colourForScore(10)).toBe('darkRed');
    expect(colourForScore(null)).toBe('none');
  });

  it('enables aria with the given description and switches animation', () => {
    const o = baseOption({ locale: 'en', animation: false, ariaDescription: 'Score chart' });
    expect(o['aria']).toEqual({ enabled: true, label: { enabled: true, description: 'Score chart' } });
    expect(o['animation']).toBe(false);
    expect(baseOption({ locale: 'en' })['animation']).toBe(true);
  });
});
