import type { BarSeriesOption } from 'echarts/charts';
import { buildBarOptions, buildBarTable, type BarData } from './bar-options';

const data: BarData = {
  categories: ['A', 'B'],
  series: [{ name: '2025', values: [1200.5, null] }],
  reference: { value: 1000, label: 'Target' },
};

describe('buildBarOptions', () => {
  it('draws bars with gaps and a reference line', () => {
    const o = buildBarOptions(data, { locale: 'en', unit: 'pax' });
    const s = (o['series'] as BarSeriesOption[])[0];
    expect(s.data).toEqual([1200.5, '-']);
    const line = s.markLine as { data: { yAxis?: number }[]; label: { formatter: () => string } };
    expect(line.data).toEqual([{ yAxis: 1000 }]);
    expect(line.label.formatter()).toBe('Target 1,000 pax');
    expect((o['xAxis'] as { type: string }).type).toBe('category');
  });

  it('swaps axes for horizontal bars', () => {
    const o = buildBarOptions(data, { locale: 'zh-CN', horizontal: true });
    expect(o['yAxis']).toMatchObject({ type: 'category', inverse: true });
    const s = (o['series'] as BarSeriesOption[])[0];
    expect((s.markLine as { data: unknown[] }).data).toEqual([{ xAxis: 1000 }]);
  });

  it('builds a table', () => {
    expect(buildBarTable(data, { locale: 'en', caption: 'c', categoryLabel: 'District' }).rows).toEqual([
      ['A', '1,200.5'],
      ['B', '—'],
    ]);
  });
});
