import type { BrandKpi, BrandProject, Milestone } from '@civicpulse/domain';
import type { EntityManager } from 'typeorm';
import { countUpsert, type ApplyCounts, type ApplyReport } from './catalog-apply-report';

/** kpi_target_revision has a user reference, not a name: catalogue changes carry no user and say so in the reason. */
const REASON_NEW = 'catalog: initial target from the catalogue';
const REASON_CHANGED = 'catalog: target changed in the catalogue';

type Upserted = Array<{ inserted: boolean }>;

/** Writes the brand projects and everything that hangs off them. Projects are matched by code. */
export async function writeBrandProjects(
  em: EntityManager,
  projects: readonly BrandProject[],
  report: ApplyReport,
): Promise<void> {
  for (const project of projects) {
    const rows: Upserted = await em.query(
      `INSERT INTO brand_project (code, name_zh, name_en, slogan_zh, slogan_en, positioning_zh, positioning_en,
                                  core_value_zh, core_value_en, owner_department_id, start_date, end_date,
                                  satisfaction_share, provisioned)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT id FROM department WHERE code = $10), $11::date, $12::date, $13, true)
       ON CONFLICT (code) DO UPDATE SET
         name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, slogan_zh = EXCLUDED.slogan_zh,
         slogan_en = EXCLUDED.slogan_en, positioning_zh = EXCLUDED.positioning_zh,
         positioning_en = EXCLUDED.positioning_en, core_value_zh = EXCLUDED.core_value_zh,
         core_value_en = EXCLUDED.core_value_en, owner_department_id = EXCLUDED.owner_department_id,
         start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
         satisfaction_share = EXCLUDED.satisfaction_share, provisioned = true, updated_at = now()
       WHERE (brand_project.name_zh, brand_project.name_en, brand_project.slogan_zh, brand_project.slogan_en,
              brand_project.positioning_zh, brand_project.positioning_en, brand_project.core_value_zh,
              brand_project.core_value_en, brand_project.owner_department_id, brand_project.start_date,
              brand_project.end_date, brand_project.satisfaction_share, brand_project.provisioned)
         IS DISTINCT FROM
             (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.slogan_zh, EXCLUDED.slogan_en,
              EXCLUDED.positioning_zh, EXCLUDED.positioning_en, EXCLUDED.core_value_zh,
              EXCLUDED.core_value_en, EXCLUDED.owner_department_id, EXCLUDED.start_date,
              EXCLUDED.end_date, EXCLUDED.satisfaction_share, true)
       RETURNING (xmax = 0) AS inserted`,
      [
        project.code,
        project.nameZh,
        project.nameEn,
        project.sloganZh ?? null,
        project.sloganEn ?? null,
        project.positioningZh,
        project.positioningEn,
        project.coreValueZh,
        project.coreValueEn,
        project.ownerDepartment,
        project.startDate,
        project.endDate,
        project.satisfactionShare ?? 0.2,
      ],
    );
    countUpsert(report.counts.brandProjects, rows[0]);
    const [{ id }]: Array<{ id: number }> = await em.query('SELECT id FROM brand_project WHERE code = $1', [
      project.code,
    ]);
    await syncLinks(
      em,
      id,
      'brand_project_partner',
      'department_id',
      'department',
      project.partnerDepartments,
      report.counts.projectPartners,
    );
    await syncLinks(
      em,
      id,
      'brand_project_region',
      'region_id',
      'region',
      project.regionCodes,
      report.counts.projectRegions,
    );
    await syncKpis(em, id, project.kpis, report);
    await syncMilestones(em, id, project.milestones ?? [], report.counts.milestones);
  }
}

/**
 * Makes a join table hold exactly the wanted codes for one project: removes the others, adds the
 * missing ones. Table and column names are constants of this file, never input.
 */
async function syncLinks(
  em: EntityManager,
  projectId: number,
  table: 'brand_project_partner' | 'brand_project_region',
  column: 'department_id' | 'region_id',
  target: 'department' | 'region',
  codes: readonly string[],
  counts: ApplyCounts,
): Promise<void> {
  const removed = await countDeleted(
    em,
    `DELETE FROM ${table} AS link USING ${target} AS t
     WHERE link.project_id = $1 AND t.id = link.${column} AND NOT (t.code = ANY($2::text[]))
     RETURNING 1`,
    [projectId, codes],
  );
  const added: unknown[] = await em.query(
    `INSERT INTO ${table} (project_id, ${column})
     SELECT $1, t.id FROM ${target} AS t WHERE t.code = ANY($2::text[])
     ON CONFLICT DO NOTHING
     RETURNING ${column}`,
    [projectId, codes],
  );
  counts.deleted += removed;
  counts.inserted += added.length;
  counts.unchanged += codes.length - added.length;
}

/**
 * Runs a `DELETE … RETURNING` and counts the rows. Wrapped in a CTE because TypeORM returns
 * `[rows, affected]` instead of rows for a bare DELETE or UPDATE.
 */
async function countDeleted(em: EntityManager, deleteSql: string, params: unknown[]): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await em.query(
    `WITH gone AS (${deleteSql}) SELECT count(*)::int AS n FROM gone`,
    params,
  );
  return n;
}

interface KpiUpsertRow {
  id: number;
  inserted: boolean;
  old_value: number | null;
  old_date: string | null;
  target_changed: boolean;
}

/**
 * Upserts the KPIs of one project by indicator and deletes those no longer listed (the catalogue
 * owns a provisioned project's KPIs). `prev` reads the row as it was before the upsert: every
 * part of one statement sees the same snapshot, so old and new targets come out together and a
 * changed target gets its revision row.
 */
