// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for ECharts' per-feature modules, which ship none; an import would be bundled
/// <reference path="./echarts-modules.d.ts" />
import * as echarts from 'echarts/core';
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as AriaComponent } from 'echarts/lib/component/aria/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/install.js';
import { install as MarkAreaComponent } from 'echarts/lib/component/marker/installMarkArea.js';
import { install as MarkLineComponent } from 'echarts/lib/component/marker/installMarkLine.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';

/*
 * The base every chart needs: the core, line and bar series (sparklines, trends, rankings), their
 * components and the canvas renderer. Heavier, rarer parts (map, heatmap, gauge, radar, SVG) are
 * registered by the modules in `parts/`, loaded only when an option object asks for them (see
 * `echarts-parts.ts`). Features are imported from their own modules, not the barrels, so the
 * bundler can keep each part in its own chunk (see `echarts-modules.d.ts`). This module is only
 * ever loaded through `loadEcharts()` (a dynamic import), so ECharts becomes its own chunks
 * fetched with the first chart, whatever imports the library's barrel.
 */
echarts.use([
  LineChart,
  BarChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
