import type { CatalogBundle, CatalogRegion, Department, Indicator } from '@civicpulse/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CITY_SETTING_KEYS } from '../entities/city-setting.entity';
import {
  countUpsert,
  emptyApplyReport,
  type ApplyReport,
  type CatalogApplyKind,
} from './catalog-apply-report';
import { assertBundleApplicable } from './catalog-bundle-check';
import { writeBrandProjects } from './catalog-project-writer';

export * from './catalog-apply-report';
export { CatalogBundleRejectedError, assertBundleApplicable } from './catalog-bundle-check';

/** Serialises concurrent applies (two processes starting at once) inside their transactions. */
const APPLY_LOCK_KEY = 'civicpulse:catalog-apply';

type Upserted = Array<{ inserted: boolean }>;

/**
 * Writes the catalogue (city settings, regions, indicators, departments, brand projects with
 * their links, KPIs and milestones) to the database.
 *
 * Every upsert compares the stored row with the wanted one inside Postgres (`IS DISTINCT FROM`)
 * and leaves equal rows alone, so applying the same bundle twice writes nothing and no
 * `updated_at` moves. Rows are matched by code, never deleted, except KPIs, milestones and links
 * of the provisioned brand projects, which the catalogue owns. Observations are never touched.
 */
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Applies the bundle in one transaction (pass a manager to join an outer one, e.g. together
   * with the source manifests). The bundle is checked before the first write; any failure rolls
   * everything back.
   *
   * @throws CatalogBundleRejectedError when the bundle does not hold together (nothing written).
   */
  async apply(bundle: CatalogBundle, manager?: EntityManager): Promise<ApplyReport> {
    assertBundleApplicable(bundle);
    const work = async (em: EntityManager): Promise<ApplyReport> => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [APPLY_LOCK_KEY]);
      const report = emptyApplyReport();
      await this.writeCitySettings(em, bundle, report);
      for (const region of bundle.regions)
        countUpsert(report.counts.regions, await this.upsertRegion(em, region));
      for (const indicator of bundle.indicators)
        countUpsert(report.counts.indicators, await this.upsertIndicator(em, indicator));
      for (const department of bundle.departments)
        countUpsert(report.counts.departments, await this.upsertDepartment(em, department));
      await writeBrandProjects(em, bundle.brandProjects, report);
      report.changed = Object.keys(report.counts).some((kind) => {
        const c = report.counts[kind as CatalogApplyKind];
        return c.inserted + c.updated + c.deleted > 0;
      });
      return report;
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  private async writeCitySettings(
    em: EntityManager,
    bundle: CatalogBundle,
    report: ApplyReport,
  ): Promise<void> {
    const settings: Array<[string, string]> = [
      [CITY_SETTING_KEYS.cityCode, bundle.city.code],
      [CITY_SETTING_KEYS.timeZone, bundle.city.timeZone],
    ];
    for (const [key, value] of settings) {
      const rows: Upserted = await em.query(
        `INSERT INTO city_setting (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
         WHERE city_setting.value IS DISTINCT FROM EXCLUDED.value
         RETURNING (xmax = 0) AS inserted`,
        [key, value],
      );
      countUpsert(report.counts.citySettings, rows[0]);
    }
  }

  /** The parent is looked up by code; the bundle lists parents before their children. */
  private async upsertRegion(
    em: EntityManager,
    region: CatalogRegion,
  ): Promise<{ inserted: boolean } | undefined> {
    const rows: Upserted = await em.query(
      `INSERT INTO region (code, name_zh, name_en, level, parent_id, population, aliases, boundary, provisioned)
       VALUES ($1, $2, $3, $4, (SELECT id FROM region WHERE code = $5), $6, $7::text[], $8::jsonb, true)
       ON CONFLICT (code) DO UPDATE SET
         name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
         parent_id = EXCLUDED.parent_id, population = EXCLUDED.population, aliases = EXCLUDED.aliases,
         boundary = EXCLUDED.boundary, provisioned = true, updated_at = now()
       WHERE (region.name_zh, region.name_en, region.level, region.parent_id, region.population,
              region.aliases, region.boundary, region.provisioned)
         IS DISTINCT FROM
             (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.level, EXCLUDED.parent_id, EXCLUDED.population,
              EXCLUDED.aliases, EXCLUDED.boundary, true)
       RETURNING (xmax = 0) AS inserted`,
      [
        region.code,
        region.nameZh,
        region.nameEn,
        region.level,
        region.parentCode ?? null,
        region.population ?? null,
        region.aliases ?? [],
        region.boundary ? JSON.stringify(region.boundary) : null,
      ],
    );
    return rows[0];
  }

  private async upsertIndicator(
    em: EntityManager,
    indicator: Indicator,
  ): Promise<{ inserted: boolean } | undefined> {
    const rows: Upserted = await em.query(
      `INSERT INTO indicator (code, domain, name_zh, name_en, definition_zh, definition_en, unit, direction,
                              band_lo, band_hi, band_tolerance, time_aggregation, region_aggregation,
                              region_weight, ratio_scale, frequency, valid_min, valid_max, standard_refs, provisioned)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb, true)
       ON CONFLICT (code) DO UPDATE SET
         domain = EXCLUDED.domain, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
         definition_zh = EXCLUDED.definition_zh, definition_en = EXCLUDED.definition_en, unit = EXCLUDED.unit,
         direction = EXCLUDED.direction, band_lo = EXCLUDED.band_lo, band_hi = EXCLUDED.band_hi,
         band_tolerance = EXCLUDED.band_tolerance, time_aggregation = EXCLUDED.time_aggregation,
         region_aggregation = EXCLUDED.region_aggregation, region_weight = EXCLUDED.region_weight,
         ratio_scale = EXCLUDED.ratio_scale, frequency = EXCLUDED.frequency, valid_min = EXCLUDED.valid_min,
         valid_max = EXCLUDED.valid_max, standard_refs = EXCLUDED.standard_refs, provisioned = true,
         updated_at = now()
       WHERE (indicator.domain, indicator.name_zh, indicator.name_en, indicator.definition_zh,
              indicator.definition_en, indicator.unit, indicator.direction, indicator.band_lo, indicator.band_hi,
              indicator.band_tolerance, indicator.time_aggregation, indicator.region_aggregation,
              indicator.region_weight, indicator.ratio_scale, indicator.frequency, indicator.valid_min,
              indicator.valid_max, indicator.standard_refs, indicator.provisioned)
         IS DISTINCT FROM
             (EXCLUDED.domain, EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.definition_zh,
              EXCLUDED.definition_en, EXCLUDED.unit, EXCLUDED.direction, EXCLUDED.band_lo, EXCLUDED.band_hi,
              EXCLUDED.band_tolerance, EXCLUDED.time_aggregation, EXCLUDED.region_aggregation,
              EXCLUDED.region_weight, EXCLUDED.ratio_scale, EXCLUDED.frequency, EXCLUDED.valid_min,
              EXCLUDED.valid_max, EXCLUDED.standard_refs, true)
       RETURNING (xmax = 0) AS inserted`,
      [
        indicator.code,
        indicator.domain,
        indicator.nameZh,
        indicator.nameEn,
        indicator.definitionZh ?? null,
        indicator.definitionEn ?? null,
        indicator.unit,
        indicator.direction,
        indicator.band?.lo ?? null,
        indicator.band?.hi ?? null,
        indicator.band?.tolerance ?? null,
        indicator.timeAggregation,
        indicator.regionAggregation,
        indicator.regionWeight ?? null,
        indicator.ratioScale ?? null,
        indicator.frequency,
        indicator.validMin ?? null,
        indicator.validMax ?? null,
        JSON.stringify(indicator.standardRefs ?? []),
      ],
    );
    return rows[0];
  }

  private async upsertDepartment(
    em: EntityManager,
    department: Department,
  ): Promise<{ inserted: boolean } | undefined> {
    const rows: Upserted = await em.query(
      `INSERT INTO department (code, name_zh, name_en, provisioned) VALUES ($1, $2, $3, true)
       ON CONFLICT (code) DO UPDATE SET
         name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, provisioned = true, updated_at = now()
       WHERE (department.name_zh, department.name_en, department.provisioned)
         IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, true)
       RETURNING (xmax = 0) AS inserted`,
      [department.code, department.nameZh, department.nameEn],
    );
    return rows[0];
  }
}
