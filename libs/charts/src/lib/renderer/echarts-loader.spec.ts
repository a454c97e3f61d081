import type { EChartsCoreOption } from 'echarts/core';
import { buildBarOptions } from '../bar/bar-options';
import { buildChoroplethOptions } from '../choropleth/choropleth-options';
import { buildGaugeOptions } from '../gauge/gauge-options';
import { buildHeatmapOptions } from '../heatmap/heatmap-options';
import { buildRadarOptions } from '../radar/radar-options';
import { buildSparklineOptions } from '../sparkline/sparkline-options';
import { buildTrendOptions } from '../trend/trend-options';
import { echartsLoaded, loadEcharts } from './echarts-loader';
import { registerRegionMap } from './region-map';

const points = [
  { at: '2025-01-01T00:00:00+08:00', value: 1 },
  { at: '2025-02-01T00:00:00+08:00', value: 2 },
];

/** One option object per builder, with the marks, legends and visual maps they can carry. */
const OPTIONS: Record<string, EChartsCoreOption> = {
  sparkline: buildSparklineOptions(points, { locale: 'en' }),
  trend: buildTrendOptions(
    {
      series: [{ name: 'City', points }],
      target: { value: 2, label: 'Target' },
      band: { lo: 1, hi: 3, label: 'Band' },
      milestones: [{ at: '2025-01-15T00:00:00+08:00', label: 'Start' }],
    },
    { locale: 'en', animation: false },
  ),
  bar: buildBarOptions(
    { categories: ['A'], series: [{ name: 's', values: [1] }], reference: { label: 'City', value: 1 } },
    { locale: 'en', animation: false },
  ),
  gauge: buildGaugeOptions(
    { score: 80, colour: 'yellow', label: 'Score' },
    { locale: 'en', noScoreText: '…' },
  ),
  radar: buildRadarOptions(
    { axes: ['a', 'b', 'c'], series: [{ name: 's', values: [50, 60, 70] }] },
    { locale: 'en' },
  ),
  heatmap: buildHeatmapOptions(
    { rows: ['r'], columns: ['c'], values: [[50]] },
    { locale: 'en', noDataText: '—' },
  ),
  choropleth: buildChoroplethOptions(
    { mapName: 'spec-city', values: [{ name: 'a', label: 'A', value: 1 }] },
    { locale: 'en', noDataText: '—' },
  ),
};

/** Labels of mark lines and areas, drawn only when the marker components are registered. */
const MARK_LABELS: Record<string, string[]> = { trend: ['Target', 'Band'], bar: ['City 1'] };

describe('loadEcharts', () => {
  it('loads once and registers every series and component the builders use', async () => {
    expect(echartsLoaded()).toBe(false);
    const echarts = await loadEcharts();
    expect(await loadEcharts()).toBe(echarts);
    expect(echartsLoaded()).toBe(true);
    await registerRegionMap('spec-city', {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'a' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    });
    // ECharts reports a missing registration on the console (and draws nothing) instead of throwing.
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const [name, options] of Object.entries(OPTIONS)) {
        const dom = document.createElement('div');
        const chart = echarts.init(dom, undefined, { renderer: 'svg', width: 320, height: 200 });
        chart.setOption(options);
        // Something was drawn (a series or component that is not registered draws nothing), and
        // the marks' labels with it.
        const svg = chart.renderToSVGString();
        expect({ name, drawn: svg.includes('<path') }).toEqual({ name, drawn: true });
        for (const label of MARK_LABELS[name] ?? [])
          expect({ name, label, drawn: svg.includes(label) }).toEqual({ name, label, drawn: true });
        chart.dispose();
      }
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });
});
