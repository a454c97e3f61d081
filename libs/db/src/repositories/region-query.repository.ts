import type { RegionLevel } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';

/** A region as the API shows it, with its boundary geometry as stored (GeoJSON). */
export interface RegionRecord {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
  population: number | null;
  boundary: unknown;
}

interface RegionRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  level: RegionLevel;
  parent_code: string | null;
  population: number | null;
  boundary: unknown;
}

function toRecord(row: RegionRow): RegionRecord {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    level: row.level,
    parentCode: row.parent_code,
    population: row.population,
    boundary: row.boundary,
  };
}

/** Reads regions (city, districts) for the API. */
export class RegionQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** All regions, city first then by code; boundaries only when asked (they are the bulk of the bytes). */
  async list(withBoundaries: boolean): Promise<RegionRecord[]> {
    const rows: RegionRow[] = await this.dataSource.query(
      `SELECT r.id, r.code, r.name_zh, r.name_en, r.level, p.code AS parent_code, r.population,
              ${withBoundaries ? 'r.boundary' : 'NULL::jsonb AS boundary'}
       FROM region r LEFT JOIN region p ON p.id = r.parent_id
       ORDER BY CASE r.level WHEN 'city' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, r.code`,
    );
    return rows.map(toRecord);
  }

  async findByCodes(codes: readonly string[]): Promise<RegionRecord[]> {
    if (codes.length === 0) return [];
    const rows: RegionRow[] = await this.dataSource.query(
      `SELECT r.id, r.code, r.name_zh, r.name_en, r.level, p.code AS parent_code, r.population, NULL::jsonb AS boundary
       FROM region r LEFT JOIN region p ON p.id = r.parent_id
       WHERE r.code = ANY($1::varchar[]) ORDER BY r.code`,
      [codes],
    );
    return rows.map(toRecord);
  }
}
