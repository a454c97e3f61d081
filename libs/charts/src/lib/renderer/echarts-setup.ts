import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, HeatmapChart, LineChart, MapChart, RadarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

/*
 * Only the charts and components the builders emit are registered, so the bundle carries a
 * fraction of ECharts. Adding a builder that uses another series or component means adding it here.
 * This module is only ever loaded through `loadEcharts()` (a dynamic import), so ECharts becomes
 * its own chunk fetched with the first chart, whatever imports the library's barrel.
 */
echarts.use([
  LineChart,
  BarChart,
  GaugeChart,
  RadarChart,
  HeatmapChart,
  MapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
