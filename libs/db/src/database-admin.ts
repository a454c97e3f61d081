import { Client } from 'pg';

/** A database name this module is willing to quote into CREATE/DROP DATABASE. */
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class UnsafeDatabaseNameError extends Error {
  constructor(name: string) {
    super(`refusing database name ${JSON.stringify(name)}: use [a-z0-9_], at most 63 characters`);
    this.name = 'UnsafeDatabaseNameError';
  }
}

/** The URL of database `name` on the same server as `serverUrl` (same user and password). */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates a database on the server of `adminUrl` (a user allowed to CREATE DATABASE): empty, or
 * a file-level copy of `template` (which must have no open sessions).
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const from = template === undefined ? '' : ` TEMPLATE "${checked(template)}"`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${checked(name)}"${from}`));
}

/** Drops database `name`, closing the sessions still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${checked(name)}" WITH (FORCE)`),
  );
}

/** Whether database `name` exists on the server of `adminUrl`. */
export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  let exists = false;
  await withAdminClient(adminUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [checked(name)]);
    exists = (result.rowCount ?? 0) > 0;
  });
  return exists;
}

/** Renames a database (no session may be connected to it). */
export async function renameDatabase(adminUrl: string, from: string, to: string): Promise<void> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`ALTER DATABASE "${checked(from)}" RENAME TO "${checked(to)}"`),
  );
}

/**
 * Runs `work` while holding session advisory lock `key` on a dedicated admin connection, so that
 * processes sharing one server (parallel jest workers) do it one at a time.
 */
export async function withServerLock<T>(adminUrl: string, key: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, application_name: 'civicpulse-admin-lock' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    return await work();
  } finally {
    await client.end();
  }
}

function checked(name: string): string {
  if (!SAFE_NAME.test(name)) throw new UnsafeDatabaseNameError(name);
  return name;
}

async function withAdminClient(adminUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: adminUrl, application_name: 'civicpulse-admin' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
