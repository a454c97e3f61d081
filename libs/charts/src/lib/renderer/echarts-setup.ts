// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for ECharts' per-feature modules, which ship none; an import would be bundled
/// <reference path="./echarts-modules.d.ts" />
import * as echarts from 'echarts/core';
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as GaugeChart } from 'echarts/lib/chart/gauge/install.js';
import { install as HeatmapChart } from 'echarts/lib/chart/heatmap/install.js';
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as MapChart } from 'echarts/lib/chart/map/install.js';
import { install as RadarChart } from 'echarts/lib/chart/radar/install.js';
import { install as AriaComponent } from 'echarts/lib/component/aria/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/install.js';
import { install as MarkAreaComponent } from 'echarts/lib/component/marker/installMarkArea.js';
import { install as MarkLineComponent } from 'echarts/lib/component/marker/installMarkLine.js';
import { install as RadarComponent } from 'echarts/lib/component/radar/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as VisualMapComponent } from 'echarts/lib/component/visualMap/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';

/*
 * Every series type and component the builders use, and both renderers, registered in one module.
 * This module is only ever loaded through `loadEcharts()` (a dynamic import), so ECharts is one
 * chunk fetched with the first chart, and the app's initial bundle never contains it.
 *
 * One chunk on purpose. Rarer features (map, heatmap, gauge, radar, SVG) used to be parts loaded
 * on demand, but code splitting then moves the ECharts core they share with the base into a chunk
 * of its own, which the browser only discovers once the base's chunk has arrived and been parsed:
 * a second round trip, behind the page's other requests, before the overview's first sparkline.
 * Measured on the overview (tools/bench/web/RESULTS.md, 2026-12-06), fetching the whole 713 kB
 * (raw) at once paints the first chart sooner than 527 kB in two steps.
 *
 * Features are imported from their own modules rather than the `echarts/charts` and
 * `echarts/components` barrels, which would bring every chart type ECharts has.
 */
echarts.use([
  LineChart,
  BarChart,
  MapChart,
  HeatmapChart,
  GaugeChart,
  RadarChart,
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
