import type {
  BrandKpi,
  BrandProject,
  CatalogBundle,
  CatalogRegion,
  Department,
  Indicator,
} from '@civicpulse/domain';
import type { BrandProjectFile, KpiEntry } from '../schemas/brand-project.schema';
import type { CityFile } from '../schemas/city.schema';
import type { IndicatorEntry, IndicatorFile } from '../schemas/indicator.schema';
import type { BoundaryMap } from './boundary-source';
import type { ParsedCatalog } from './parsed-catalog';

/** Aliases with the region's names and code always included, without repeats, in file order. */
function aliasesOf(extra: readonly string[], ...always: (string | undefined)[]): string[] {
  return [...new Set([...extra, ...always.filter((a): a is string => a !== undefined)])];
}

function regionsOf(
  city: CityFile,
  districtBoundaries?: BoundaryMap,
  cityBoundary?: BoundaryMap,
): CatalogRegion[] {
  const cityRegion: CatalogRegion = {
    code: city.code,
    nameZh: city.name.zh,
    nameEn: city.name.en,
    level: 'city',
    parentCode: null,
    population: city.population ?? city.districts.reduce((sum, d) => sum + d.population, 0),
    aliases: aliasesOf(city.aliases ?? [], city.name.zh, city.name.en, city.code),
    boundary: cityBoundary?.get(city.code)?.boundary ?? null,
  };
  const districts = city.districts.map(
    (d): CatalogRegion => ({
      code: d.code,
      nameZh: d.name.zh,
      nameEn: d.name.en,
      level: 'district',
      parentCode: city.code,
      population: d.population,
      aliases: aliasesOf(d.aliases ?? [], d.name.zh, d.short_name, d.name.en, d.code),
      boundary: districtBoundaries?.get(d.code)?.boundary ?? null,
    }),
  );
  return [cityRegion, ...districts];
}

function indicatorOf(domain: IndicatorFile['domain'], entry: IndicatorEntry): Indicator {
  return {
    code: entry.code,
    domain,
    nameZh: entry.name.zh,
    nameEn: entry.name.en,
    definitionZh: entry.definition?.zh,
    definitionEn: entry.definition?.en,
    unit: entry.unit,
    direction: entry.direction,
    band: entry.band ?? null,
    timeAggregation: entry.aggregation.time,
    regionAggregation: entry.aggregation.region,
    regionWeight: entry.aggregation.region_weight ?? null,
    ratioScale: entry.aggregation.ratio_scale,
    frequency: entry.frequency,
    validMin: entry.valid_range?.min ?? null,
    validMax: entry.valid_range?.max ?? null,
    standardRefs: entry.standard_refs ?? [],
  };
}

function kpiOf(entry: KpiEntry): BrandKpi {
  return {
    indicatorCode: entry.indicator,
    weight: entry.weight,
    role: entry.role,
    baseline: entry.baseline.value,
    baselineDate: entry.baseline.date,
    target: entry.target.value,
    targetDate: entry.target.date,
    cumulative: entry.cumulative ?? false,
    regionTargets: (entry.region_targets ?? []).map((rt) => ({ regionCode: rt.region, target: rt.target })),
    periodTargets: (entry.period_targets ?? []).map((pt) => ({ date: pt.date, target: pt.target })),
  };
}

function projectOf(entry: BrandProjectFile): BrandProject {
  return {
    code: entry.code,
    nameZh: entry.name.zh,
    nameEn: entry.name.en,
    sloganZh: entry.slogan?.zh,
    sloganEn: entry.slogan?.en,
    positioningZh: entry.positioning.zh,
    positioningEn: entry.positioning.en,
    coreValueZh: entry.core_value.zh,
    coreValueEn: entry.core_value.en,
    ownerDepartment: entry.owner_department,
    partnerDepartments: entry.partner_departments ?? [],
    regionCodes: entry.regions,
    startDate: entry.period.start,
    endDate: entry.period.end,
    satisfactionShare: entry.satisfaction_share ?? 0.2,
    kpis: entry.kpis.map(kpiOf),
    milestones: (entry.milestones ?? []).map((m) => ({
      date: m.date,
      titleZh: m.title.zh,
      titleEn: m.title.en,
    })),
  };
}

/** Thrown if a bundle is built from a catalogue that has not passed validation (a bug). */
export class IncompleteCatalogError extends Error {
  constructor(missing: string) {
    super(`Cannot build a catalogue bundle without ${missing}`);
    this.name = 'IncompleteCatalogError';
  }
}

/** Maps validated files to the domain model. Call only when validation found no issue. */
export function toCatalogBundle(parsed: ParsedCatalog): CatalogBundle {
  if (!parsed.city) throw new IncompleteCatalogError('city.yaml');
  if (!parsed.departments) throw new IncompleteCatalogError('departments.yaml');
  const city = parsed.city.value;
  const departments: Department[] = parsed.departments.value.departments.map((d) => ({
    code: d.code,
    nameZh: d.name.zh,
    nameEn: d.name.en,
  }));
  return {
    city: { code: city.code, nameZh: city.name.zh, nameEn: city.name.en, timeZone: city.time_zone },
    regions: regionsOf(city, parsed.districtBoundaries, parsed.cityBoundary),
    indicators: parsed.indicatorFiles.flatMap((file) =>
      file.value.indicators.map((entry) => indicatorOf(file.value.domain, entry)),
    ),
    departments,
    brandProjects: parsed.brandProjects.map((file) => projectOf(file.value)),
  };
}
