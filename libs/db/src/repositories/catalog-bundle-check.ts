import type { CatalogBundle } from '@civicpulse/domain';

/**
 * Thrown by catalogue apply before any write when the bundle does not hold together (a code
 * twice, a reference to something the bundle does not define). The catalogue loader reports
 * these with file and line; this is the last guard for bundles built some other way.
 */
export class CatalogBundleRejectedError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Catalogue bundle rejected before any write (${problems.length} problem(s)):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'CatalogBundleRejectedError';
  }
}

function duplicates(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const code of codes) (seen.has(code) ? twice : seen).add(code);
  return [...twice];
}

/**
 * Checks that a bundle can be written as a whole: unique codes per kind, the city among the
 * regions, every parent before its children, and every reference of a brand project (owner,
 * partners, regions, KPI indicators and region targets) defined in the same bundle.
 *
 * @throws CatalogBundleRejectedError listing every problem.
 */
export function assertBundleApplicable(bundle: CatalogBundle): void {
  const problems: string[] = [];
  const kinds: Array<[string, string[]]> = [
    ['region', bundle.regions.map((r) => r.code)],
    ['indicator', bundle.indicators.map((i) => i.code)],
    ['department', bundle.departments.map((d) => d.code)],
    ['brand project', bundle.brandProjects.map((p) => p.code)],
  ];
  for (const [kind, codes] of kinds) {
    for (const code of duplicates(codes)) problems.push(`${kind} code "${code}" appears more than once`);
  }

  const seenRegions = new Set<string>();
  for (const region of bundle.regions) {
    if (region.parentCode && !seenRegions.has(region.parentCode)) {
      problems.push(
        `region ${region.code}: parent "${region.parentCode}" is not an earlier region of the bundle`,
      );
    }
    seenRegions.add(region.code);
  }
  if (!bundle.regions.some((r) => r.code === bundle.city.code && r.level === 'city')) {
    problems.push(`city ${bundle.city.code} is not among the regions as a region of level city`);
  }

  const indicators = new Set(bundle.indicators.map((i) => i.code));
  const departments = new Set(bundle.departments.map((d) => d.code));
  for (const project of bundle.brandProjects) {
    const at = `brand project ${project.code}`;
    for (const code of [project.ownerDepartment, ...project.partnerDepartments]) {
      if (!departments.has(code)) problems.push(`${at}: department "${code}" is not in the bundle`);
    }
    for (const code of project.regionCodes) {
      if (!seenRegions.has(code)) problems.push(`${at}: region "${code}" is not in the bundle`);
    }
    for (const code of duplicates(project.kpis.map((k) => k.indicatorCode))) {
      problems.push(`${at}: indicator "${code}" is a KPI more than once`);
    }
    const milestoneKeys = (project.milestones ?? []).map((m) => `${m.date} ${m.titleZh}`);
    for (const key of duplicates(milestoneKeys))
      problems.push(`${at}: milestone "${key}" appears more than once`);
    project.kpis.forEach((kpi, i) => {
      if (!indicators.has(kpi.indicatorCode))
        problems.push(`${at}: kpis[${i}] indicator "${kpi.indicatorCode}" is not in the bundle`);
      if (!Number.isFinite(kpi.weight) || kpi.weight <= 0)
        problems.push(`${at}: kpis[${i}] weight ${String(kpi.weight)} is not a positive number`);
      for (const target of kpi.regionTargets ?? []) {
        if (!seenRegions.has(target.regionCode))
          problems.push(`${at}: kpis[${i}] region target "${target.regionCode}" is not in the bundle`);
      }
    });
  }
  if (problems.length > 0) throw new CatalogBundleRejectedError(problems);
}
