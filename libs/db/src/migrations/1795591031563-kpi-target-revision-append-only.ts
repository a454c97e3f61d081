import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: target revisions are evidence of who moved a KPI target and why, so the table is
 * append-only. A trigger rejects UPDATE (rows still go away with their KPI through the cascade).
 * TypeORM's schema builder does not model triggers, so the drift check does not see this one.
 */
export class KpiTargetRevisionAppendOnly1795591031563 implements MigrationInterface {
  name = 'KpiTargetRevisionAppendOnly1795591031563';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "kpi_target_revision_reject_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kpi_target_revision is append-only' USING ERRCODE = 'restrict_violation';
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_kpi_target_revision_append_only" BEFORE UPDATE ON "kpi_target_revision" FOR EACH ROW EXECUTE FUNCTION "kpi_target_revision_reject_update"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_kpi_target_revision_append_only" ON "kpi_target_revision"`);
    await queryRunner.query(`DROP FUNCTION "kpi_target_revision_reject_update"()`);
  }
}
