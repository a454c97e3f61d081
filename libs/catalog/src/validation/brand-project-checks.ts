import type { ParsedCatalog } from '../loading/parsed-catalog';
import type { SourceFile } from '../loading/source-file';
import type { BrandProjectFile, KpiEntry } from '../schemas/brand-project.schema';
import type { IndicatorEntry } from '../schemas/indicator.schema';
import type { PathSegment } from './catalog-issue';
import type { IssueList } from './issue-list';
import { targetSideProblem } from './target-side';

/**
 * What brand projects may refer to. A set is undefined when the file defining it failed to load:
 * references into it are then not checked, so one broken file does not bury the author in
 * follow-up "unknown …" errors.
 */
interface References {
  indicators?: Map<string, IndicatorEntry>;
  regions?: Set<string>;
  departments?: Set<string>;
}

function referencesOf(parsed: ParsedCatalog, indicatorsComplete: boolean): References {
  const refs: References = {};
  if (indicatorsComplete) {
    refs.indicators = new Map(
      parsed.indicatorFiles.flatMap((f) => f.value.indicators.map((i) => [i.code, i] as const)),
    );
  }
  if (parsed.city)
    refs.regions = new Set([parsed.city.value.code, ...parsed.city.value.districts.map((d) => d.code)]);
  if (parsed.departments) refs.departments = new Set(parsed.departments.value.departments.map((d) => d.code));
  return refs;
}

class ProjectChecker {
  constructor(
    private readonly source: SourceFile,
    private readonly project: BrandProjectFile,
    private readonly refs: References,
    private readonly issues: IssueList,
  ) {}

  private add(path: PathSegment[], message: string): void {
    this.issues.add(this.source, path, message);
  }

  run(): void {
    this.checkDepartments();
    this.checkRegions();
    const { start, end } = this.project.period;
    if (start >= end)
      this.add(['period', 'end'], `period ends ${end}, not after its start ${start} (expected start < end)`);
    const seen = new Map<string, number>();
    this.project.kpis.forEach((kpi, i) => {
      const earlier = seen.get(kpi.indicator);
      if (earlier !== undefined) {
        this.add(
          ['kpis', i, 'indicator'],
          `indicator ${kpi.indicator} is already a KPI at kpis[${earlier}] (expected each indicator once per project)`,
        );
      }
      seen.set(kpi.indicator, i);
      this.checkKpi(kpi, ['kpis', i]);
    });
    const milestones = new Set<string>();
    (this.project.milestones ?? []).forEach((milestone, i) => {
      this.checkInPeriod(milestone.date, ['milestones', i, 'date']);
      // A milestone is identified by date and Chinese title when applied, so the pair is unique.
      const key = `${milestone.date} ${milestone.title.zh}`;
      if (milestones.has(key)) {
        this.add(['milestones', i], `milestone "${milestone.title.zh}" on ${milestone.date} is listed twice`);
      }
      milestones.add(key);
    });
    const hasSatisfaction = this.project.kpis.some((kpi) => kpi.role === 'satisfaction');
    if ((this.project.satisfaction_share ?? 0) > 0 && !hasSatisfaction) {
      this.add(
        ['satisfaction_share'],
        'is set but no KPI has role satisfaction (expected at least one satisfaction KPI, or no satisfaction_share)',
      );
    }
  }

  private checkDepartments(): void {
    const known = this.refs.departments;
    const { owner_department: owner, partner_departments: partners = [] } = this.project;
    if (known && !known.has(owner)) {
      this.add(
        ['owner_department'],
        `unknown department "${owner}" (expected a code from departments.yaml: ${[...known].join(', ')})`,
      );
    }
    const seen = new Set<string>();
    partners.forEach((code, i) => {
      const path = ['partner_departments', i];
      if (known && !known.has(code))
        this.add(path, `unknown department "${code}" (expected a code from departments.yaml)`);
      if (code === owner)
        this.add(path, `"${code}" is the owner department (expected partners other than the owner)`);
      if (seen.has(code)) this.add(path, `department "${code}" is listed twice`);
      seen.add(code);
    });
  }

  private checkRegions(): void {
    const known = this.refs.regions;
    const seen = new Set<string>();
    this.project.regions.forEach((code, i) => {
      if (known && !known.has(code))
        this.add(
          ['regions', i],
          `unknown region "${code}" (expected the city or one of its districts in city.yaml)`,
        );
      if (seen.has(code)) this.add(['regions', i], `region "${code}" is listed twice`);
      seen.add(code);
    });
  }

