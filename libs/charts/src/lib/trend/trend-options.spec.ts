import type { LineSeriesOption } from 'echarts/charts';
import { buildTrendOptions, buildTrendTable, type TrendData } from './trend-options';

const data: TrendData = {
  series: [
    {
      name: 'City',
      points: [
        { at: '2025-01-01T00:00:00+08:00', value: 1.8 },
        { at: '2025-02-01T00:00:00+08:00', value: null },
        { at: '2025-03-01T00:00:00+08:00', value: 1.7 },
      ],
    },
  ],
  target: { value: 1.6, label: 'Target' },
  trajectory: {
    points: [
      { at: '2025-01-01T00:00:00+08:00', value: 1.8 },
      { at: '2026-12-01T00:00:00+08:00', value: 1.6 },
    ],
    label: 'Planned path',
  },
  band: { lo: 85, hi: 93, label: 'Band' },
  milestones: [{ at: '2025-02-15T00:00:00+08:00', label: 'Signal retiming' }],
};

describe('buildTrendOptions', () => {
  const option = buildTrendOptions(data, { locale: 'en', unit: 'idx', animation: false });
  const series = option['series'] as LineSeriesOption[];

  it('draws the data series with epoch x values and keeps gaps', () => {
    expect(series[0].type).toBe('line');
    expect(series[0].data).toEqual([
      [Date.parse('2024-12-31T16:00:00Z'), 1.8],
      [Date.parse('2025-01-31T16:00:00Z'), null],
      [Date.parse('2025-02-28T16:00:00Z'), 1.7],
    ]);
    expect(series[0].connectNulls).toBe(false);
  });

  it('adds the target line and milestones as mark lines on the first series', () => {
    const lines = series[0].markLine?.data as {
      yAxis?: number;
      xAxis?: number;
      name?: string;
      label?: { formatter: () => string };
    }[];
    expect(lines).toHaveLength(2);
    expect(lines[0].yAxis).toBe(1.6);
    expect(lines[0].label?.formatter()).toBe('Target 1.6 idx');
    expect(lines[1].xAxis).toBe(Date.parse('2025-02-14T16:00:00Z'));
    expect(lines[1].label?.formatter()).toBe('Signal retiming · Feb 15, 2025');
  });

  it('adds the band as a mark area and the trajectory as a dashed series', () => {
    expect(series[0].markArea?.data).toEqual([[{ name: 'Band', yAxis: 85 }, { yAxis: 93 }]]);
    expect(series[1].name).toBe('Planned path');
    expect(series[1].lineStyle?.type).toBe('dashed');
    expect(series[1].data).toHaveLength(2);
  });

  it('formats axis labels and tooltip values in the active locale', () => {
    const xAxis = option['xAxis'] as { axisLabel: { formatter: (v: number) => string } };
    const yAxis = option['yAxis'] as { axisLabel: { formatter: (v: number) => string } };
    const tooltip = option['tooltip'] as { valueFormatter: (v: unknown) => string };
    expect(xAxis.axisLabel.formatter(Date.parse('2025-03-01T00:00:00+08:00'))).toBe('Mar 2025');
    expect(yAxis.axisLabel.formatter(12345.5)).toBe('12,345.5');
    expect(tooltip.valueFormatter(1.75)).toBe('1.75 idx');
    expect(tooltip.valueFormatter(null)).toBe('—');
    expect(option['animation']).toBe(false);
  });

  it('uses Chinese formats for zh-CN and dark colours for the big screen', () => {
    const zh = buildTrendOptions(data, { locale: 'zh-CN', theme: 'dark' });
    const xAxis = zh['xAxis'] as { axisLabel: { formatter: (v: number) => string; color: string } };
    expect(xAxis.axisLabel.formatter(Date.parse('2025-03-01T00:00:00+08:00'))).toBe('2025年3月');
    expect(xAxis.axisLabel.color).toBe('#b8c7dc');
  });

  it('omits mark lines when there is no target or milestone', () => {
    const plain = buildTrendOptions({ series: data.series }, { locale: 'en' });
    expect((plain['series'] as LineSeriesOption[])[0].markLine).toBeUndefined();
  });
});

describe('buildTrendTable', () => {
  it('lists one row per period with formatted values', () => {
    const table = buildTrendTable(data, {
      locale: 'en',
      unit: 'idx',
      caption: 'Trend',
      periodLabel: 'Period',
    });
    expect(table.columns).toEqual(['Period', 'City']);
    expect(table.rows).toEqual([
      ['Jan 2025', '1.8 idx'],
      ['Feb 2025', '—'],
      ['Mar 2025', '1.7 idx'],
    ]);
  });
});
