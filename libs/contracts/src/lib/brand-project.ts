import type { Direction, KpiRole } from '@civicpulse/domain';
import type { PeriodDto, SeriesGranularity, SeriesPoint } from './common';
import type { FreshnessDto, LineageDto, Sparkline } from './lineage';
import type { KpiFlag, KpiStatusDto, StatusColour, StatusCounts } from './status';

/** Headline score of a project for one period and region scope. */
export interface ProjectScoreDto {
  /** 0–100, null when `insufficientData`. */
  score: number | null;
  colour: StatusColour;
  /**
   * Share (0–1) of the KPI weight carried by KPIs with data in the period — the lowest over the
   * outcome and satisfaction parts, i.e. the figure the 80 % rule is applied to.
   */
  coverage: number;
  /** True when coverage < 0.8: no score is shown (SDG Index rule). */
  insufficientData: boolean;
  /** Outcome-only part (before blending satisfaction), null when not computable. */
  outcomeScore: number | null;
  /** Satisfaction-only part, null when the project has no satisfaction KPI with data. */
  satisfactionScore: number | null;
  /** Blend share α of satisfaction applied (0 when no satisfaction KPI). */
  satisfactionShare: number;
}

/** GET /api/brand-projects item. */
export interface BrandProjectListItemDto {
  code: string;
  nameZh: string;
  nameEn: string;
  sloganZh: string | null;
  sloganEn: string | null;
  ownerDepartment: DepartmentRefDto;
  /** Period the list was scored for (default: year to date). */
  period: PeriodDto;
  score: ProjectScoreDto;
  statusCounts: StatusCounts;
  kpiCount: number;
  freshness: FreshnessDto;
  published: boolean;
  startDate: string;
  endDate: string;
}

export interface DepartmentRefDto {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface RegionRefDto {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface MilestoneDto {
  date: string;
  titleZh: string;
  titleEn: string;
}

/** A KPI as configured (no values). */
export interface BrandKpiDto {
  indicatorCode: string;
  indicatorNameZh: string;
  indicatorNameEn: string;
  unit: string;
  direction: Direction;
  role: KpiRole;
  weight: number;
  baseline: number;
  baselineDate: string;
  target: number;
  targetDate: string;
  cumulative: boolean;
  /** Target band (lo/hi) for `target_band` indicators. */
  band: { lo: number; hi: number; tolerance: number } | null;
  regionTargets: { regionCode: string; target: number }[];
  periodTargets: { date: string; target: number }[];
}

/** GET /api/brand-projects/:code */
export interface BrandProjectDetailDto {
  code: string;
  nameZh: string;
  nameEn: string;
  sloganZh: string | null;
  sloganEn: string | null;
  /** 品牌定位 */
  positioningZh: string;
  positioningEn: string;
  /** 核心价值 */
  coreValueZh: string;
  coreValueEn: string;
  ownerDepartment: DepartmentRefDto;
  partnerDepartments: DepartmentRefDto[];
  regions: RegionRefDto[];
  startDate: string;
  endDate: string;
  satisfactionShare: number;
  kpis: BrandKpiDto[];
  milestones: MilestoneDto[];
  published: boolean;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** One KPI decomposed in a scorecard. */
export interface ScorecardKpiDto {
  indicatorCode: string;
  indicatorNameZh: string;
  indicatorNameEn: string;
  unit: string;
  direction: Direction;
  role: KpiRole;
  /** Aggregated value over the period and region scope; null when no data. */
  value: number | null;
  /**
   * Key of the period the value comes from (`2025`, `2025-09`) when it was carried forward
   * (flag `carried_forward`); null or absent when the value belongs to the requested period.
   */
  valuePeriod?: string | null;
  baseline: number;
  /** Target applicable to the scope (per-region target when a single region is selected). */
  target: number;
  band: { lo: number; hi: number; tolerance: number } | null;
  /** Progress to target p = (x − b)/(T − b), unclamped; null for band/level scores or no data. */
  progress: number | null;
  /** Expected progress e on the straight trajectory at the period end (0–1). */
  expectedProgress: number | null;
  /** 0–100, null when no data. */
  score: number | null;
  weight: number;
  /** Normalised weight (wᵢ / Σw over KPIs with data) × score — the points this KPI adds. */
  contribution: number | null;
  status: KpiStatusDto;
  colour: StatusColour;
  flags: KpiFlag[];
  /** Recent buckets of the KPI value (monthly) for a sparkline. */
  sparkline: Sparkline;
  lineage: LineageDto;
  /** Region codes in scope that had data. */
  regionsWithData: string[];
}

/** GET /api/brand-projects/:code/scorecard?period=&regions= */
export interface ScorecardDto {
  projectCode: string;
  projectNameZh: string;
  projectNameEn: string;
  period: PeriodDto;
  /** Region codes the scorecard aggregates over (the project's regions when not narrowed). */
  regions: string[];
  score: ProjectScoreDto;
  statusCounts: StatusCounts;
  kpis: ScorecardKpiDto[];
  freshness: FreshnessDto;
  /** ISO instant the scorecard was computed. */
  computedAt: string;
}

/** One cell of the district × KPI matrix. */
export interface MatrixCellDto {
  regionCode: string;
  indicatorCode: string;
  value: number | null;
  target: number;
  progress: number | null;
  score: number | null;
  status: KpiStatusDto;
  colour: StatusColour;
}

/** GET /api/brand-projects/:code/matrix?period= */
export interface ProjectMatrixDto {
  projectCode: string;
  period: PeriodDto;
  regions: RegionRefDto[];
  kpis: {
    indicatorCode: string;
    indicatorNameZh: string;
    indicatorNameEn: string;
    unit: string;
    weight: number;
  }[];
  /** Row-major: one cell per (region, kpi). */
  cells: MatrixCellDto[];
  /** Project score per region (same rules as the scorecard, scope = that region). */
  regionScores: { regionCode: string; score: ProjectScoreDto }[];
}

/** GET /api/brand-projects/:code/trend?kpi=&granularity=&regions= */
export interface ProjectTrendDto {
  projectCode: string;
  indicatorCode: string;
  unit: string;
  direction: Direction;
  granularity: SeriesGranularity;
  regions: string[];
  actual: SeriesPoint[];
  /** Straight trajectory from (baselineDate, baseline) to (targetDate, target), via period targets. */
  targetLine: SeriesPoint[] | null;
  /** Band for `target_band` indicators (drawn as an area). */
  targetBand: { lo: number; hi: number } | null;
  baseline: { date: string; value: number };
  target: { date: string; value: number };
  milestones: MilestoneDto[];
}