  private checkInPeriod(date: string, path: PathSegment[]): void {
    const { start, end } = this.project.period;
    if (date < start || date > end)
      this.add(
        path,
        `date ${date} is outside the project period ${start} – ${end} (expected a date inside it)`,
      );
  }

  private checkKpi(kpi: KpiEntry, base: PathSegment[]): void {
    if (kpi.baseline.date >= kpi.target.date) {
      this.add(
        [...base, 'target', 'date'],
        `target date ${kpi.target.date} is not after the baseline date ${kpi.baseline.date} (expected baseline date < target date)`,
      );
    }
    this.checkInPeriod(kpi.target.date, [...base, 'target', 'date']);
    this.checkRegionTargets(kpi, base);
    this.checkPeriodTargets(kpi, base);
    const indicators = this.refs.indicators;
    if (!indicators) return;
    const indicator = indicators.get(kpi.indicator);
    if (!indicator) {
      this.add(
        [...base, 'indicator'],
        `unknown indicator "${kpi.indicator}" (expected a code defined in indicators/*.yaml)`,
      );
      return;
    }
    const side = targetSideProblem(
      kpi.indicator,
      indicator.direction,
      indicator.band,
      kpi.baseline.value,
      kpi.target.value,
    );
    if (side) this.add([...base, 'target', 'value'], side);
    if (kpi.cumulative && indicator.aggregation.time !== 'sum') {
      this.add(
        [...base, 'cumulative'],
        `a cumulative KPI adds values up over the year, but ${kpi.indicator} aggregates over time by ${indicator.aggregation.time} (expected an indicator with time aggregation sum, or no cumulative)`,
      );
    }
    const range = indicator.valid_range;
    if (!range) return;
    const inRange = (value: number, path: PathSegment[]): void => {
      if (value < range.min || value > range.max) {
        this.add(
          path,
          `${value} is outside the valid range ${range.min}–${range.max} of ${kpi.indicator} (expected a plausible value)`,
        );
      }
    };
    inRange(kpi.baseline.value, [...base, 'baseline', 'value']);
    inRange(kpi.target.value, [...base, 'target', 'value']);
    (kpi.region_targets ?? []).forEach((rt, j) =>
      inRange(rt.target, [...base, 'region_targets', j, 'target']),
    );
  }

  private checkRegionTargets(kpi: KpiEntry, base: PathSegment[]): void {
    const covered = new Set(this.project.regions);
    const seen = new Set<string>();
    (kpi.region_targets ?? []).forEach((rt, j) => {
      const path = [...base, 'region_targets', j, 'region'];
      if (!covered.has(rt.region))
        this.add(
          path,
          `region "${rt.region}" is not covered by this project (expected one of regions: ${this.project.regions.join(', ')})`,
        );
      if (seen.has(rt.region))
        this.add(path, `region "${rt.region}" has two targets (expected one per region)`);
      seen.add(rt.region);
    });
  }

  private checkPeriodTargets(kpi: KpiEntry, base: PathSegment[]): void {
    const lo = Math.min(kpi.baseline.value, kpi.target.value);
    const hi = Math.max(kpi.baseline.value, kpi.target.value);
    let previous = kpi.baseline.date;
    (kpi.period_targets ?? []).forEach((pt, j) => {
      const path = [...base, 'period_targets', j];
      if (pt.date <= previous || pt.date > kpi.target.date) {
        this.add(
          [...path, 'date'],
          `date ${pt.date} is out of order (expected dates increasing after ${previous} and not after the target date ${kpi.target.date})`,
        );
      }
      if (pt.target < lo || pt.target > hi) {
        this.add(
          [...path, 'target'],
          `intermediate target ${pt.target} is not between the baseline ${kpi.baseline.value} and the target ${kpi.target.value}`,
        );
      }
      previous = pt.date;
    });
  }
}

/**
 * Cross-checks of brand projects against the rest of the catalogue: unique codes, known
 * departments, regions and indicators, targets on the right side for each indicator's direction
 * and within its valid range, consistent dates.
 */
export function checkBrandProjects(
  parsed: ParsedCatalog,
  issues: IssueList,
  indicatorsComplete: boolean,
): void {
  const refs = referencesOf(parsed, indicatorsComplete);
  const seen = new Map<string, string>();
  for (const { source, value } of parsed.brandProjects) {
    const earlier = seen.get(value.code);
    if (earlier)
      issues.add(
        source,
        ['code'],
        `duplicate brand project code "${value.code}" (already used by ${earlier}; expected each code once)`,
      );
    else seen.set(value.code, source.file);
    new ProjectChecker(source, value, refs, issues).run();
  }
}
