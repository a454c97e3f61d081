import type { RegionFeatureCollection } from '@civicpulse/charts';
import type { GeoJsonFeatureCollection } from '@civicpulse/contracts';

/** Name the district boundaries are registered under with ECharts. */
export const DISTRICT_MAP_NAME = 'civicpulse-districts';

/**
 * District features keyed by region code (ECharts matches series data to a feature's `name`), so
 * values join on codes and labels can follow the active language.
 */
export function toDistrictMap(geojson: GeoJsonFeatureCollection): RegionFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: geojson.features
      .filter((f) => f.properties.level === 'district' && f.geometry !== null)
      .map((f) => ({ type: 'Feature', properties: { name: f.properties.code }, geometry: f.geometry })),
  };
}
