import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceConfig {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Log every SQL statement (development only). */
  logging?: boolean;
  /** Pool size; the default suits one API or ingest process. */
  poolSize?: number;
  /** Name shown in pg_stat_activity, so operators can tell the processes apart. */
  applicationName?: string;
}

/**
 * Builds (does not initialise) the one kind of data source every process uses.
 *
 * `synchronize` is false here in code, not in configuration: the schema changes only through the
 * reviewed migrations in MIGRATIONS, and `migrationsRun` stays false so a process never migrates
 * implicitly (use `runMigrations`, which takes a lock).
 */
export function createDataSource(config: DataSourceConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: config.logging ?? false,
    applicationName: config.applicationName ?? 'civicpulse',
    poolSize: config.poolSize,
  });
}
