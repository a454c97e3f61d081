import type { BrandProject, Department } from './brand-project';
import type { Indicator } from './indicator';
import type { Region } from './region';

/** A longitude/latitude pair (WGS 84), as GeoJSON writes it. */
export type GeoJsonPosition = [number, number];

/** GeoJSON Polygon: the first ring is the exterior, further rings are holes. */
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: GeoJsonPosition[][];
}

/** GeoJSON MultiPolygon, for regions made of several pieces (islands, exclaves). */
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: GeoJsonPosition[][][];
}

/** The geometry a region boundary may have. */
export type RegionBoundary = GeoJsonPolygon | GeoJsonMultiPolygon;

/** A region as the catalogue describes it: the model plus its boundary geometry. */
export interface CatalogRegion extends Region {
  /** Boundary geometry, or null when the catalogue has none for this region. */
  boundary: RegionBoundary | null;
}

/** City-wide settings of a deployment. */
export interface CityProfile {
  /** Region code of the city itself (e.g. `990100`); also the root of `regions`. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** IANA time zone in which local calendar periods are cut (default Asia/Shanghai). */
  timeZone: string;
}

/**
 * Everything the catalogue files describe, validated and cross-checked: the unit that catalogue
 * apply writes to the database in one transaction.
 */
export interface CatalogBundle {
  city: CityProfile;
  /** The city first, then its districts (parents always precede their children). */
  regions: CatalogRegion[];
  indicators: Indicator[];
  departments: Department[];
  brandProjects: BrandProject[];
}
