import type { Domain, Indicator } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';

/** An indicator with its row id and the weight field of `weighted_mean` aggregation. */
export interface IndicatorRecord extends Indicator {
  id: number;
  /** Weight of `weighted_mean` over regions; null = population. */
  regionWeight: string | null;
}

export interface IndicatorSearch {
  domain?: Domain;
  /** Matched case-insensitively against code and both names. */
  text?: string;
}

interface IndicatorRow {
  id: number;
  code: string;
  domain: Indicator['domain'];
  name_zh: string;
  name_en: string;
  definition_zh: string | null;
  definition_en: string | null;
  unit: string;
  direction: Indicator['direction'];
  band_lo: number | null;
  band_hi: number | null;
  band_tolerance: number | null;
  time_aggregation: Indicator['timeAggregation'];
  region_aggregation: Indicator['regionAggregation'];
  region_weight: string | null;
  ratio_scale: number | null;
  frequency: Indicator['frequency'];
  valid_min: number | null;
  valid_max: number | null;
  standard_refs: Indicator['standardRefs'];
}

const COLUMNS = `id, code, domain, name_zh, name_en, definition_zh, definition_en, unit, direction, band_lo, band_hi,
  band_tolerance, time_aggregation, region_aggregation, region_weight, ratio_scale, frequency, valid_min, valid_max,
  standard_refs`;

function toRecord(row: IndicatorRow): IndicatorRecord {
  const band =
    row.band_lo !== null && row.band_hi !== null
      ? { lo: row.band_lo, hi: row.band_hi, tolerance: row.band_tolerance ?? 0 }
      : null;
  return {
    id: row.id,
    code: row.code,
    domain: row.domain,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    definitionZh: row.definition_zh ?? undefined,
    definitionEn: row.definition_en ?? undefined,
    unit: row.unit,
    direction: row.direction,
    band,
    timeAggregation: row.time_aggregation,
    regionAggregation: row.region_aggregation,
    regionWeight: row.region_weight,
    ratioScale: row.ratio_scale ?? undefined,
    frequency: row.frequency,
    validMin: row.valid_min,
    validMax: row.valid_max,
    standardRefs: row.standard_refs ?? [],
  };
}

/** Escapes LIKE wildcards so a search for `50%` matches the text, not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reads indicator definitions for the API (the catalogue writes them). */
export class IndicatorQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(search: IndicatorSearch = {}): Promise<IndicatorRecord[]> {
    const rows: IndicatorRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM indicator
       WHERE ($1::varchar IS NULL OR domain = $1::varchar)
         AND ($2::text IS NULL OR code ILIKE $2::text OR name_zh ILIKE $2::text OR name_en ILIKE $2::text)
       ORDER BY domain, code`,
      [search.domain ?? null, search.text ? likePattern(search.text) : null],
    );
    return rows.map(toRecord);
  }

  async findByCodes(codes: readonly string[]): Promise<IndicatorRecord[]> {
    if (codes.length === 0) return [];
    const rows: IndicatorRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM indicator WHERE code = ANY($1::varchar[]) ORDER BY code`,
      [codes],
    );
    return rows.map(toRecord);
  }

  async findByCode(code: string): Promise<IndicatorRecord | null> {
    const [record] = await this.findByCodes([code]);
    return record ?? null;
  }
}
