import type { HeatmapSeriesOption } from 'echarts/charts';
import { buildHeatmapOptions, buildHeatmapTable, type HeatmapData } from './heatmap-options';

const data: HeatmapData = {
  rows: ['District A', 'District B'],
  columns: ['K1', 'K2'],
  values: [
    [91, null],
    [12.34, 60],
  ],
};
const opts = { locale: 'en' as const, noDataText: 'No data' };

describe('buildHeatmapOptions', () => {
  const o = buildHeatmapOptions(data, opts);
  const s = (o['series'] as HeatmapSeriesOption[])[0];

  it('emits [column, row, value] cells with "-" for empty ones', () => {
    expect((s.data as { value: unknown }[]).map((d) => d.value)).toEqual([
      [0, 0, 91],
      [1, 0, '-'],
      [0, 1, 12.34],
      [1, 1, 60],
    ]);
    // Labels on the red bands are white for contrast, dark elsewhere.
    expect((s.data as { label: { color: string } }[]).map((d) => d.label.color)).toEqual([
      '#1f2329',
      '#1f2329',
      '#ffffff',
      '#1f2329',
    ]);
    expect((o['xAxis'] as { data: string[] }).data).toEqual(['K1', 'K2']);
    expect(o['yAxis']).toMatchObject({ data: ['District A', 'District B'], inverse: true });
  });

  it('formats cell labels and tooltips', () => {
    const label = s.label as { formatter: (p: { value: unknown }) => string };
    expect(label.formatter({ value: [0, 1, 12.34] })).toBe('12.3');
    const tooltip = o['tooltip'] as { formatter: (p: { value: unknown }) => string };
    expect(tooltip.formatter({ value: [1, 0, '-'] })).toBe('District A · K2: No data');
  });

  it('uses the status bands as visual map pieces', () => {
    const vm = o['visualMap'] as { pieces: { gte?: number }[] };
    expect(vm.pieces.map((p) => p.gte)).toEqual([90, 75, 60, 30, undefined]);
  });

  it('builds a table with the no-data text', () => {
    expect(buildHeatmapTable(data, { ...opts, caption: 'c', cornerLabel: 'District' }).rows).toEqual([
      ['District A', '91', 'No data'],
      ['District B', '12.3', '60'],
    ]);
  });
});
