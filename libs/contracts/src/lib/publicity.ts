import type { MilestoneDto, ProjectScoreDto } from './brand-project';
import type { KpiStatusDto, StatusColour } from './status';
import type { Lang, PeriodDto, SeriesPoint } from './common';

/** POST /api/brand-projects/:code/publish response (and DELETE). */
export interface PublishStateDto {
  code: string;
  published: boolean;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** GET /api/public/brand-projects item: no internal fields (no departments' people, no lineage, no weights). */
export interface PublicBrandProjectSummaryDto {
  code: string;
  nameZh: string;
  nameEn: string;
  sloganZh: string | null;
  sloganEn: string | null;
  positioningZh: string;
  positioningEn: string;
  score: number | null;
  colour: StatusColour;
}

export interface PublicKpiDto {
  indicatorCode: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  value: number | null;
  baseline: number;
  target: number;
  status: KpiStatusDto;
  colour: StatusColour;
  /** Monthly series for a small chart. */
  series: SeriesPoint[];
}

/** GET /api/public/brand-projects/:code — the showcase page payload. */
export interface PublicBrandProjectDto {
  code: string;
  nameZh: string;
  nameEn: string;
  sloganZh: string | null;
  sloganEn: string | null;
  positioningZh: string;
  positioningEn: string;
  coreValueZh: string;
  coreValueEn: string;
  ownerDepartmentNameZh: string;
  ownerDepartmentNameEn: string;
  regionNamesZh: string[];
  regionNamesEn: string[];
  startDate: string;
  endDate: string;
  period: PeriodDto;
  score: Pick<ProjectScoreDto, 'score' | 'colour' | 'insufficientData'>;
  kpis: PublicKpiDto[];
  milestones: MilestoneDto[];
  /** ISO instant of the newest data shown. */
  dataAsOf: string | null;
}

export const BRIEF_FORMATS = ['text', 'markdown'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** GET /api/brand-projects/:code/brief?period=&lang=&format= */
export interface BriefDto {
  projectCode: string;
  period: PeriodDto;
  lang: Lang;
  format: BriefFormat;
  title: string;
  /** The whole brief in the requested format. */
  body: string;
  /** One sentence per KPI, e.g. 「目标 85%，实际 82%，较上季度提高 3 个百分点，2 个区落后于进度」. */
  lines: string[];
  generatedAt: string;
}
