/** The registered ECharts core, as the renderer uses it. */
export type EchartsCore = (typeof import('./echarts-setup'))['echarts'];

let loading: Promise<EchartsCore> | null = null;
let loaded = false;

/**
 * Loads ECharts (tree-shaken, with everything the builders use registered) once. Keeping the
 * import dynamic means pages without charts, and the app's initial bundle, never carry ECharts;
 * calling it early (e.g. while a page's data is in flight) overlaps the download with the request.
 */
export function loadEcharts(): Promise<EchartsCore> {
  loading ??= import('./echarts-setup').then((m) => {
    loaded = true;
    return m.echarts;
  });
  return loading;
}

/** Whether ECharts is registered, so a chart can be drawn right away. */
export function echartsLoaded(): boolean {
  return loaded;
}
