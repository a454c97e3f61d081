import type { MapSeriesOption } from 'echarts/charts';
import { buildChoroplethOptions, buildChoroplethTable, type ChoroplethData } from './choropleth-options';

const data: ChoroplethData = {
  mapName: 'demo-city',
  values: [
    { name: '990101', label: 'Central', value: 1.9 },
    { name: '990102', label: 'East', value: 1.5 },
    { name: '990103', label: 'West', value: null },
  ],
};

describe('buildChoroplethOptions', () => {
  it('maps values by feature name and scales over the data range', () => {
    const o = buildChoroplethOptions(data, { locale: 'en', noDataText: 'No data', lowerIsBetter: true });
    const s = (o['series'] as MapSeriesOption[])[0];
    expect(s.map).toBe('demo-city');
    expect(s.data).toEqual([
      { name: '990101', value: 1.9 },
      { name: '990102', value: 1.5 },
      { name: '990103', value: undefined },
    ]);
    const vm = o['visualMap'] as { min: number; max: number; inRange: { color: string[] } };
    expect([vm.min, vm.max]).toEqual([1.5, 1.9]);
    expect((o['visualMap'] as { text: string[] }).text).toEqual(['1.9', '1.5']);
    // Lower is better: the low end of the scale is green.
    expect(vm.inRange.color[0]).toBe('#2e9d5b');
  });

  it('flips the scale for higher-is-better and labels districts by name', () => {
    const o = buildChoroplethOptions(data, { locale: 'zh-CN', noDataText: '无数据', unit: '%' });
    const vm = o['visualMap'] as { inRange: { color: string[] } };
    expect(vm.inRange.color[vm.inRange.color.length - 1]).toBe('#2e9d5b');
    const tooltip = o['tooltip'] as { formatter: (p: { name: string; value: unknown }) => string };
    expect(tooltip.formatter({ name: '990102', value: 1.5 })).toBe('East: 1.5%');
    expect(tooltip.formatter({ name: '990103', value: Number.NaN })).toBe('West: 无数据');
    const label = (o['series'] as MapSeriesOption[])[0].label as {
      formatter: (p: { name: string }) => string;
    };
    expect(label.formatter({ name: '990101' })).toBe('Central');
  });

  it('builds a table of districts', () => {
    const t = buildChoroplethTable(data, {
      locale: 'en',
      noDataText: 'No data',
      caption: 'c',
      regionLabel: 'District',
      valueLabel: 'Value',
    });
    expect(t.rows).toEqual([
      ['Central', '1.9'],
      ['East', '1.5'],
      ['West', 'No data'],
    ]);
  });
});
