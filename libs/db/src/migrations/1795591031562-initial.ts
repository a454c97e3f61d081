// Generated from the entities by libs/db/scripts/generate-migration.mjs, then reviewed.
// The whole initial schema: catalogue, ingest bookkeeping, observations and rollups, brand
// projects, alerts, users and audit. Constraint and index names are the entities' explicit ones.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795591031562 implements MigrationInterface {
  name = 'Initial1795591031562';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "code" character varying(128) NOT NULL, "domain" character varying(16) NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "definition_zh" text, "definition_en" text, "unit" character varying(64) NOT NULL, "direction" character varying(24) NOT NULL, "band_lo" double precision, "band_hi" double precision, "band_tolerance" double precision, "time_aggregation" character varying(16) NOT NULL, "region_aggregation" character varying(16) NOT NULL, "region_weight" character varying(32), "ratio_scale" double precision, "frequency" character varying(8) NOT NULL, "valid_min" double precision, "valid_max" double precision, "standard_refs" jsonb NOT NULL DEFAULT '[]', "provisioned" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_indicator_frequency" CHECK ("frequency" IN ('hour', 'day', 'month', 'quarter', 'year')), CONSTRAINT "chk_indicator_region_aggregation" CHECK ("region_aggregation" IN ('sum', 'mean', 'weighted_mean', 'ratio_of_sums')), CONSTRAINT "chk_indicator_time_aggregation" CHECK ("time_aggregation" IN ('sum', 'mean', 'last', 'ratio')), CONSTRAINT "chk_indicator_direction" CHECK ("direction" IN ('higher_is_better', 'lower_is_better', 'target_band')), CONSTRAINT "chk_indicator_domain" CHECK ("domain" IN ('traffic', 'health', 'education', 'satisfaction')), CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_indicator_code" ON "indicator" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "region" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "code" character varying(32) NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "level" character varying(16) NOT NULL, "parent_id" integer, "population" integer, "aliases" text array NOT NULL DEFAULT '{}', "boundary" jsonb, "provisioned" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_region_level" CHECK ("level" IN ('city', 'district', 'subdistrict')), CONSTRAINT "PK_5f48ffc3af96bc486f5f3f3a6da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_region_code" ON "region" ("code") `);
    await queryRunner.query(`CREATE INDEX "idx_region_parent" ON "region" ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "alert_rule" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "name" text NOT NULL, "indicator_id" integer NOT NULL, "region_id" integer, "kind" character varying(16) NOT NULL, "threshold" double precision, "window_seconds" integer, "channels" text array NOT NULL DEFAULT '{}', "enabled" boolean NOT NULL DEFAULT true, CONSTRAINT "chk_alert_rule_kind" CHECK ("kind" IN ('above', 'below', 'change_pct', 'stale')), CONSTRAINT "PK_e9bf555f33872d7b50eb2421a17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_alert_rule_indicator" ON "alert_rule" ("indicator_id") `);
    await queryRunner.query(
      `CREATE TABLE "alert_event" ("id" SERIAL NOT NULL, "rule_id" integer NOT NULL, "region_id" integer, "state" character varying(16) NOT NULL DEFAULT 'open', "value" double precision, "message" text NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_alert_event_state" CHECK ("state" IN ('open', 'resolved')), CONSTRAINT "PK_1c7366edb86d2fff4713e74c6eb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_alert_event_opened" ON "alert_event" ("opened_at") `);
    await queryRunner.query(
      `CREATE INDEX "idx_alert_event_rule_state" ON "alert_event" ("rule_id", "state") `,
    );
    await queryRunner.query(
      `CREATE TABLE "department" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "code" character varying(64) NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "provisioned" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_department_code" ON "department" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" SERIAL NOT NULL, "username" character varying(64) NOT NULL, "password_hash" character varying(100) NOT NULL, "display_name" text NOT NULL, "role" character varying(16) NOT NULL DEFAULT 'viewer', "department_id" integer, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_app_user_role" CHECK ("role" IN ('viewer', 'operator', 'data_admin', 'admin')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user" ("username") `);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_id" integer, "actor_name" character varying(64) NOT NULL, "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(128), "before" jsonb, "after" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_log_at" ON "audit_log" ("at") `);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_log_entity" ON "audit_log" ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "brand_project" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "code" character varying(64) NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "slogan_zh" text, "slogan_en" text, "positioning_zh" text NOT NULL, "positioning_en" text NOT NULL, "core_value_zh" text NOT NULL, "core_value_en" text NOT NULL, "owner_department_id" integer NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "satisfaction_share" double precision NOT NULL DEFAULT '0.2', "published" boolean NOT NULL DEFAULT false, "published_by_id" integer, "published_at" TIMESTAMP WITH TIME ZONE, "provisioned" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_brand_project_period" CHECK ("end_date" >= "start_date"), CONSTRAINT "chk_brand_project_satisfaction_share" CHECK ("satisfaction_share" >= 0 AND "satisfaction_share" <= 1), CONSTRAINT "PK_d5d82c97a8d359cb4f46b27bc65" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_brand_project_code" ON "brand_project" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "brand_kpi" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "project_id" integer NOT NULL, "indicator_id" integer NOT NULL, "weight" double precision NOT NULL, "role" character varying(16) NOT NULL DEFAULT 'outcome', "baseline_value" double precision NOT NULL, "baseline_date" date NOT NULL, "target_value" double precision NOT NULL, "target_date" date NOT NULL, "cumulative" boolean NOT NULL DEFAULT false, "region_targets" jsonb, "period_targets" jsonb, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "chk_brand_kpi_weight" CHECK ("weight" > 0), CONSTRAINT "chk_brand_kpi_role" CHECK ("role" IN ('outcome', 'satisfaction')), CONSTRAINT "PK_4309aef9c2a56ebf1adcc61d04e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_brand_kpi_indicator" ON "brand_kpi" ("indicator_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_brand_kpi_project_indicator" ON "brand_kpi" ("project_id", "indicator_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "city_setting" ("key" character varying(64) NOT NULL, "value" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_city_setting" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "source" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "key" character varying(128) NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "connector_type" character varying(64) NOT NULL, "manifest" jsonb NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "schedule" character varying(128), "stale_after_seconds" integer, "owner_department_id" integer, "provisioned" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_source_key" ON "source" ("key") `);
    await queryRunner.query(
      `CREATE TABLE "ingest_run" ("id" SERIAL NOT NULL, "source_id" integer NOT NULL, "trigger" character varying(16) NOT NULL, "run_key" character varying(200), "window_from" TIMESTAMP WITH TIME ZONE, "window_to" TIMESTAMP WITH TIME ZONE, "status" character varying(16) NOT NULL DEFAULT 'queued', "rows_read" integer NOT NULL DEFAULT '0', "rows_inserted" integer NOT NULL DEFAULT '0', "rows_updated" integer NOT NULL DEFAULT '0', "rows_unchanged" integer NOT NULL DEFAULT '0', "rows_rejected" integer NOT NULL DEFAULT '0', "pages" integer NOT NULL DEFAULT '0', "error_class" character varying(128), "error_message" text, "attempt" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_ingest_run_status" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed', 'partial')), CONSTRAINT "chk_ingest_run_trigger" CHECK ("trigger" IN ('manual', 'schedule', 'backfill', 'cli')), CONSTRAINT "PK_a84c5d71c80d68ce3d4b35ed4e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_ingest_run_key" ON "ingest_run" ("run_key") `);
    await queryRunner.query(
      `CREATE INDEX "idx_ingest_run_source_started" ON "ingest_run" ("source_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ingest_reject" ("id" BIGSERIAL NOT NULL, "run_id" integer NOT NULL, "row_number" integer NOT NULL, "raw" jsonb, "reason_code" character varying(64) NOT NULL, "message" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_23670af35331f2558b8ccaba24e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_ingest_reject_run_row" ON "ingest_reject" ("run_id", "row_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_target_revision" ("id" SERIAL NOT NULL, "kpi_id" integer NOT NULL, "old_target_value" double precision, "old_target_date" date, "new_target_value" double precision NOT NULL, "new_target_date" date NOT NULL, "changed_by_id" integer, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text NOT NULL, CONSTRAINT "PK_6cf7a677c69310bceeef1bcbe6f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_kpi_target_revision_kpi_changed" ON "kpi_target_revision" ("kpi_id", "changed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "milestone" ("id" SERIAL NOT NULL, "project_id" integer NOT NULL, "date" date NOT NULL, "title_zh" text NOT NULL, "title_en" text NOT NULL, CONSTRAINT "PK_f8372abce331f60ba7b33fe23a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_milestone_project_date" ON "milestone" ("project_id", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "observation" ("indicator_id" integer NOT NULL, "region_id" integer NOT NULL, "grain" character varying(8) NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "value" double precision NOT NULL, "numerator" double precision, "denominator" double precision, "quality" character varying(16) NOT NULL DEFAULT 'ok', "source_id" integer, "ingest_run_id" integer, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_observation_quality" CHECK ("quality" IN ('ok', 'estimated', 'provisional', 'suspect')), CONSTRAINT "chk_observation_grain" CHECK ("grain" IN ('instant', 'hour', 'day', 'month', 'quarter', 'year')), CONSTRAINT "pk_observation" PRIMARY KEY ("indicator_id", "region_id", "grain", "period_start"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_observation_ingest_run" ON "observation" ("ingest_run_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_observation_region_period" ON "observation" ("region_id", "period_start") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rollup_day" ("indicator_id" integer NOT NULL, "region_id" integer NOT NULL, "bucket" date NOT NULL, "count" integer NOT NULL, "sum" double precision NOT NULL, "min" double precision NOT NULL, "max" double precision NOT NULL, "last_value" double precision NOT NULL, "last_at" TIMESTAMP WITH TIME ZONE NOT NULL, "numerator_sum" double precision, "denominator_sum" double precision, CONSTRAINT "PK_86fa0b0d07ecf2c5a448ef41786" PRIMARY KEY ("indicator_id", "region_id", "bucket"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "rollup_month" ("indicator_id" integer NOT NULL, "region_id" integer NOT NULL, "bucket" date NOT NULL, "count" integer NOT NULL, "sum" double precision NOT NULL, "min" double precision NOT NULL, "max" double precision NOT NULL, "last_value" double precision NOT NULL, "last_at" TIMESTAMP WITH TIME ZONE NOT NULL, "numerator_sum" double precision, "denominator_sum" double precision, CONSTRAINT "PK_968da73b95c623c937cd4bfed89" PRIMARY KEY ("indicator_id", "region_id", "bucket"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "rollup_year" ("indicator_id" integer NOT NULL, "region_id" integer NOT NULL, "bucket" date NOT NULL, "count" integer NOT NULL, "sum" double precision NOT NULL, "min" double precision NOT NULL, "max" double precision NOT NULL, "last_value" double precision NOT NULL, "last_at" TIMESTAMP WITH TIME ZONE NOT NULL, "numerator_sum" double precision, "denominator_sum" double precision, CONSTRAINT "PK_f8238b43d3f5d145b082b93e4b7" PRIMARY KEY ("indicator_id", "region_id", "bucket"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "source_state" ("source_id" integer NOT NULL, "stream" character varying(128) NOT NULL, "cursor" jsonb, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_source_state" PRIMARY KEY ("source_id", "stream"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "brand_project_partner" ("project_id" integer NOT NULL, "department_id" integer NOT NULL, CONSTRAINT "PK_bc9211e5f8f2cf46a028bc187a8" PRIMARY KEY ("project_id", "department_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_92dcbca803bc2f3aad639275b0" ON "brand_project_partner" ("project_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_36ca377103a5e3b2b6ba6fe597" ON "brand_project_partner" ("department_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "brand_project_region" ("project_id" integer NOT NULL, "region_id" integer NOT NULL, CONSTRAINT "PK_243f1109dd70c7eec7c23b98719" PRIMARY KEY ("project_id", "region_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6e0d3f5b945a2faf98d3ab78f3" ON "brand_project_region" ("project_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7822b7827ed4bef0772f499510" ON "brand_project_region" ("region_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "region" ADD CONSTRAINT "fk_region_parent" FOREIGN KEY ("parent_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_rule" ADD CONSTRAINT "fk_alert_rule_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_rule" ADD CONSTRAINT "fk_alert_rule_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_event" ADD CONSTRAINT "fk_alert_event_rule" FOREIGN KEY ("rule_id") REFERENCES "alert_rule"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_event" ADD CONSTRAINT "fk_alert_event_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_department" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "fk_audit_log_actor" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project" ADD CONSTRAINT "fk_brand_project_owner_department" FOREIGN KEY ("owner_department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project" ADD CONSTRAINT "fk_brand_project_published_by" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_kpi" ADD CONSTRAINT "fk_brand_kpi_project" FOREIGN KEY ("project_id") REFERENCES "brand_project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_kpi" ADD CONSTRAINT "fk_brand_kpi_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source" ADD CONSTRAINT "fk_source_owner_department" FOREIGN KEY ("owner_department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ingest_run" ADD CONSTRAINT "fk_ingest_run_source" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ingest_reject" ADD CONSTRAINT "fk_ingest_reject_run" FOREIGN KEY ("run_id") REFERENCES "ingest_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_target_revision" ADD CONSTRAINT "fk_kpi_target_revision_kpi" FOREIGN KEY ("kpi_id") REFERENCES "brand_kpi"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_target_revision" ADD CONSTRAINT "fk_kpi_target_revision_user" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestone" ADD CONSTRAINT "fk_milestone_project" FOREIGN KEY ("project_id") REFERENCES "brand_project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_source" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_ingest_run" FOREIGN KEY ("ingest_run_id") REFERENCES "ingest_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rollup_day" ADD CONSTRAINT "fk_rollup_day_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rollup_day" ADD CONSTRAINT "fk_rollup_day_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rollup_month" ADD CONSTRAINT "fk_rollup_month_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rollup_month" ADD CONSTRAINT "fk_rollup_month_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rollup_year" ADD CONSTRAINT "fk_rollup_year_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rollup_year" ADD CONSTRAINT "fk_rollup_year_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_state" ADD CONSTRAINT "fk_source_state_source" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project_partner" ADD CONSTRAINT "fk_brand_project_partner_project" FOREIGN KEY ("project_id") REFERENCES "brand_project"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project_partner" ADD CONSTRAINT "fk_brand_project_partner_department" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project_region" ADD CONSTRAINT "fk_brand_project_region_project" FOREIGN KEY ("project_id") REFERENCES "brand_project"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project_region" ADD CONSTRAINT "fk_brand_project_region_region" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "brand_project_region" DROP CONSTRAINT "fk_brand_project_region_region"`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project_region" DROP CONSTRAINT "fk_brand_project_region_project"`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project_partner" DROP CONSTRAINT "fk_brand_project_partner_department"`,
    );
    await queryRunner.query(
      `ALTER TABLE "brand_project_partner" DROP CONSTRAINT "fk_brand_project_partner_project"`,
    );
    await queryRunner.query(`ALTER TABLE "source_state" DROP CONSTRAINT "fk_source_state_source"`);
    await queryRunner.query(`ALTER TABLE "rollup_year" DROP CONSTRAINT "fk_rollup_year_region"`);
    await queryRunner.query(`ALTER TABLE "rollup_year" DROP CONSTRAINT "fk_rollup_year_indicator"`);
    await queryRunner.query(`ALTER TABLE "rollup_month" DROP CONSTRAINT "fk_rollup_month_region"`);
    await queryRunner.query(`ALTER TABLE "rollup_month" DROP CONSTRAINT "fk_rollup_month_indicator"`);
    await queryRunner.query(`ALTER TABLE "rollup_day" DROP CONSTRAINT "fk_rollup_day_region"`);
    await queryRunner.query(`ALTER TABLE "rollup_day" DROP CONSTRAINT "fk_rollup_day_indicator"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_ingest_run"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_source"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_region"`);
    await queryRunner.query(`ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_indicator"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP CONSTRAINT "fk_milestone_project"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_target_revision" DROP CONSTRAINT "fk_kpi_target_revision_user"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_target_revision" DROP CONSTRAINT "fk_kpi_target_revision_kpi"`);
    await queryRunner.query(`ALTER TABLE "ingest_reject" DROP CONSTRAINT "fk_ingest_reject_run"`);
    await queryRunner.query(`ALTER TABLE "ingest_run" DROP CONSTRAINT "fk_ingest_run_source"`);
    await queryRunner.query(`ALTER TABLE "source" DROP CONSTRAINT "fk_source_owner_department"`);
    await queryRunner.query(`ALTER TABLE "brand_kpi" DROP CONSTRAINT "fk_brand_kpi_indicator"`);
    await queryRunner.query(`ALTER TABLE "brand_kpi" DROP CONSTRAINT "fk_brand_kpi_project"`);
    await queryRunner.query(`ALTER TABLE "brand_project" DROP CONSTRAINT "fk_brand_project_published_by"`);
    await queryRunner.query(
      `ALTER TABLE "brand_project" DROP CONSTRAINT "fk_brand_project_owner_department"`,
    );
    await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "fk_audit_log_actor"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_department"`);
    await queryRunner.query(`ALTER TABLE "alert_event" DROP CONSTRAINT "fk_alert_event_region"`);
    await queryRunner.query(`ALTER TABLE "alert_event" DROP CONSTRAINT "fk_alert_event_rule"`);
    await queryRunner.query(`ALTER TABLE "alert_rule" DROP CONSTRAINT "fk_alert_rule_region"`);
    await queryRunner.query(`ALTER TABLE "alert_rule" DROP CONSTRAINT "fk_alert_rule_indicator"`);
    await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "fk_region_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7822b7827ed4bef0772f499510"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6e0d3f5b945a2faf98d3ab78f3"`);
    await queryRunner.query(`DROP TABLE "brand_project_region"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36ca377103a5e3b2b6ba6fe597"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_92dcbca803bc2f3aad639275b0"`);
    await queryRunner.query(`DROP TABLE "brand_project_partner"`);
    await queryRunner.query(`DROP TABLE "source_state"`);
    await queryRunner.query(`DROP TABLE "rollup_year"`);
    await queryRunner.query(`DROP TABLE "rollup_month"`);
    await queryRunner.query(`DROP TABLE "rollup_day"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_region_period"`);
    await queryRunner.query(`DROP INDEX "public"."idx_observation_ingest_run"`);
    await queryRunner.query(`DROP TABLE "observation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_milestone_project_date"`);
    await queryRunner.query(`DROP TABLE "milestone"`);
    await queryRunner.query(`DROP INDEX "public"."idx_kpi_target_revision_kpi_changed"`);
    await queryRunner.query(`DROP TABLE "kpi_target_revision"`);
    await queryRunner.query(`DROP INDEX "public"."idx_ingest_reject_run_row"`);
    await queryRunner.query(`DROP TABLE "ingest_reject"`);
    await queryRunner.query(`DROP INDEX "public"."idx_ingest_run_source_started"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ingest_run_key"`);
    await queryRunner.query(`DROP TABLE "ingest_run"`);
    await queryRunner.query(`DROP INDEX "public"."uq_source_key"`);
    await queryRunner.query(`DROP TABLE "source"`);
    await queryRunner.query(`DROP TABLE "city_setting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_brand_kpi_project_indicator"`);
    await queryRunner.query(`DROP INDEX "public"."idx_brand_kpi_indicator"`);
    await queryRunner.query(`DROP TABLE "brand_kpi"`);
    await queryRunner.query(`DROP INDEX "public"."uq_brand_project_code"`);
    await queryRunner.query(`DROP TABLE "brand_project"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_username"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_department_code"`);
    await queryRunner.query(`DROP TABLE "department"`);
    await queryRunner.query(`DROP INDEX "public"."idx_alert_event_rule_state"`);
    await queryRunner.query(`DROP INDEX "public"."idx_alert_event_opened"`);
    await queryRunner.query(`DROP TABLE "alert_event"`);
    await queryRunner.query(`DROP INDEX "public"."idx_alert_rule_indicator"`);
    await queryRunner.query(`DROP TABLE "alert_rule"`);
    await queryRunner.query(`DROP INDEX "public"."idx_region_parent"`);
    await queryRunner.query(`DROP INDEX "public"."uq_region_code"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP INDEX "public"."uq_indicator_code"`);
    await queryRunner.query(`DROP TABLE "indicator"`);
  }
}
