import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert evaluation: at most one open event per (rule, region), enforced by a partial unique index
 * so two ingest processes evaluating at once cannot both open one; and `alert_delivery`, the
 * outcome of each webhook notification; and the English message next to the Chinese one. Events opened twice before this index existed (only by
 * hand) are collapsed first: all but the newest open one per (rule, region) are resolved.
 */
export class AlertEvaluation1795591031590 implements MigrationInterface {
  name = 'AlertEvaluation1795591031590';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "alert_event" e SET "state" = 'resolved', "resolved_at" = now()
        WHERE e."state" = 'open' AND EXISTS (
          SELECT 1 FROM "alert_event" n
           WHERE n."state" = 'open' AND n."rule_id" = e."rule_id"
             AND n."region_id" IS NOT DISTINCT FROM e."region_id" AND n."id" > e."id")`,
    );
    await queryRunner.query(`ALTER TABLE "alert_event" ADD "message_en" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alert_event_open" ON "alert_event" ("rule_id", "region_id") WHERE "state" = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "alert_delivery" ("id" SERIAL NOT NULL, "event_id" integer NOT NULL, "transition" character varying(16) NOT NULL, "channel" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status" integer, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_alert_delivery_transition" CHECK ("transition" IN ('open', 'resolve')), CONSTRAINT "chk_alert_delivery_status" CHECK ("status" IN ('pending', 'delivered', 'failed')), CONSTRAINT "PK_c525535867340bf8eef9ac9721d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alert_delivery_event_transition_channel" ON "alert_delivery" ("event_id", "transition", "channel") `,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_delivery" ADD CONSTRAINT "fk_alert_delivery_event" FOREIGN KEY ("event_id") REFERENCES "alert_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert_delivery" DROP CONSTRAINT "fk_alert_delivery_event"`);
    await queryRunner.query(`DROP INDEX "public"."uq_alert_delivery_event_transition_channel"`);
    await queryRunner.query(`DROP TABLE "alert_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."uq_alert_event_open"`);
    await queryRunner.query(`ALTER TABLE "alert_event" DROP COLUMN "message_en"`);
  }
}
