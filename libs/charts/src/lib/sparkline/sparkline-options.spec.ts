import type { LineSeriesOption } from 'echarts/charts';
import { buildSparklineOptions } from './sparkline-options';

describe('buildSparklineOptions', () => {
  const points = [
    { at: '2025-01-01T00:00:00+08:00', value: 3 },
    { at: '2025-02-01T00:00:00+08:00', value: 4.5 },
  ];

  it('hides axes and turns animation off by default', () => {
    const o = buildSparklineOptions(points, { locale: 'en' });
    expect((o['xAxis'] as { show: boolean }).show).toBe(false);
    expect((o['yAxis'] as { show: boolean }).show).toBe(false);
    expect(o['animation']).toBe(false);
    expect((o['series'] as LineSeriesOption[])[0].data).toHaveLength(2);
  });

  it('formats the tooltip with period and value', () => {
    const o = buildSparklineOptions(points, { locale: 'zh-CN', unit: '%', colour: '#123456' });
    const tooltip = o['tooltip'] as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ value: [Date.parse('2025-02-01T00:00:00+08:00'), 4.5] }])).toBe(
      '2025年2月: 4.5%',
    );
    expect(tooltip.formatter([])).toBe('');
    expect((o['series'] as LineSeriesOption[])[0].lineStyle?.color).toBe('#123456');
  });
});
