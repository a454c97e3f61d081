import { loadEcharts } from './echarts-loader';

/** A GeoJSON FeatureCollection whose features carry a `name` property (the region code). */
export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { name: string } & Record<string, unknown>; geometry: unknown }[];
}

/**
 * Registers district boundaries with ECharts under `mapName` so choropleth options can refer to
 * it (loading ECharts first if need be). Registering the same name again replaces the geometry
 * (e.g. after the catalogue changes). Resolves once registered; build the choropleth options after.
 */
export async function registerRegionMap(mapName: string, geoJson: RegionFeatureCollection): Promise<void> {
  const echarts = await loadEcharts();
  echarts.registerMap(mapName, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
}

/** Whether a map of this name has been registered. */
export async function isRegionMapRegistered(mapName: string): Promise<boolean> {
  const echarts = await loadEcharts();
  const map: unknown = echarts.getMap(mapName);
  return map !== undefined && map !== null;
}
