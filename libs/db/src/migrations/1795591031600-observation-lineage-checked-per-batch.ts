import type { MigrationInterface, QueryRunner } from 'typeorm';

const PARENTS = [
  { parent: 'ingest_run', column: 'ingest_run_id', constraint: 'fk_observation_ingest_run' },
  { parent: 'source', column: 'source_id', constraint: 'fk_observation_source' },
] as const;

/**
 * Hand-written: `observation` loses its foreign keys to `ingest_run` and `source` (its lineage),
 * keeping those to `indicator` and `region`. Every row of a batch carries the same run and source,
 * so the two per-row RI checks — about a quarter of the merge's time in a bulk load — checked one
 * pair of ids ten thousand times. The write path now checks them once per batch and holds them
 * `FOR KEY SHARE` until it commits (what each RI check did), see `observation-writer.ts`.
 *
 * What the keys did on the other side, refusing to delete a run or source that observations still
 * name (`ON DELETE RESTRICT`), is kept by one statement-level trigger per parent table raising the
 * same error (SQLSTATE 23503, the old constraint's name). Run and source ids are never updated.
 * TypeORM's schema builder does not model triggers, so the drift check does not see them.
 */
export class ObservationLineageCheckedPerBatch1795591031600 implements MigrationInterface {
  name = 'ObservationLineageCheckedPerBatch1795591031600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "observation" DROP CONSTRAINT "fk_observation_ingest_run", DROP CONSTRAINT "fk_observation_source"`,
    );
    for (const { parent, column, constraint } of PARENTS) {
      await queryRunner.query(`CREATE FUNCTION "observation_restrict_${parent}_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  still_named integer;
BEGIN
  SELECT o.${column} INTO still_named FROM observation o JOIN gone ON o.${column} = gone.id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'update or delete on table "${parent}" violates foreign key constraint "${constraint}" on table "observation"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '${constraint}', TABLE = 'observation',
            DETAIL = format('Key (id)=(%s) is still referenced from table "observation".', still_named);
  END IF;
  RETURN NULL;
END
$$`);
      await queryRunner.query(
        `CREATE TRIGGER "trg_observation_restrict_${parent}_delete" AFTER DELETE ON "${parent}" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "observation_restrict_${parent}_delete"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { parent } of [...PARENTS].reverse()) {
      await queryRunner.query(`DROP TRIGGER "trg_observation_restrict_${parent}_delete" ON "${parent}"`);
      await queryRunner.query(`DROP FUNCTION "observation_restrict_${parent}_delete"()`);
    }
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_source" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "observation" ADD CONSTRAINT "fk_observation_ingest_run" FOREIGN KEY ("ingest_run_id") REFERENCES "ingest_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
