import type { GeoJsonPolygon, GeoJsonPosition } from '@civicpulse/domain';

/**
 * Deterministic boundaries for the fictional Demo City (示范市).
 *
 * The city is drawn as three nested, wobbly star-shaped rings around a fixed centre: an old-town
 * core, an inner ring cut into 4 sectors and an outer ring cut into 5 sectors — 10 districts.
 * Every ring is a function r(θ) sampled on one shared angular grid, and neighbouring polygons are
 * built from the very same vertices, so the districts tile the city outline exactly: no gaps, no
 * overlaps. Coordinates are invented and describe no real place.
 */

/** A district to draw: its code and names (taken from city.yaml). */
export interface DemoDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Feature of the generated district file; properties are what the map needs. */
export interface DemoBoundaryFeature {
  type: 'Feature';
  properties: { code: string; name_zh: string; name_en: string };
  geometry: GeoJsonPolygon;
}

export interface DemoBoundaryCollection {
  type: 'FeatureCollection';
  features: DemoBoundaryFeature[];
}

/** Which ring and which angular sector (degrees, counter-clockwise from east) a district takes. */
interface Placement {
  ring: 'core' | 'inner' | 'outer';
  fromDeg: number;
  toDeg: number;
}

/** The layout of the demo city: an old town (东湖), four inner districts, five outer ones. */
export const DEMO_LAYOUT: Readonly<Record<string, Placement>> = {
  '990101': { ring: 'core', fromDeg: 0, toDeg: 360 },
  '990102': { ring: 'inner', fromDeg: 50, toDeg: 140 },
  '990107': { ring: 'inner', fromDeg: 140, toDeg: 230 },
  '990103': { ring: 'inner', fromDeg: 230, toDeg: 320 },
  '990105': { ring: 'inner', fromDeg: 320, toDeg: 410 },
  '990104': { ring: 'outer', fromDeg: 60, toDeg: 130 },
  '990106': { ring: 'outer', fromDeg: 130, toDeg: 200 },
  '990108': { ring: 'outer', fromDeg: 200, toDeg: 264 },
  '990109': { ring: 'outer', fromDeg: 264, toDeg: 330 },
  '990110': { ring: 'outer', fromDeg: 330, toDeg: 420 },
};

const CENTRE_LON = 117.02;
const CENTRE_LAT = 31.46;
const KM_PER_DEG_LAT = 110.57;
/** Angular step of the shared grid; every sector edge above is a multiple of it. */
const STEP_DEG = 2;

/** Harmonics (k, amplitude, phase) that make each ring look like a grown city, not a circle. */
const RINGS: Record<'core' | 'inner' | 'outer', { radiusKm: number; harmonics: [number, number, number][] }> =
  {
    core: {
      radiusKm: 5.2,
      harmonics: [
        [2, 0.08, 0.4],
        [3, 0.05, 1.9],
        [5, 0.02, 0.7],
      ],
    },
    inner: {
      radiusKm: 14,
      harmonics: [
        [1, 0.06, 2.2],
        [2, 0.09, 0.9],
        [4, 0.04, 2.8],
      ],
    },
    outer: {
      radiusKm: 34,
      harmonics: [
        [1, 0.1, 0.3],
        [2, 0.08, 2.5],
        [3, 0.06, 1.1],
        [5, 0.03, 4.0],
        [7, 0.015, 0.2],
      ],
    },
  };

function radiusKm(ring: keyof typeof RINGS, deg: number): number {
  const { radiusKm: r0, harmonics } = RINGS[ring];
  const theta = (deg * Math.PI) / 180;
  let factor = 1;
  for (const [k, amplitude, phase] of harmonics) factor += amplitude * Math.sin(k * theta + phase);
  return r0 * factor;
}

/** Rounded to 5 decimals (~1 m): shared vertices round identically, so edges still match. */
function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function point(ring: keyof typeof RINGS, deg: number): GeoJsonPosition {
  const r = radiusKm(ring, deg);
  const theta = (deg * Math.PI) / 180;
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((CENTRE_LAT * Math.PI) / 180);
  return [
    round5(CENTRE_LON + (r * Math.cos(theta)) / kmPerDegLon),
    round5(CENTRE_LAT + (r * Math.sin(theta)) / KM_PER_DEG_LAT),
  ];
}

function arc(ring: keyof typeof RINGS, fromDeg: number, toDeg: number): GeoJsonPosition[] {
  const points: GeoJsonPosition[] = [];
  for (let deg = fromDeg; deg <= toDeg; deg += STEP_DEG) points.push(point(ring, deg % 360));
  return points;
}

/** The inner edge of a ring: the ring just inside it. */
const INSIDE: Record<'inner' | 'outer', 'core' | 'inner'> = { inner: 'core', outer: 'inner' };

/** Exterior ring of one district, counter-clockwise and closed, as RFC 7946 asks. */
function districtRing(placement: Placement): GeoJsonPosition[] {
  if (placement.ring === 'core') {
    const ring = arc('core', 0, 360 - STEP_DEG);
    return [...ring, ring[0]];
  }
  const outerArc = arc(placement.ring, placement.fromDeg, placement.toDeg);
  const innerArc = arc(INSIDE[placement.ring], placement.fromDeg, placement.toDeg).reverse();
  return [...outerArc, ...innerArc, outerArc[0]];
}

/** Thrown when the district list does not match the fixed demo layout. */
export class DemoLayoutMismatchError extends Error {
  constructor(readonly codes: string[]) {
    super(`Demo boundaries are laid out for ${Object.keys(DEMO_LAYOUT).join(', ')}; got ${codes.join(', ')}`);
    this.name = 'DemoLayoutMismatchError';
  }
}

/** District polygons of the demo city, one feature per district, in the order given. */
export function generateDemoDistrictBoundaries(districts: readonly DemoDistrict[]): DemoBoundaryCollection {
  const codes = districts.map((d) => d.code);
  const expected = Object.keys(DEMO_LAYOUT);
  if (codes.length !== expected.length || !expected.every((code) => codes.includes(code))) {
    throw new DemoLayoutMismatchError(codes);
  }
  return {
    type: 'FeatureCollection',
    features: districts.map((district) => ({
      type: 'Feature',
      properties: { code: district.code, name_zh: district.nameZh, name_en: district.nameEn },
      geometry: { type: 'Polygon', coordinates: [districtRing(DEMO_LAYOUT[district.code])] },
    })),
  };
}

/** The outline of the whole city (the outer edge of the outer ring). */
export function generateDemoCityOutline(city: DemoDistrict): DemoBoundaryCollection {
  const ring = arc('outer', 0, 360 - STEP_DEG);
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: city.code, name_zh: city.nameZh, name_en: city.nameEn },
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
      },
    ],
  };
}
