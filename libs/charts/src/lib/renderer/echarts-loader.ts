import { type EchartsPart, echartsPartsLoaded, loadEchartsParts } from './echarts-parts';

/** The registered ECharts core, as the renderer uses it. */
export type EchartsCore = (typeof import('./echarts-setup'))['echarts'];

let loading: Promise<EchartsCore> | null = null;
let loaded = false;

/**
 * Loads ECharts (tree-shaken, base charts registered) once, plus any optional `parts`. Keeping the
 * imports dynamic means pages without charts, and the app's initial bundle, never carry ECharts;
 * calling it early (e.g. while a page's data is in flight) overlaps the download with the request.
 */
export function loadEcharts(parts: readonly EchartsPart[] = []): Promise<EchartsCore> {
  // `echarts/core` is asked for alongside the setup module: the browser would otherwise discover
  // the (largest) core chunk only after downloading and parsing the setup chunk that imports it.
  loading ??= Promise.all([import('echarts/core'), import('./echarts-setup')]).then(([, m]) => {
    loaded = true;
    return m.echarts;
  });
  if (parts.length === 0) return loading;
  return Promise.all([loading, loadEchartsParts(parts)]).then(([echarts]) => echarts);
}

/** Whether the base and every one of `parts` are registered, so a chart can be drawn right away. */
export function echartsLoaded(parts: readonly EchartsPart[] = []): boolean {
  return loaded && echartsPartsLoaded(parts);
}
