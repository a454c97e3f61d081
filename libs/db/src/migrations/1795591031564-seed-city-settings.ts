import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the demo city's defaults, so every process can read its time zone and city code
 * from the first start. A deployment for another city updates the rows (catalogue apply does).
 */
export class SeedCitySettings1795591031564 implements MigrationInterface {
  name = 'SeedCitySettings1795591031564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "city_setting" ("key", "value") VALUES ('time_zone', 'Asia/Shanghai'), ('city_code', '990100') ON CONFLICT ("key") DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "city_setting" WHERE "key" IN ('time_zone', 'city_code')`);
  }
}
