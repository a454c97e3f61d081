import { buildBarOptions } from '../bar/bar-options';
import { buildChoroplethOptions } from '../choropleth/choropleth-options';
import { buildGaugeOptions } from '../gauge/gauge-options';
import { buildHeatmapOptions } from '../heatmap/heatmap-options';
import { buildRadarOptions } from '../radar/radar-options';
import { buildSparklineOptions } from '../sparkline/sparkline-options';
import { echartsPartsFor, echartsPartsLoaded, loadEchartsParts } from './echarts-parts';

describe('echartsPartsFor', () => {
  it('needs nothing beyond the base for sparklines and bars on canvas', () => {
    const spark = buildSparklineOptions([{ at: '2025-01-01T00:00:00+08:00', value: 1 }], { locale: 'en' });
    const bars = buildBarOptions(
      { categories: ['A'], series: [{ name: 's', values: [1] }] },
      { locale: 'en' },
    );
    expect(echartsPartsFor(spark, 'canvas')).toEqual([]);
    expect(echartsPartsFor(bars, 'canvas')).toEqual([]);
  });

  it('names the part of each heavier builder, and svg for the SVG renderer', () => {
    const map = buildChoroplethOptions(
      { mapName: 'm', values: [{ name: 'a', label: 'A', value: 1 }] },
      { locale: 'en', noDataText: '—' },
    );
    expect(echartsPartsFor(map, 'canvas')).toEqual(['map']);
    expect(echartsPartsFor(map, 'svg')).toEqual(['map', 'svg']);
    const gauge = buildGaugeOptions(
      { score: 80, colour: 'yellow', label: 'Score' },
      { locale: 'en', noScoreText: '…' },
    );
    expect(echartsPartsFor(gauge, 'canvas')).toEqual(['gauge']);
    const radar = buildRadarOptions({ axes: ['a'], series: [{ name: 's', values: [50] }] }, { locale: 'en' });
    expect(echartsPartsFor(radar, 'canvas')).toEqual(['radar']);
    const heat = buildHeatmapOptions(
      { rows: ['r'], columns: ['c'], values: [[50]] },
      { locale: 'en', noDataText: '—' },
    );
    expect(echartsPartsFor(heat, 'canvas')).toEqual(['heatmap']);
  });

  it('ignores options without series', () => {
    expect(echartsPartsFor({}, 'canvas')).toEqual([]);
    expect(echartsPartsFor({ series: { type: 'gauge' } }, 'canvas')).toEqual(['gauge']);
  });
});

describe('loadEchartsParts', () => {
  it('registers a part once and reports it loaded', async () => {
    expect(echartsPartsLoaded(['gauge'])).toBe(false);
    await loadEchartsParts(['gauge']);
    expect(echartsPartsLoaded(['gauge'])).toBe(true);
    expect(echartsPartsLoaded(['gauge', 'radar'])).toBe(false);
    expect(echartsPartsLoaded([])).toBe(true);
  });
});
