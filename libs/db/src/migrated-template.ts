import { createHash } from 'node:crypto';
import { createDataSource } from './data-source';
import {
  createDatabase,
  databaseExists,
  dropDatabase,
  renameDatabase,
  withServerLock,
} from './database-admin';
import { MIGRATIONS } from './migrations';

/** Advisory lock key ("tpl" + "civicpu" as ASCII) serialising template builds on one server. */
const TEMPLATE_LOCK_KEY = '8390059174052033909';

/**
 * Name of the template for the current migrations: a hash of every migration class's source, so
 * editing or adding a migration yields a new template instead of a stale copy.
 */
export function migratedTemplateName(): string {
  const hash = createHash('sha256');
  for (const migration of MIGRATIONS) hash.update(migration.toString());
  return `civicpulse_template_${hash.digest('hex').slice(0, 16)}`;
}

const building = new Map<string, Promise<string>>();

/**
 * Ensures a database with every migration applied exists on the server of `adminUrl`, to copy
 * with CREATE DATABASE … TEMPLATE (a file copy, ~10× faster than running the migrations for each
 * test database). Built once per server under an advisory lock, under a temporary name and
 * renamed when complete, so nobody ever copies a half-migrated template. Nothing stays connected
 * to it, which CREATE DATABASE … TEMPLATE requires.
 */
export function ensureMigratedTemplate(adminUrl: string): Promise<string> {
  const name = migratedTemplateName();
  const key = `${adminUrl}#${name}`;
  let pending = building.get(key);
  if (!pending) {
    pending = buildTemplate(adminUrl, name);
    building.set(key, pending);
    pending.catch(() => building.delete(key));
  }
  return pending;
}

async function buildTemplate(adminUrl: string, name: string): Promise<string> {
  return withServerLock(adminUrl, TEMPLATE_LOCK_KEY, async () => {
    if (await databaseExists(adminUrl, name)) return name;
    const staging = `${name}_b${process.pid}`;
    await dropDatabase(adminUrl, staging);
    await createDatabase(adminUrl, staging);
    const url = new URL(adminUrl);
    url.pathname = `/${staging}`;
    const dataSource = createDataSource({
      url: url.toString(),
      applicationName: 'civicpulse-template',
      poolSize: 1,
    });
    try {
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
    await renameDatabase(adminUrl, staging, name);
    return name;
  });
}
