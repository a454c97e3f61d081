import type { EChartsCoreOption } from 'echarts/core';

/** Optional parts of ECharts, registered on demand on top of the base (line, bar, canvas). */
export type EchartsPart = 'map' | 'heatmap' | 'gauge' | 'radar' | 'svg';

/** Which renderer an instance is created with. */
export type ChartRenderer = 'canvas' | 'svg';

const SERIES_PARTS: Readonly<Record<string, EchartsPart>> = {
  map: 'map',
  heatmap: 'heatmap',
  gauge: 'gauge',
  radar: 'radar',
};

/**
 * The optional parts an option object needs, from its series types and the renderer. Pure, so the
 * renderer can tell before `setOption` whether it must wait for another chunk.
 */
export function echartsPartsFor(options: EChartsCoreOption, renderer: ChartRenderer): EchartsPart[] {
  const parts = new Set<EchartsPart>();
  const series: unknown = options['series'];
  for (const s of Array.isArray(series) ? series : [series]) {
    const type: unknown = typeof s === 'object' && s !== null ? (s as { type?: unknown }).type : undefined;
    const part = typeof type === 'string' ? SERIES_PARTS[type] : undefined;
    if (part) parts.add(part);
  }
  if (renderer === 'svg') parts.add('svg');
  return [...parts].sort();
}

const PART_LOADERS: Readonly<Record<EchartsPart, () => Promise<unknown>>> = {
  map: () => import('./parts/map'),
  heatmap: () => import('./parts/heatmap'),
  gauge: () => import('./parts/gauge'),
  radar: () => import('./parts/radar'),
  svg: () => import('./parts/svg'),
};

const loading = new Map<EchartsPart, Promise<void>>();
const loaded = new Set<EchartsPart>();

/** Whether every part is registered already (then a chart can be drawn without waiting). */
export function echartsPartsLoaded(parts: readonly EchartsPart[]): boolean {
  return parts.every((p) => loaded.has(p));
}

/** Loads and registers parts once each; resolves when all are registered. */
export function loadEchartsParts(parts: readonly EchartsPart[]): Promise<void> {
  return Promise.all(
    parts.map((part) => {
      let pending = loading.get(part);
      if (!pending) {
        pending = PART_LOADERS[part]().then(() => {
          loaded.add(part);
        });
        loading.set(part, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}
