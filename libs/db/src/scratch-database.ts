import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDatabase, databaseUrl, dropDatabase } from './database-admin';
import { createDataSource } from './data-source';
import { ensureMigratedTemplate } from './migrated-template';

export interface ScratchDatabase {
  /** URL of the fresh database (same server and user as the admin URL). */
  url: string;
  /** Initialised data source; every migration applied unless `migrate: false`. */
  dataSource: DataSource;
  /** Closes the data source and drops the database. */
  drop(): Promise<void>;
}

export interface ScratchDatabaseOptions {
  /**
   * Give it every migration (default true). The schema is copied from a template database that
   * was built by running MIGRATIONS once per server; `false` gives an empty database.
   */
  migrate?: boolean;
  /** Name prefix, to tell test databases from tool scratch databases on a shared server. */
  prefix?: string;
}

/**
 * Creates a uniquely named database on the server of `adminUrl` and returns an initialised data
 * source on it. Used by the test harness (one database per test file, so parallel jest workers
 * never see each other's rows) and by tools that need a throw-away schema.
 */
export async function createScratchDatabase(
  adminUrl: string,
  options: ScratchDatabaseOptions = {},
): Promise<ScratchDatabase> {
  const name = `${options.prefix ?? 'civicpulse_scratch'}_${process.pid}_${randomBytes(5).toString('hex')}`;
  const template = (options.migrate ?? true) ? await ensureMigratedTemplate(adminUrl) : undefined;
  await createDatabase(adminUrl, name, template);
  const url = databaseUrl(adminUrl, name);
  const dataSource = createDataSource({ url, applicationName: 'civicpulse-scratch', poolSize: 4 });
  try {
    await dataSource.initialize();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(adminUrl, name);
    throw error;
  }
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(adminUrl, name);
    },
  };
}
