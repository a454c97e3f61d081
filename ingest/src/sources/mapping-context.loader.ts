import type { BoundaryGeometry, MappingContext } from '@civicpulse/connectors';
import { MappingReferenceRepository, type DataSource } from '@civicpulse/db';

function asBoundary(value: unknown): BoundaryGeometry | null {
  if (typeof value !== 'object' || value === null || !('type' in value) || !('coordinates' in value))
    return null;
  if (value.type !== 'Polygon' && value.type !== 'MultiPolygon') return null;
  return value as BoundaryGeometry;
}

/** Loads the catalogue's regions and indicators as the mapping step of a run needs them. */
export async function loadMappingContext(dataSource: DataSource, timeZone: string): Promise<MappingContext> {
  const references = new MappingReferenceRepository(dataSource);
  const [regions, indicators] = await Promise.all([references.regions(), references.indicators()]);
  return {
    timeZone,
    regions: regions.map((r) => ({ ...r, boundary: asBoundary(r.boundary) })),
    indicators: indicators.map((i) => ({
      code: i.code,
      validMin: i.validMin,
      validMax: i.validMax,
      ratioScale: i.ratioScale,
    })),
  };
}
