import type { DataSource } from 'typeorm';

/**
 * Resolves catalogue codes to the integer ids the observation tables use. Ingest resolves a page
 * of mapped rows in one round trip per kind, never one query per row.
 */
export class ReferenceLookupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Indicator ids by code; unknown codes are simply absent from the map. */
  async findIndicatorIdsByCode(codes: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ code: string; id: number }> = await this.dataSource.query(
      'SELECT code, id FROM indicator WHERE code = ANY($1::text[])',
      [unique(codes)],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  /** Region ids by code; unknown codes are simply absent from the map. */
  async findRegionIdsByCode(codes: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ code: string; id: number }> = await this.dataSource.query(
      'SELECT code, id FROM region WHERE code = ANY($1::text[])',
      [unique(codes)],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  /**
   * Every region's id keyed by its code, its zh and en names and each alias, for mapping the
   * names found in source files. Small (a city has hundreds of regions), so loaded whole.
   */
  async findRegionIdsByName(): Promise<Map<string, number>> {
    const rows: Array<{ id: number; code: string; name_zh: string; name_en: string; aliases: string[] }> =
      await this.dataSource.query('SELECT id, code, name_zh, name_en, aliases FROM region ORDER BY id');
    const byName = new Map<string, number>();
    for (const row of rows) {
      for (const key of [row.code, row.name_zh, row.name_en, ...row.aliases]) {
        if (!byName.has(key)) byName.set(key, row.id);
      }
    }
    return byName;
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
