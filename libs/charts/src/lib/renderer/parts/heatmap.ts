// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for ECharts' per-feature modules, which ship none; an import would be bundled
/// <reference path="../echarts-modules.d.ts" />
import { use } from 'echarts/core';
import { install as HeatmapChart } from 'echarts/lib/chart/heatmap/install.js';
import { install as VisualMapComponent } from 'echarts/lib/component/visualMap/install.js';

/** District × KPI matrices: the heatmap series and the piecewise visual map. */
use([HeatmapChart, VisualMapComponent]);
