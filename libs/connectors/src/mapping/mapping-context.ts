import type { Grain, Indicator, Region } from '@civicpulse/domain';
import type { RawRecord } from '../connectors/connector';

/** A GeoJSON polygon or multipolygon in WGS84 lon/lat. */
export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** A region as mapping needs it: codes, names, aliases and (for point lookups) its boundary. */
export interface MappingRegion extends Pick<Region, 'code' | 'nameZh' | 'nameEn' | 'level' | 'aliases'> {
  boundary?: BoundaryGeometry | null;
}

/** An indicator as mapping needs it: its code, valid range and ratio scale. */
export type MappingIndicator = Pick<Indicator, 'code' | 'validMin' | 'validMax' | 'ratioScale'>;

/**
 * Everything mapping reads besides the record itself. Passing it in keeps mapping pure: the
 * same record and context always give the same result, and nothing is looked up on the side.
 */
export interface MappingContext {
  regions: readonly MappingRegion[];
  indicators: readonly MappingIndicator[];
  /** The city's time zone: periods start at local midnight / month start here. */
  timeZone: string;
}

/** One value ready to load: indicator, region, period (start instant of the local period), value. */
export interface MappedObservation {
  indicatorCode: string;
  regionCode: string;
  grain: Grain;
  /** UTC instant at which the local period starts in the city's time zone. */
  periodStart: Date;
  value: number;
  numerator?: number;
  denominator?: number;
}

/** Why a row was refused. */
export const REJECT_REASONS = [
  'missing_field',
  'unparseable_number',
  'unparseable_time',
  'unknown_region',
  'unknown_indicator',
  'out_of_range',
  'duplicate_in_batch',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** A refused row, kept with its raw content so a data team can see and fix it. */
export interface Reject {
  /** 1-based position of the row in the read (data rows, header excluded). */
  rowNumber: number;
  raw: RawRecord;
  reasonCode: RejectReason;
  message: string;
  /** The field at fault, when there is one. */
  field?: string;
  indicatorCode?: string;
}

function asBoundary(value: unknown): BoundaryGeometry | null {
  if (typeof value !== 'object' || value === null || !('type' in value) || !('coordinates' in value))
    return null;
  if (value.type !== 'Polygon' && value.type !== 'MultiPolygon') return null;
  return value as BoundaryGeometry;
}

/**
 * Builds a mapping context from catalogue rows as the database returns them (boundaries as stored
 * JSON; anything but a Polygon/MultiPolygon counts as no boundary).
 */
export function buildMappingContext(
  timeZone: string,
  regions: ReadonlyArray<Omit<MappingRegion, 'boundary'> & { boundary: unknown }>,
  indicators: readonly MappingIndicator[],
): MappingContext {
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