async function syncKpis(
  em: EntityManager,
  projectId: number,
  kpis: readonly BrandKpi[],
  report: ApplyReport,
): Promise<void> {
  for (const [sortOrder, kpi] of kpis.entries()) {
    const rows: KpiUpsertRow[] = await em.query(
      `WITH ind AS (SELECT id FROM indicator WHERE code = $2),
       prev AS (SELECT k.id, k.target_value, k.target_date FROM brand_kpi k, ind
                WHERE k.project_id = $1 AND k.indicator_id = ind.id),
       up AS (
         INSERT INTO brand_kpi (project_id, indicator_id, weight, role, baseline_value, baseline_date, target_value,
                                target_date, cumulative, region_targets, period_targets, sort_order)
         VALUES ($1, (SELECT id FROM ind), $3, $4, $5, $6::date, $7, $8::date, $9, $10::jsonb, $11::jsonb, $12)
         ON CONFLICT (project_id, indicator_id) DO UPDATE SET
           weight = EXCLUDED.weight, role = EXCLUDED.role, baseline_value = EXCLUDED.baseline_value,
           baseline_date = EXCLUDED.baseline_date, target_value = EXCLUDED.target_value,
           target_date = EXCLUDED.target_date, cumulative = EXCLUDED.cumulative,
           region_targets = EXCLUDED.region_targets, period_targets = EXCLUDED.period_targets,
           sort_order = EXCLUDED.sort_order, updated_at = now()
         WHERE (brand_kpi.weight, brand_kpi.role, brand_kpi.baseline_value, brand_kpi.baseline_date,
                brand_kpi.target_value, brand_kpi.target_date, brand_kpi.cumulative, brand_kpi.region_targets,
                brand_kpi.period_targets, brand_kpi.sort_order)
           IS DISTINCT FROM
               (EXCLUDED.weight, EXCLUDED.role, EXCLUDED.baseline_value, EXCLUDED.baseline_date,
                EXCLUDED.target_value, EXCLUDED.target_date, EXCLUDED.cumulative, EXCLUDED.region_targets,
                EXCLUDED.period_targets, EXCLUDED.sort_order)
         RETURNING id, (xmax = 0) AS inserted, target_value, target_date
       )
       SELECT up.id, up.inserted, prev.target_value AS old_value, prev.target_date::text AS old_date,
              (prev.id IS NULL OR (prev.target_value, prev.target_date) IS DISTINCT FROM (up.target_value, up.target_date))
                AS target_changed
       FROM up LEFT JOIN prev ON prev.id = up.id`,
      [
        projectId,
        kpi.indicatorCode,
        kpi.weight,
        kpi.role,
        kpi.baseline,
        kpi.baselineDate,
        kpi.target,
        kpi.targetDate,
        kpi.cumulative ?? false,
        kpi.regionTargets?.length ? JSON.stringify(kpi.regionTargets) : null,
        kpi.periodTargets?.length ? JSON.stringify(kpi.periodTargets) : null,
        sortOrder,
      ],
    );
    const row = rows[0];
    countUpsert(report.counts.brandKpis, row);
    if (row?.target_changed) {
      await em.query(
        `INSERT INTO kpi_target_revision (kpi_id, old_target_value, old_target_date, new_target_value, new_target_date,
                                          changed_by_id, reason)
         VALUES ($1, $2, $3::date, $4, $5::date, NULL, $6)`,
        [
          row.id,
          row.old_value,
          row.old_date,
          kpi.target,
          kpi.targetDate,
          row.inserted ? REASON_NEW : REASON_CHANGED,
        ],
      );
      report.targetRevisions += 1;
    }
  }
  report.counts.brandKpis.deleted += await countDeleted(
    em,
    `DELETE FROM brand_kpi AS k USING indicator AS i
     WHERE k.project_id = $1 AND i.id = k.indicator_id AND NOT (i.code = ANY($2::text[]))
     RETURNING 1`,
    [projectId, kpis.map((k) => k.indicatorCode)],
  );
}

interface MilestoneRow {
  id: number;
  date: string;
  title_zh: string;
  title_en: string;
}

/**
 * Milestones have no code: one is identified by its date and Chinese title. A changed English
 * title updates the row; anything else not listed any more is deleted and the new one inserted.
 */
async function syncMilestones(
  em: EntityManager,
  projectId: number,
  milestones: readonly Milestone[],
  counts: ApplyCounts,
): Promise<void> {
  const existing: MilestoneRow[] = await em.query(
    `SELECT id, date::text AS date, title_zh, title_en FROM milestone WHERE project_id = $1 ORDER BY id`,
    [projectId],
  );
  const byKey = new Map(existing.map((row) => [`${row.date}\u0000${row.title_zh}`, row]));
  for (const milestone of milestones) {
    const key = `${milestone.date}\u0000${milestone.titleZh}`;
    const row = byKey.get(key);
    if (!row) {
      await em.query(
        'INSERT INTO milestone (project_id, date, title_zh, title_en) VALUES ($1, $2::date, $3, $4)',
        [projectId, milestone.date, milestone.titleZh, milestone.titleEn],
      );
      counts.inserted += 1;
      continue;
    }
    byKey.delete(key);
    if (row.title_en === milestone.titleEn) {
      counts.unchanged += 1;
    } else {
      await em.query('UPDATE milestone SET title_en = $2 WHERE id = $1', [row.id, milestone.titleEn]);
      counts.updated += 1;
    }
  }
  const stale = [...byKey.values()].map((row) => row.id);
  if (stale.length > 0) {
    await em.query('DELETE FROM milestone WHERE id = ANY($1::int[])', [stale]);
    counts.deleted += stale.length;
  }
}
