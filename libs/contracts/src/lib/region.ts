import type { RegionLevel } from '@civicpulse/domain';

/** A GeoJSON geometry as stored (Polygon / MultiPolygon). Kept structural to stay dependency-free. */
export interface GeoJsonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; nameZh: string; nameEn: string; level: RegionLevel };
  geometry: GeoJsonGeometry | null;
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

export interface RegionDto {
  code: string;
  nameZh: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
  population: number | null;
}

/** GET /api/regions — the list plus boundaries as one FeatureCollection (register it with ECharts as a map). */
export interface RegionListDto {
  items: RegionDto[];
  geojson: GeoJsonFeatureCollection;
}
