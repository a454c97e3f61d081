// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for ECharts' per-feature modules, which ship none; an import would be bundled
/// <reference path="../echarts-modules.d.ts" />
import { use } from 'echarts/core';
import { install as GaugeChart } from 'echarts/lib/chart/gauge/install.js';

/** Project score gauges. */
use([GaugeChart]);
