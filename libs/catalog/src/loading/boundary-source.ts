import type { GeoJsonPosition, RegionBoundary } from '@civicpulse/domain';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { boundaryCollectionSchema } from '../schemas/geojson.schema';
import type { PathSegment } from '../validation/catalog-issue';
import type { IssueList } from '../validation/issue-list';
import { checkAgainstSchema } from '../validation/schema-check';
import type { SourceFile, SourcePosition } from './source-file';

/** Where a boundary file is referenced from, so a missing file is reported at the reference. */
export interface BoundaryReference {
  source: SourceFile;
  path: PathSegment[];
  file: string;
}

/** Boundaries by region code, and the feature index each came from (for messages). */
export type BoundaryMap = Map<string, { boundary: RegionBoundary; featureIndex: number }>;

/** Line and column of a character offset. */
function positionOf(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Drops altitude (GeoJSON allows a third number) so positions are [lon, lat]. */
function toBoundary(geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }): RegionBoundary {
  const position = (p: number[]): GeoJsonPosition => [p[0], p[1]];
  if (geometry.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: (geometry.coordinates as number[][][]).map((ring) => ring.map(position)),
    };
  }
  return {
    type: 'MultiPolygon',
    coordinates: (geometry.coordinates as number[][][][]).map((poly) =>
      poly.map((ring) => ring.map(position)),
    ),
  };
}

/**
 * Reads a GeoJSON FeatureCollection of boundaries keyed by `properties.code`. Problems (missing
 * file, bad JSON, bad geometry, a code twice) go to `issues`; returns undefined if the file is
 * unusable.
 */
export async function readBoundaryFile(
  dir: string,
  ref: BoundaryReference,
  issues: IssueList,
): Promise<BoundaryMap | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, ref.file), 'utf8');
  } catch {
    issues.add(
      ref.source,
      ref.path,
      `boundary file "${ref.file}" not found (expected a GeoJSON FeatureCollection at this path, relative to the catalogue directory)`,
    );
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message);
    const at = offset ? positionOf(text, Number(offset[1])) : undefined;
    issues.addAt(
      ref.file,
      `invalid JSON: ${message} (expected a GeoJSON FeatureCollection)`,
      at?.line,
      at?.column,
    );
    return undefined;
  }
  const source: SourceFile = { file: ref.file, data, locate: () => undefined };
  const collection = checkAgainstSchema(boundaryCollectionSchema, source, issues);
  if (!collection) return undefined;
  const map: BoundaryMap = new Map();
  collection.features.forEach((feature, featureIndex) => {
    const code = feature.properties.code;
    const earlier = map.get(code);
    if (earlier) {
      issues.add(
        source,
        ['features', featureIndex, 'properties', 'code'],
        `region code "${code}" already has a boundary at features[${earlier.featureIndex}] (expected one feature per region)`,
      );
      return;
    }
    map.set(code, { boundary: toBoundary(feature.geometry), featureIndex });
  });
  return map;
}
