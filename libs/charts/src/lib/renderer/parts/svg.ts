// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types for ECharts' per-feature modules, which ship none; an import would be bundled
/// <reference path="../echarts-modules.d.ts" />
import { use } from 'echarts/core';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';

/** The SVG renderer, for charts asked to render as SVG (print, environments without canvas). */
use([SVGRenderer]);
