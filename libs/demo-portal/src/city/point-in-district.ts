import type { DistrictShape, Ring } from './demo-city';

/** Even–odd ray casting test of a point against one ring. */
function insideRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside one of the shape's polygons and outside its holes. */
export function shapeContains(shape: DistrictShape, lon: number, lat: number): boolean {
  return shape.some(
    ([outer, ...holes]) =>
      outer !== undefined && insideRing(lon, lat, outer) && !holes.some((h) => insideRing(lon, lat, h)),
  );
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of a shape. */
export function shapeBounds(shape: DistrictShape): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of shape) {
    for (const [x, y] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}
