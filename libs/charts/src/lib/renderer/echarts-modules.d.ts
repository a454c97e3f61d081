/*
 * Types for ECharts' per-feature installer modules. The renderer imports these files directly
 * rather than through the `echarts/charts`, `echarts/components` and `echarts/renderers` barrels,
 * which would bring every feature ECharts has into the bundle. ECharts ships no declarations next
 * to these files, so each borrows its type from the barrel.
 */
declare module 'echarts/lib/chart/line/install.js' {
  export { LineChart as install } from 'echarts/charts';
}
declare module 'echarts/lib/chart/bar/install.js' {
  export { BarChart as install } from 'echarts/charts';
}
declare module 'echarts/lib/chart/map/install.js' {
  export { MapChart as install } from 'echarts/charts';
}
declare module 'echarts/lib/chart/heatmap/install.js' {
  export { HeatmapChart as install } from 'echarts/charts';
}
declare module 'echarts/lib/chart/gauge/install.js' {
  export { GaugeChart as install } from 'echarts/charts';
}
declare module 'echarts/lib/chart/radar/install.js' {
  export { RadarChart as install } from 'echarts/charts';
}
declare module 'echarts/lib/component/aria/install.js' {
  export { AriaComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/component/grid/install.js' {
  export { GridComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/component/legend/install.js' {
  export { LegendComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/component/marker/installMarkArea.js' {
  export { MarkAreaComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/component/marker/installMarkLine.js' {
  export { MarkLineComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/component/tooltip/install.js' {
  export { TooltipComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/component/visualMap/install.js' {
  export { VisualMapComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/component/radar/install.js' {
  export { RadarComponent as install } from 'echarts/components';
}
declare module 'echarts/lib/renderer/installCanvasRenderer.js' {
  export { CanvasRenderer as install } from 'echarts/renderers';
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export { SVGRenderer as install } from 'echarts/renderers';
}
