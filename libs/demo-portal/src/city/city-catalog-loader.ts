import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUILT_IN_DISTRICTS, type DemoDistrict, type DistrictShape, type Ring } from './demo-city';

/** Boundaries supplied by the caller: district code → polygons (outer ring first, then holes). */
export type DistrictBoundaries = ReadonlyMap<string, DistrictShape>;

export interface DemoCityOptions {
  /** Folder holding `city.yaml` and `geo/demo-city-districts.geojson`; default: the repo's `catalog/`. */
  catalogDir?: string;
  /** Explicit boundaries; take precedence over the catalogue's GeoJSON. */
  boundaries?: DistrictBoundaries;
}

/** Walks up from this file to the workspace root (the folder holding nx.json). */
export function defaultCatalogDir(): string | null {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    if (existsSync(join(dir, 'nx.json'))) return join(dir, 'catalog');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function pick(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

/** Collects every object with a region code in the demo city's district range, wherever it sits. */
function collectRegionRecords(node: unknown, out: Array<Record<string, unknown>>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRegionRecords(item, out);
  } else if (isRecord(node)) {
    const code = pick(node, ['code', 'adcode', 'regionCode', 'region_code']);
    if (code !== undefined && /^9901(0[1-9]|10)$/.test(String(code))) out.push(node);
    for (const value of Object.values(node)) collectRegionRecords(value, out);
  }
}

/** Reads district populations from the catalogue's `city.yaml`, tolerating its exact layout. */
export function readCatalogPopulations(file: string): Map<string, number> {
  const result = new Map<string, number>();
  if (!existsSync(file)) return result;
  const records: Array<Record<string, unknown>> = [];
  collectRegionRecords(parseYaml(readFileSync(file, 'utf8')), records);
  for (const record of records) {
    const population = Number(pick(record, ['population', 'pop', 'residents']));
    const code = String(pick(record, ['code', 'adcode', 'regionCode', 'region_code']));
    if (Number.isFinite(population) && population > 0) result.set(code, population);
  }
  return result;
}

function toRing(value: unknown): Ring | null {
  if (!Array.isArray(value)) return null;
  const points: Array<[number, number]> = [];
  for (const p of value) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
    points.push([p[0], p[1]]);
  }
  return points.length >= 3 ? points : null;
}

function toPolygon(value: unknown): Ring[] | null {
  if (!Array.isArray(value)) return null;
  const rings = value.map(toRing);
  return rings.every((r): r is Ring => r !== null) && rings.length > 0 ? rings : null;
}

/** Reads district shapes from a GeoJSON FeatureCollection (Polygon or MultiPolygon features). */
export function readBoundaryGeoJson(file: string): Map<string, DistrictShape> {
  const result = new Map<string, DistrictShape>();
  if (!existsSync(file)) return result;
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(doc) || !Array.isArray(doc['features'])) return result;
  for (const feature of doc['features']) {
    if (!isRecord(feature) || !isRecord(feature['geometry'])) continue;
    const props = isRecord(feature['properties']) ? feature['properties'] : {};
    const code = String(pick(props, ['code', 'adcode', 'regionCode', 'region_code']) ?? feature['id'] ?? '');
    const geometry = feature['geometry'];
    const coords = geometry['coordinates'];
    let shape: Ring[][] | null = null;
    if (geometry['type'] === 'Polygon') {
      const polygon = toPolygon(coords);
      shape = polygon ? [polygon] : null;
    } else if (geometry['type'] === 'MultiPolygon' && Array.isArray(coords)) {
      const polygons = coords.map(toPolygon);
      shape = polygons.every((p): p is Ring[] => p !== null) ? polygons : null;
    }
    if (shape && /^9901(0[1-9]|10)$/.test(code)) result.set(code, shape);
  }
  return result;
}

/**
 * The demo city's districts: the built-in table, with populations from `city.yaml` and boundaries
 * from `geo/demo-city-districts.geojson` when the catalogue has them (or from `options.boundaries`).
 */
export function loadDemoDistricts(options: DemoCityOptions = {}): DemoDistrict[] {
  const catalogDir = options.catalogDir ?? defaultCatalogDir();
  const populations = catalogDir
    ? readCatalogPopulations(join(catalogDir, 'city.yaml'))
    : new Map<string, number>();
  const shapes =
    options.boundaries ??
    (catalogDir
      ? readBoundaryGeoJson(join(catalogDir, 'geo', 'demo-city-districts.geojson'))
      : new Map<string, DistrictShape>());
  return BUILT_IN_DISTRICTS.map((d) => ({
    ...d,
    population: populations.get(d.code) ?? d.population,
    shape: shapes.get(d.code) ?? d.shape,
  }));
}
