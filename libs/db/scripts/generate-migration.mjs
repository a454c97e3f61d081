// Generates a migration from the entities: `node libs/db/scripts/generate-migration.mjs Name`.
// Uses DATABASE_URL's server when set (a scratch database is created and dropped there),
// otherwise a throw-away embedded cluster; the TypeScript part runs under ts-node.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const name = process.argv[2];
if (!name) {
  console.error('usage: node libs/db/scripts/generate-migration.mjs <PascalCaseName>');
  process.exit(2);
}

// A development tool, never bundled: it reuses the test harness's embedded cluster starter. It is
// loaded by path at run time so the db library does not gain a dependency on libs/testing (which
// depends on db).
async function startCluster() {
  const starter = pathToFileURL(join(root, 'libs', 'testing', 'src', 'postgres', 'embedded-cluster.mjs'));
  const { startEmbeddedCluster } = await import(starter.href);
  return startEmbeddedCluster();
}

const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
const adminUrl = process.env.DATABASE_URL ?? cluster.adminUrl;
const scratch = `civicpulse_migration_gen_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
let status = 1;
try {
  await admin.query(`CREATE DATABASE "${scratch}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(here, '..', 'src', 'schema', 'generate-migration.ts'),
      url.toString(),
      name,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TS_NODE_PROJECT: join(here, '..', 'tsconfig.lib.json') },
    },
  );
  status = result.status ?? 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  await admin.end();
  await cluster?.stop();
}
process.exit(status);
