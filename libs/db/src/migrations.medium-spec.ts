import { createDataSource } from './data-source';
import { MIGRATIONS } from './migrations';
import { migrationState, runMigrations } from './migration-runner';
import { pendingSchemaChanges } from './schema/schema-drift';
import { migratedTemplateName } from './migrated-template';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';
import { testAdminUrl } from './test-support/test-admin-url';

const expectedNames = MIGRATIONS.map((migration) => new migration().name);

async function userTables(database: ScratchDatabase): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await database.dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name <> 'schema_migration' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  let database: ScratchDatabase;

  beforeEach(async () => {
    database = await createScratchDatabase(testAdminUrl(), { migrate: false, prefix: 'civicpulse_test' });
  });

  afterEach(async () => {
    await database.drop();
  });

  it('reports every migration as pending on an empty database', async () => {
    await expect(migrationState(database.dataSource)).resolves.toEqual({
      applied: [],
      pending: expectedNames,
    });
  });

  it('applies all migrations, after which the entities describe the schema exactly (no drift)', async () => {
    await expect(runMigrations(database.url)).resolves.toEqual(expectedNames);
    await expect(migrationState(database.dataSource)).resolves.toEqual({
      applied: expectedNames,
      pending: [],
    });
    const drift = await pendingSchemaChanges(database.dataSource);
    expect(drift.up.map((statement) => statement.sql)).toEqual([]);
    expect(await userTables(database)).toEqual(
      expect.arrayContaining([
        'observation',
        'rollup_day',
        'rollup_month',
        'rollup_year',
        'brand_kpi',
        'audit_log',
      ]),
    );
  });

  it('lets two processes migrate at once: each migration is applied exactly once', async () => {
    const [first, second] = await Promise.all([runMigrations(database.url), runMigrations(database.url)]);
    expect([...first, ...second].sort()).toEqual([...expectedNames].sort());
    const rows: Array<{ n: string }> = await database.dataSource.query(
      'SELECT count(*) AS n FROM schema_migration',
    );
    expect(Number(rows[0]!.n)).toBe(expectedNames.length);
  });

  it('reverts every migration with down, leaving no table, and migrates up again cleanly', async () => {
    await runMigrations(database.url);
    const dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
    try {
      for (let i = 0; i < expectedNames.length; i += 1) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      await expect(migrationState(dataSource)).resolves.toEqual({ applied: [], pending: expectedNames });
      expect(await userTables(database)).toEqual([]);
      const functions: unknown[] = await dataSource.query(
        `SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
      );
      expect(functions).toEqual([]);

      await dataSource.runMigrations({ transaction: 'each' });
      expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('hands out copies of a migrated template that equal a freshly migrated database', async () => {
    const copies = await Promise.all(
      [1, 2, 3].map(() => createScratchDatabase(testAdminUrl(), { prefix: 'civicpulse_test' })),
    );
    try {
      for (const copy of copies) {
        await expect(migrationState(copy.dataSource)).resolves.toEqual({
          applied: expectedNames,
          pending: [],
        });
        expect((await pendingSchemaChanges(copy.dataSource)).up).toEqual([]);
      }
      await copies[0]!.dataSource.query(
        `INSERT INTO department (code, name_zh, name_en) VALUES ('only-here', '部门', 'Dept')`,
      );
      const elsewhere: unknown[] = await copies[1]!.dataSource.query(
        `SELECT 1 FROM department WHERE code = 'only-here'`,
      );
      expect(elsewhere).toEqual([]);
      const templates: unknown[] = await copies[0]!.dataSource.query(
        'SELECT datname FROM pg_database WHERE datname = $1',
        [migratedTemplateName()],
      );
      expect(templates).toHaveLength(1);
    } finally {
      await Promise.all(copies.map((copy) => copy.drop()));
    }
  });

  it('seeds the city settings and keeps KPI target revisions append-only', async () => {
    await runMigrations(database.url);
    const settings: Array<{ key: string; value: string }> = await database.dataSource.query(
      'SELECT key, value FROM city_setting ORDER BY key',
    );
    expect(settings).toEqual([
      { key: 'city_code', value: '990100' },
      { key: 'time_zone', value: 'Asia/Shanghai' },
    ]);

    const q = (sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> =>
      database.dataSource.query(sql, params);
    const [dept] = await q(
      `INSERT INTO department (code, name_zh, name_en) VALUES ('d', '交通局', 'Transport') RETURNING id`,
    );
    const [indicator] = await q(
      `INSERT INTO indicator (code, domain, name_zh, name_en, unit, direction, time_aggregation, region_aggregation, frequency)
       VALUES ('traffic.x', 'traffic', '指标', 'Indicator', 'ratio', 'lower_is_better', 'mean', 'mean', 'day') RETURNING id`,
    );
    const [project] = await q(
      `INSERT INTO brand_project (code, name_zh, name_en, positioning_zh, positioning_en, core_value_zh, core_value_en,
         owner_department_id, start_date, end_date)
       VALUES ('p', '畅行之城', 'Smooth City', '定位', 'Positioning', '价值', 'Value', $1, '2025-01-01', '2027-12-31') RETURNING id`,
      [dept!['id']],
    );
    const [kpi] = await q(
      `INSERT INTO brand_kpi (project_id, indicator_id, weight, baseline_value, baseline_date, target_value, target_date)
       VALUES ($1, $2, 1, 1.8, '2024-12-31', 1.6, '2027-12-31') RETURNING id`,
      [project!['id'], indicator!['id']],
    );
    await q(
      `INSERT INTO kpi_target_revision (kpi_id, old_target_value, old_target_date, new_target_value, new_target_date, reason)
       VALUES ($1, 1.6, '2027-12-31', 1.55, '2027-12-31', 'tightened')`,
      [kpi!['id']],
    );
    await expect(q(`UPDATE kpi_target_revision SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
  });
});
