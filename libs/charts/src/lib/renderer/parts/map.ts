// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for ECharts' per-feature modules, which ship none; an import would be bundled
/// <reference path="../echarts-modules.d.ts" />
import { use } from 'echarts/core';
import { install as MapChart } from 'echarts/lib/chart/map/install.js';
import { install as VisualMapComponent } from 'echarts/lib/component/visualMap/install.js';

/** District choropleths: the map series (with its geo code) and the continuous visual map. */
use([MapChart, VisualMapComponent]);
