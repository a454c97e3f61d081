import type { Direction, Domain } from '@civicpulse/domain';
import type { LineageDto, Sparkline } from './lineage';
import type { KpiStatusDto, StatusColour } from './status';

/** A headline indicator on the overview. */
export interface HeadlineIndicatorDto {
  indicatorCode: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  direction: Direction;
  /** City-level latest value. */
  latest: number | null;
  latestPeriodStart: string | null;
  /** Value of the previous comparable bucket. */
  previous: number | null;
  /** latest − previous, null when either is missing. */
  change: number | null;
  /** Whether the change is good for the indicator's direction (null when unknown/flat). */
  improving: boolean | null;
  /** Status of the indicator in the best-scoring brand project that targets it; `no_data` otherwise. */
  status: KpiStatusDto;
  colour: StatusColour;
  sparkline: Sparkline;
  stale: boolean;
  /** Source, last run (id and status, to link and colour the tile), newest observation, next due. */
  lineage: LineageDto;
}

export interface DomainOverviewDto {
  domain: Domain;
  headlines: HeadlineIndicatorDto[];
  openAlertCount: number;
}

/** GET /api/overview */
export interface OverviewDto {
  cityCode: string;
  timeZone: string;
  domains: DomainOverviewDto[];
  openAlertCount: number;
  generatedAt: string;
}
