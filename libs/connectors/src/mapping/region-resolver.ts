import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { RegionLevel } from '@civicpulse/domain';
import { readNumber } from '../decoding/cell-values';
import { isRecord } from '../decoding/json-records';
import type { BoundaryGeometry, MappingRegion } from './mapping-context';

/** Normalises a name for lookup: trimmed, inner whitespace collapsed, lower case, NFKC (full-width → ASCII). */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Normalises a code: numbers lose a trailing `.0`, text is trimmed. */
export function normaliseCode(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isInteger(raw) ? String(raw) : null;
  const text = String(raw).trim().replace(/\.0+$/, '');
  return text === '' ? null : text;
}

interface Located {
  code: string;
  boundary: BoundaryGeometry;
  bbox: [number, number, number, number];
}

function bboxOf(boundary: BoundaryGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat();
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/** Looks regions up by code, by name or alias, and by point inside boundary. Built once per run. */
export class RegionResolver {
  /** Each catalogue code mapped to itself: lookups return the catalogue's string, not the row's. */
  private readonly codes = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly byAlias = new Map<string, string>();
  private readonly located: Located[] = [];
  private readonly regions: readonly MappingRegion[];

  constructor(regions: readonly MappingRegion[], manifestAliases: Readonly<Record<string, string>> = {}) {
    for (const region of regions) {
      this.codes.set(region.code, region.code);
      this.byName.set(normaliseName(region.nameZh), region.code);
      this.byName.set(normaliseName(region.nameEn), region.code);
      for (const alias of region.aliases ?? []) this.byAlias.set(normaliseName(alias), region.code);
    }
    // The manifest's own spellings win over the catalogue's aliases.
    for (const [alias, code] of Object.entries(manifestAliases)) this.byAlias.set(normaliseName(alias), code);
    this.regions = regions;
  }

  /** True when the catalogue has a region with this code. */
  has(code: string): boolean {
    return this.codes.has(code);
  }

  /**
   * Region code for a code-like key (aliases map source codes such as `M` or `310115.0`). The
   * catalogue's own string is returned (interned): a code cut from a parsed row can keep the
   * whole source chunk it was sliced from alive for as long as the mapped point lives.
   */
  byCode(key: string): string | undefined {
    const code = this.codes.get(key);
    if (code !== undefined) return code;
    const aliased = this.byAlias.get(normaliseName(key));
    return aliased === undefined ? undefined : this.codes.get(aliased);
  }

  /** Region code for a name in any language or an alias. */
  byNameOrAlias(name: string): string | undefined {
    const key = normaliseName(name);
    const code = this.byAlias.get(key) ?? this.byName.get(key) ?? name.trim();
    return this.codes.get(code);
  }

  /** The region of `level` whose boundary contains the WGS84 point, if any. */
  byPoint(lon: number, lat: number, level: RegionLevel): string | undefined {
    if (this.indexedLevel !== level) this.index(level);
    for (const candidate of this.located) {
      const [minX, minY, maxX, maxY] = candidate.bbox;
      if (lon < minX || lon > maxX || lat < minY || lat > maxY) continue;
      if (booleanPointInPolygon([lon, lat], candidate.boundary)) return candidate.code;
    }
    return undefined;
  }

  private indexedLevel?: RegionLevel;

  private index(level: RegionLevel): void {
    this.indexedLevel = level;
    this.located.length = 0;
    for (const region of this.regions) {
      if (region.level === level && region.boundary)
        this.located.push({ code: region.code, boundary: region.boundary, bbox: bboxOf(region.boundary) });
    }
  }
}

/**
 * A representative WGS84 point of a raw geometry: GeoJSON Point, Esri `{x, y}`, or the first
 * vertex of a line or polygon (GeoJSON `coordinates`, Esri `paths`/`rings`). Also accepts
 * `{ lon, lat }` objects and `"lat, lon"` strings (OpenDataSoft `geo_point`/`position`).
 */
export function pointOf(raw: unknown, latLonString = false): [number, number] | undefined {
  if (typeof raw === 'string') {
    const parts = raw
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return undefined;
    const [a = 0, b = 0] = parts;
    return latLonString ? [b, a] : [a, b];
  }
  if (!isRecord(raw)) return undefined;
  const num = (v: unknown): number | undefined => {
    const r = readNumber(v);
    return r.kind === 'value' ? r.value : undefined;
  };
  const lon = num(raw['lon'] ?? raw['lng'] ?? raw['x']);
  const lat = num(raw['lat'] ?? raw['y']);
  if (lon !== undefined && lat !== undefined) return [lon, lat];
  const nested = raw['coordinates'] ?? raw['paths'] ?? raw['rings'] ?? raw['points'];
  let current: unknown = nested;
  while (Array.isArray(current) && Array.isArray(current[0])) current = current[0];
  if (Array.isArray(current) && current.length >= 2) {
    const x = num(current[0]);
    const y = num(current[1]);
    if (x !== undefined && y !== undefined) return [x, y];
  }
  return undefined;
}
