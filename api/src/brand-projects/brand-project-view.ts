import type { BrandKpiDto, BrandProjectDetailDto } from '@civicpulse/contracts';
import type { BrandProject } from '@civicpulse/domain';
import type { ProjectContext } from './project-context.service';

/** Names, slogan, positioning (品牌定位) and core value (核心价值): what every view of a project shows. */
export function projectIdentity(p: BrandProject) {
  return {
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    sloganZh: p.sloganZh ?? null,
    sloganEn: p.sloganEn ?? null,
    positioningZh: p.positioningZh,
    positioningEn: p.positioningEn,
    coreValueZh: p.coreValueZh,
    coreValueEn: p.coreValueEn,
  };
}

/** The configured side of a project (no values): positioning, departments, regions, KPIs, milestones. */
export function toDetailDto(context: ProjectContext): BrandProjectDetailDto {
  const { record } = context;
  const p = record.project;
  const kpis: BrandKpiDto[] = p.kpis.map((kpi) => {
    const indicator = context.indicators.get(kpi.indicatorCode);
    return {
      indicatorCode: kpi.indicatorCode,
      indicatorNameZh: indicator?.nameZh ?? kpi.indicatorCode,
      indicatorNameEn: indicator?.nameEn ?? kpi.indicatorCode,
      unit: indicator?.unit ?? '',
      direction: indicator?.direction ?? 'higher_is_better',
      role: kpi.role,
      weight: kpi.weight,
      baseline: kpi.baseline,
      baselineDate: kpi.baselineDate,
      target: kpi.target,
      targetDate: kpi.targetDate,
      cumulative: Boolean(kpi.cumulative),
      band: indicator?.band ?? null,
      regionTargets: kpi.regionTargets ?? [],
      periodTargets: kpi.periodTargets ?? [],
    };
  });
  return {
    ...projectIdentity(p),
    ownerDepartment: record.ownerDepartment,
    partnerDepartments: record.partnerDepartments,
    regions: record.regions.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn })),
    startDate: p.startDate,
    endDate: p.endDate,
    satisfactionShare: p.satisfactionShare ?? 0.2,
    kpis,
    milestones: p.milestones ?? [],
    published: record.published,
    publishedAt: record.publishedAt?.toISOString() ?? null,
    publishedBy: record.publishedBy,
  };
}
