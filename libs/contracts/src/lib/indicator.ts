import type {
  Direction,
  Domain,
  Frequency,
  RegionAggregation,
  RegionLevel,
  TimeAggregation,
} from '@civicpulse/domain';
import type { SeriesGranularity, SeriesPoint } from './common';
import type { LineageDto } from './lineage';

/** GET /api/indicators item. */
export interface IndicatorDto {
  code: string;
  domain: Domain;
  nameZh: string;
  nameEn: string;
  definitionZh: string | null;
  definitionEn: string | null;
  unit: string;
  direction: Direction;
  band: { lo: number; hi: number; tolerance: number } | null;
  timeAggregation: TimeAggregation;
  regionAggregation: RegionAggregation;
  frequency: Frequency;
  validMin: number | null;
  validMax: number | null;
  standardRefs: { ref: string; status: string }[];
  /** Newest observation time, any region. */
  lastObservationAt: string | null;
}

/** Query of GET /api/indicators. */
export interface IndicatorListQuery {
  domain?: Domain;
  /** Free text matched against code and zh/en names. */
  q?: string;
}

/** One region's series in a series response. */
export interface RegionSeriesDto {
  regionCode: string;
  regionNameZh: string;
  regionNameEn: string;
  points: SeriesPoint[];
}

/** GET /api/indicators/:code/series?granularity=&regions=&from=&to= */
export interface IndicatorSeriesDto {
  indicatorCode: string;
  unit: string;
  granularity: SeriesGranularity;
  /** Inclusive local dates of the window. */
  from: string;
  to: string;
  timeZone: string;
  series: RegionSeriesDto[];
}

/** Query of the series / compare / csv endpoints (regions comma-separated on the wire). */
export interface IndicatorSeriesQuery {
  granularity?: SeriesGranularity;
  regions?: string;
  from?: string;
  to?: string;
}

/** GET /api/indicators/:code/compare?period=&regions= — one value per region, ranked. */
export interface RegionComparisonDto {
  indicatorCode: string;
  unit: string;
  direction: Direction;
  periodKey: string;
  /** Value over all compared regions, aggregated by the indicator's region rule. */
  aggregate: number | null;
  items: RegionComparisonItemDto[];
}

export interface RegionComparisonItemDto {
  regionCode: string;
  regionNameZh: string;
  regionNameEn: string;
  value: number | null;
  /** 1 = best according to the indicator's direction; null without data. */
  rank: number | null;
}

/** GET /api/indicators/:code/latest-by-region — for the district choropleth. */
export interface LatestByRegionDto {
  indicatorCode: string;
  unit: string;
  direction: Direction;
  level: RegionLevel;
  items: LatestByRegionItemDto[];
  /** Value range over items, for the visual map. */
  min: number | null;
  max: number | null;
  lineage: LineageDto | null;
}

export interface LatestByRegionItemDto {
  regionCode: string;
  regionNameZh: string;
  regionNameEn: string;
  value: number | null;
  /** ISO start of the bucket the value belongs to. */
  periodStart: string | null;
}
