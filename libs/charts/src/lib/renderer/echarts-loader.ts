/** The registered ECharts core, as the renderer uses it. */
export type EchartsCore = (typeof import('./echarts-setup'))['echarts'];

let loading: Promise<EchartsCore> | null = null;

/**
 * Loads ECharts (tree-shaken, with the used charts registered) once, on first use. Keeping the
 * import dynamic means pages without charts, and the app's initial bundle, never carry it.
 */
export function loadEcharts(): Promise<EchartsCore> {
  loading ??= import('./echarts-setup').then((m) => m.echarts);
  return loading;
}
