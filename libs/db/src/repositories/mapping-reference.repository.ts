import type { RegionLevel } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';

/** A region as source mapping needs it: codes, names, aliases and the boundary for point lookups. */
export interface MappingRegionRow {
  code: string;
  nameZh: string;
  nameEn: string;
  level: RegionLevel;
  aliases: string[];
  /** GeoJSON Polygon/MultiPolygon as stored (null when the catalogue has none). */
  boundary: unknown;
}

/** An indicator as source mapping needs it: code, plausible range and ratio scale. */
export interface MappingIndicatorRow {
  code: string;
  validMin: number | null;
  validMax: number | null;
  ratioScale: number | undefined;
}

/**
 * The catalogue as the ingest mapping step reads it: every region and indicator, loaded once per
 * run (a city has hundreds of regions and tens of indicators, so whole-table reads are cheap).
 */
export class MappingReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async regions(): Promise<MappingRegionRow[]> {
    const rows: Array<{
      code: string;
      name_zh: string;
      name_en: string;
      level: RegionLevel;
      aliases: string[] | null;
      boundary: unknown;
    }> = await this.dataSource.query(
      'SELECT code, name_zh, name_en, level, aliases, boundary FROM region ORDER BY code',
    );
    return rows.map((r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      level: r.level,
      aliases: r.aliases ?? [],
      boundary: r.boundary ?? null,
    }));
  }

  async indicators(): Promise<MappingIndicatorRow[]> {
    const rows: Array<{
      code: string;
      valid_min: number | null;
      valid_max: number | null;
      ratio_scale: number | null;
    }> = await this.dataSource.query(
      'SELECT code, valid_min, valid_max, ratio_scale FROM indicator ORDER BY code',
    );
    return rows.map((r) => ({
      code: r.code,
      validMin: r.valid_min,
      validMax: r.valid_max,
      ratioScale: r.ratio_scale ?? undefined,
    }));
  }
}
