import type { BrandKpi, BrandProject, Milestone } from '@civicpulse/domain';
import type { DataSource } from 'typeorm';

/** A department as shown next to a project. */
export interface DepartmentRef {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A region a project covers. */
export interface ProjectRegionRef {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  population: number | null;
}

/** A brand project with everything the API shows about it. */
export interface BrandProjectRecord {
  id: number;
  /** The domain model (KPIs in display order, milestones by date). */
  project: BrandProject;
  ownerDepartment: DepartmentRef;
  partnerDepartments: DepartmentRef[];
  regions: ProjectRegionRef[];
  published: boolean;
  publishedAt: Date | null;
  publishedBy: string | null;
  /** brand_kpi.id by indicator code (targets are revised per KPI row). */
  kpiIds: Map<string, number>;
}

interface ProjectRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  slogan_zh: string | null;
  slogan_en: string | null;
  positioning_zh: string;
  positioning_en: string;
  core_value_zh: string;
  core_value_en: string;
  start_date: string;
  end_date: string;
  satisfaction_share: number;
  published: boolean;
  published_at: Date | null;
  published_by: string | null;
  owner_code: string;
  owner_name_zh: string;
  owner_name_en: string;
}

interface KpiRow {
  id: number;
  project_id: number;
  indicator_code: string;
  weight: number;
  role: BrandKpi['role'];
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  cumulative: boolean;
  region_targets: BrandKpi['regionTargets'] | null;
  period_targets: BrandKpi['periodTargets'] | null;
}

interface DepartmentRow extends DepartmentRef {
  project_id: number;
}

interface RegionRow {
  project_id: number;
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  population: number | null;
}

interface MilestoneRow {
  project_id: number;
  date: string;
  title_zh: string;
  title_en: string;
}

/** Reads brand projects with their KPIs, departments, regions and milestones; flips publication. */
export class BrandProjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every project, ordered by code. */
  async listAll(): Promise<BrandProjectRecord[]> {
    return this.load(null, false);
  }

  /** Published projects only (the public showcase). */
  async listPublished(): Promise<BrandProjectRecord[]> {
    return this.load(null, true);
  }

  async findByCode(code: string): Promise<BrandProjectRecord | null> {
    const [record] = await this.load(code, false);
    return record ?? null;
  }

  /**
   * Sets the published flag; returns false when the project does not exist. Unpublishing keeps
   * who published it last and when, for the audit trail shown next to the flag.
   */
  async setPublished(code: string, published: boolean, userId: number): Promise<boolean> {
    const sql = published
      ? `UPDATE brand_project SET published = true, published_at = now(), published_by_id = $2, updated_at = now()
         WHERE code = $1`
      : `UPDATE brand_project SET published = false, updated_at = now() WHERE code = $1`;
    // For UPDATE, TypeORM's query() resolves to [rows, affectedCount].
    const result: [unknown[], number] = await this.dataSource.query(sql, published ? [code, userId] : [code]);
    return result[1] > 0;
  }

  private async load(code: string | null, publishedOnly: boolean): Promise<BrandProjectRecord[]> {
    const projects: ProjectRow[] = await this.dataSource.query(
      `SELECT p.id, p.code, p.name_zh, p.name_en, p.slogan_zh, p.slogan_en, p.positioning_zh, p.positioning_en,
              p.core_value_zh, p.core_value_en, p.start_date::text AS start_date, p.end_date::text AS end_date,
              p.satisfaction_share, p.published, p.published_at, u.username AS published_by,
              d.code AS owner_code, d.name_zh AS owner_name_zh, d.name_en AS owner_name_en
       FROM brand_project p
       JOIN department d ON d.id = p.owner_department_id
       LEFT JOIN app_user u ON u.id = p.published_by_id
       WHERE ($1::varchar IS NULL OR p.code = $1::varchar) AND (NOT $2::boolean OR p.published)
       ORDER BY p.code`,
      [code, publishedOnly],
    );
    if (projects.length === 0) return [];
    const ids = projects.map((p) => p.id);
    const [kpis, partners, regions, milestones] = await Promise.all([
      this.dataSource.query(
        `SELECT k.id, k.project_id, i.code AS indicator_code, k.weight, k.role, k.baseline_value,
                k.baseline_date::text AS baseline_date, k.target_value, k.target_date::text AS target_date,
                k.cumulative, k.region_targets, k.period_targets
         FROM brand_kpi k JOIN indicator i ON i.id = k.indicator_id
         WHERE k.project_id = ANY($1::int[]) ORDER BY k.project_id, k.sort_order, k.id`,
        [ids],
      ) as Promise<KpiRow[]>,
      this.dataSource.query(
        `SELECT pp.project_id, d.code, d.name_zh AS "nameZh", d.name_en AS "nameEn"
         FROM brand_project_partner pp JOIN department d ON d.id = pp.department_id
         WHERE pp.project_id = ANY($1::int[]) ORDER BY d.code`,
        [ids],
      ) as Promise<DepartmentRow[]>,
      this.dataSource.query(
        `SELECT pr.project_id, r.id, r.code, r.name_zh, r.name_en, r.population
         FROM brand_project_region pr JOIN region r ON r.id = pr.region_id
         WHERE pr.project_id = ANY($1::int[]) ORDER BY r.code`,
        [ids],
      ) as Promise<RegionRow[]>,
      this.dataSource.query(
        `SELECT project_id, date::text AS date, title_zh, title_en FROM milestone
         WHERE project_id = ANY($1::int[]) ORDER BY date, id`,
        [ids],
      ) as Promise<MilestoneRow[]>,
    ]);
    return projects.map((p) => toRecord(p, kpis, partners, regions, milestones));
  }
}

