#!/usr/bin/env node
// Database chores on the built ingest CLI (run `npm run build` first).
//   node scripts/db.mjs check     all migrations on an empty embedded database, then no drift
//                                 between entities and migrations
//   node scripts/db.mjs migrate   migrations against DATABASE_URL
//   node scripts/db.mjs catalog   apply catalog/ to DATABASE_URL
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { runStep } from './lib/processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/ingest/main.js');
const command = process.argv[2];

async function withDatabase(fn) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const parent = mkdtempSync(path.join(tmpdir(), 'civicpulse-dbcheck-'));
  chmodSync(parent, 0o777);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(parent, 'pg'),
    database: 'civicpulse_check',
    persistent: false,
  });
  try {
    return await fn(database.url);
  } finally {
    await database.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}

const run = (args, url) =>
  runStep(process.execPath, [cli, ...args], { env: { DATABASE_URL: url, LOG_LEVEL: 'warn' }, inherit: true });

const commands = {
  check: () =>
    withDatabase(async (url) => {
      await run(['migrate'], url);
      await run(['schema', 'check'], url);
      // Applying the catalogue twice must leave the second run with nothing to change.
      await run(['catalog', 'apply', '--dir', path.join(root, 'catalog')], url);
      await run(['catalog', 'apply', '--dir', path.join(root, 'catalog')], url);
    }),
  migrate: () => withDatabase((url) => run(['migrate'], url)),
  catalog: () => withDatabase((url) => run(['catalog', 'apply', '--dir', path.join(root, 'catalog')], url)),
};

if (!commands[command]) {
  process.stderr.write(`usage: node scripts/db.mjs <${Object.keys(commands).join('|')}>\n`);
  process.exit(2);
}
commands[command]().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
