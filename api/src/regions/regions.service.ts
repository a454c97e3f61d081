import { Injectable } from '@nestjs/common';
import type { GeoJsonFeature, GeoJsonGeometry, RegionListDto } from '@civicpulse/contracts';
import { RegionQueryRepository } from '@civicpulse/db';

/** Stored boundaries are validated by the catalogue loader; anything else is dropped, not guessed. */
function asGeometry(value: unknown): GeoJsonGeometry | null {
  if (typeof value !== 'object' || value === null) return null;
  const g = value as { type?: unknown; coordinates?: unknown };
  if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates)) {
    return value as GeoJsonGeometry;
  }
  return null;
}

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionQueryRepository) {}

  async list(): Promise<RegionListDto> {
    const regions = await this.regions.list(true);
    const features: GeoJsonFeature[] = regions.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level },
      geometry: asGeometry(r.boundary),
    }));
    return {
      items: regions.map((r) => ({
        code: r.code,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        level: r.level,
        parentCode: r.parentCode,
        population: r.population,
      })),
      geojson: { type: 'FeatureCollection', features },
    };
  }
}