function toRecord(
  p: ProjectRow,
  kpis: KpiRow[],
  partners: DepartmentRow[],
  regions: RegionRow[],
  milestones: MilestoneRow[],
): BrandProjectRecord {
  const own = kpis.filter((k) => k.project_id === p.id);
  const ownRegions = regions.filter((r) => r.project_id === p.id);
  const ownMilestones: Milestone[] = milestones
    .filter((m) => m.project_id === p.id)
    .map((m) => ({ date: m.date, titleZh: m.title_zh, titleEn: m.title_en }));
  const partnerDepartments = partners
    .filter((d) => d.project_id === p.id)
    .map((d) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn }));
  const project: BrandProject = {
    code: p.code,
    nameZh: p.name_zh,
    nameEn: p.name_en,
    sloganZh: p.slogan_zh ?? undefined,
    sloganEn: p.slogan_en ?? undefined,
    positioningZh: p.positioning_zh,
    positioningEn: p.positioning_en,
    coreValueZh: p.core_value_zh,
    coreValueEn: p.core_value_en,
    ownerDepartment: p.owner_code,
    partnerDepartments: partnerDepartments.map((d) => d.code),
    regionCodes: ownRegions.map((r) => r.code),
    startDate: p.start_date,
    endDate: p.end_date,
    satisfactionShare: p.satisfaction_share,
    kpis: own.map((k) => ({
      indicatorCode: k.indicator_code,
      weight: k.weight,
      role: k.role,
      baseline: k.baseline_value,
      baselineDate: k.baseline_date,
      target: k.target_value,
      targetDate: k.target_date,
      cumulative: k.cumulative,
      regionTargets: k.region_targets ?? undefined,
      periodTargets: k.period_targets ?? undefined,
    })),
    milestones: ownMilestones,
  };
  return {
    id: p.id,
    project,
    ownerDepartment: { code: p.owner_code, nameZh: p.owner_name_zh, nameEn: p.owner_name_en },
    partnerDepartments,
    regions: ownRegions.map((r) => ({
      id: r.id,
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      population: r.population,
    })),
    published: p.published,
    publishedAt: p.published_at,
    publishedBy: p.published_by,
    kpiIds: new Map(own.map((k) => [k.indicator_code, k.id])),
  };
}
