import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

/**
 * Advisory lock key held while migrating ("civicpulse" as ASCII, fits in a bigint). Processes that
 * start together (API and ingest, or several replicas) queue on it instead of racing to create
 * the same tables.
 */
export const MIGRATION_LOCK_KEY = '7596553710849385845';

export interface MigrationState {
  /** Names of migrations recorded in the database, oldest first. */
  applied: string[];
  /** Names of known migrations not yet applied, in the order they will run. */
  pending: string[];
}

/** Which migrations the database has and which this build would still apply (health endpoint). */
export async function migrationState(dataSource: DataSource): Promise<MigrationState> {
  const known = dataSource.migrations.map((migration) => migrationName(migration));
  const tableName = dataSource.options.migrationsTableName ?? 'migrations';
  const exists: Array<{ present: boolean }> = await dataSource.query(
    'SELECT to_regclass($1) IS NOT NULL AS present',
    [tableName],
  );
  let applied: string[] = [];
  if (exists[0]?.present) {
    const rows: Array<{ name: string }> = await dataSource.query(
      `SELECT name FROM "${tableName}" ORDER BY "timestamp", id`,
    );
    applied = rows.map((row) => row.name);
  }
  const appliedSet = new Set(applied);
  return { applied, pending: known.filter((name) => !appliedSet.has(name)) };
}

/**
 * Applies pending migrations while holding a session-level advisory lock, so that two processes
 * starting together apply each migration once. The second one waits, then finds nothing pending.
 * Returns the names of the migrations this call applied.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource({ url, applicationName: 'civicpulse-migrate', poolSize: 2 });
  await dataSource.initialize();
  // The lock is session-scoped: take and release it on one dedicated connection.
  const lockRunner = dataSource.createQueryRunner();
  try {
    await lockRunner.connect();
    await lockRunner.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lockRunner.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockRunner.release();
    await dataSource.destroy();
  }
}

function migrationName(migration: { name?: string; constructor: { name: string } }): string {
  return migration.name ?? migration.constructor.name;
}
