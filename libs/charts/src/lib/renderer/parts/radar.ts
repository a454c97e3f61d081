// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for ECharts' per-feature modules, which ship none; an import would be bundled
/// <reference path="../echarts-modules.d.ts" />
import { use } from 'echarts/core';
import { install as RadarChart } from 'echarts/lib/chart/radar/install.js';
import { install as RadarComponent } from 'echarts/lib/component/radar/install.js';

/** KPI score radars. */
use([RadarChart, RadarComponent]);
