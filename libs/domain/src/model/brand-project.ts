export const KPI_ROLES = ['outcome', 'satisfaction'] as const;
export type KpiRole = (typeof KPI_ROLES)[number];

export interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface KpiRegionTarget {
  regionCode: string;
  target: number;
}

export interface KpiPeriodTarget {
  /** ISO date (local) the intermediate target applies at, e.g. 2025-12-31. */
  date: string;
  target: number;
}

export interface BrandKpi {
  indicatorCode: string;
  weight: number;
  role: KpiRole;
  baseline: number;
  /** Local date the baseline was measured (t0), ISO yyyy-mm-dd. */
  baselineDate: string;
  target: number;
  /** Local date the target is due (tT), ISO yyyy-mm-dd. */
  targetDate: string;
  /** A cumulative KPI (sum over a year) is paced against the target pro-rated to date. */
  cumulative?: boolean;
  regionTargets?: KpiRegionTarget[];
  periodTargets?: KpiPeriodTarget[];
}

export interface Milestone {
  date: string;
  titleZh: string;
  titleEn: string;
}

export interface BrandProject {
  code: string;
  nameZh: string;
  nameEn: string;
  sloganZh?: string;
  sloganEn?: string;
  /** 品牌定位 */
  positioningZh: string;
  positioningEn: string;
  /** 核心价值 */
  coreValueZh: string;
  coreValueEn: string;
  ownerDepartment: string;
  partnerDepartments: string[];
  regionCodes: string[];
  startDate: string;
  endDate: string;
  /** Share of the satisfaction KPIs in the overall score (α, default 0.2). */
  satisfactionShare?: number;
  kpis: BrandKpi[];
  milestones?: Milestone[];
}
