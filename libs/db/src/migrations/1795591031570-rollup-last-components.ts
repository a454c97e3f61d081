import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Grains each rollup level holds, frozen here as they were when this migration was written. */
const LEVEL_GRAINS: ReadonlyArray<readonly [string, string]> = [
  ['rollup_day', `'instant', 'hour', 'day'`],
  ['rollup_month', `'instant', 'hour', 'day', 'month'`],
  ['rollup_year', `'instant', 'hour', 'day', 'month', 'quarter', 'year'`],
];

/** Coarser grain first: the tie-break of `last_value` when two observations start together. */
const GRAIN_RANK = `CASE o.grain WHEN 'instant' THEN 0 WHEN 'hour' THEN 1 WHEN 'day' THEN 2
  WHEN 'month' THEN 3 WHEN 'quarter' THEN 4 ELSE 5 END`;

/**
 * Adds the numerator and denominator of each bucket's newest observation (the one `last_value`
 * comes from) to every rollup table, and fills them for existing buckets: `last_at` is the
 * newest period start of the bucket, so the newest observation is the one of the level's grains
 * starting at `last_at`, the coarser grain winning a tie — the rule of the write path.
 */
export class RollupLastComponents1795591031570 implements MigrationInterface {
  name = 'RollupLastComponents1795591031570';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, grains] of LEVEL_GRAINS) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "last_numerator" double precision`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "last_denominator" double precision`);
      await queryRunner.query(
        `UPDATE "${table}" r SET (last_numerator, last_denominator) = (
           SELECT o.numerator, o.denominator FROM observation o
            WHERE o.indicator_id = r.indicator_id AND o.region_id = r.region_id
              AND o.period_start = r.last_at AND o.grain IN (${grains})
            ORDER BY ${GRAIN_RANK} DESC LIMIT 1)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of [...LEVEL_GRAINS].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "last_denominator"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "last_numerator"`);
    }
  }
}
