#!/usr/bin/env node
// `npm start`: the whole product on one machine. Starts PostgreSQL (embedded unless DATABASE_URL is
// set) and the demo portal, builds what is needed, runs migrations, applies the catalogue, then
// starts the API (which also serves the web app) and the ingest worker. Ctrl-C stops everything.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { findFreePort } from './lib/ports.mjs';
import { runStep, startService, stopAll, waitForUrl } from './lib/processes.mjs';
import { INGEST_NODE_FLAGS } from './lib/ingest-node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const dataDir = path.resolve(root, process.env.CIVICPULSE_DATA_DIR ?? '.data');
const started = Date.now();
const env = {
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  SCARF_ANALYTICS: 'false',
};
const steps = [
  'PostgreSQL',
  'Build (api, ingest, web)',
  'Demo portal',
  'Migrations',
  'Catalogue',
  'API + web',
  'Ingest worker',
];
let stepIndex = 0;
let database;
let stopping = false;

function step(title) {
  stepIndex += 1;
  process.stdout.write(`\n[${stepIndex}/${steps.length}] ${title} …\n`);
  const t0 = Date.now();
  return (detail = '') =>
    process.stdout.write(
      `      ✔ ${title}${detail ? ` — ${detail}` : ''} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping CivicPulse …\n');
  await stopAll();
  if (database?.stop) await database.stop().catch(() => undefined);
  process.stdout.write('Stopped.\n');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

function firstAdmin() {
  const file = path.join(dataDir, 'first-admin.json');
  if (process.env.ADMIN_PASSWORD) {
    return {
      username: process.env.ADMIN_USERNAME ?? 'admin',
      password: process.env.ADMIN_PASSWORD,
      file: null,
    };
  }
  if (existsSync(file)) return { ...JSON.parse(readFileSync(file, 'utf8')), file };
  const credentials = {
    username: process.env.ADMIN_USERNAME ?? 'admin',
    password: randomBytes(9).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return { ...credentials, file };
}

async function main() {
  process.stdout.write('城市脉搏 CivicPulse — starting\n');
  mkdirSync(dataDir, { recursive: true });

  let done = step(steps[0]);
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    done('using DATABASE_URL');
  } else {
    database = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      database: 'civicpulse',
      port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
    });
    databaseUrl = database.url;
    done(
      `embedded, port ${database.port}, data in ${path.relative(root, database.dataDir ?? path.join(dataDir, 'postgres'))}`,
    );
  }

  done = step(steps[1]);
  if (process.env.SKIP_BUILD === 'true') {
    done('skipped (SKIP_BUILD=true)');
  } else {
    await runStep(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'api', 'ingest', 'web', '--output-style=static'],
      {
        env,
      },
    );
    done('dist/api, dist/ingest, dist/web');
  }

  const portalPort = Number(process.env.DEMO_PORTAL_PORT ?? (await findFreePort(8790)));
  const demoPortalUrl = process.env.DEMO_PORTAL_URL ?? `http://127.0.0.1:${portalPort}`;
  done = step(steps[2]);
  if (process.env.DEMO_PORTAL === 'off') {
    done('disabled (DEMO_PORTAL=off)');
  } else {
    startService(
      'portal',
      process.execPath,
      ['--import', 'tsx', 'libs/demo-portal/src/cli.ts', '--port', String(portalPort)],
      {
        quiet: true,
      },
    );
    await waitForUrl(`${demoPortalUrl}/_health`, 60_000);
    done(demoPortalUrl);
  }

  const common = {
    ...env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_URL: databaseUrl,
    DEMO_PORTAL_URL: demoPortalUrl,
    CITY_TIME_ZONE: process.env.CITY_TIME_ZONE ?? 'Asia/Shanghai',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const ingestMain = path.join(root, 'dist/ingest/main.js');

  done = step(steps[3]);
  const migrated = await runStep(process.execPath, [ingestMain, 'migrate'], { env: common });
  done(migrated.trim().split('\n').pop());

  done = step(steps[4]);
  const applied = await runStep(process.execPath, [ingestMain, 'catalog', 'apply', '--dir', 'catalog'], {
    env: common,
  });
  done(applied.trim().split('\n').pop());

  const port = Number(process.env.PORT ?? (await findFreePort(3000)));
  const admin = firstAdmin();
  done = step(steps[5]);
  startService('api', process.execPath, [path.join(root, 'dist/api/main.js')], {
    env: {
      ...common,
      PORT: String(port),
      WEB_DIST_DIR: path.join(root, 'dist/web/browser'),
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      JWT_SECRET: process.env.JWT_SECRET ?? jwtSecret(),
    },
  });
  const url = `http://localhost:${port}`;
  const health = await waitForUrl(`${url}/api/health`, 120_000, (body) => body?.database === 'up');
  done(
    `${url} — database ${health.database}, migrations applied: ${health.migrations?.applied}, pending: ${health.migrations?.pending}`,
  );

  done = step(steps[6]);
  startService('ingest', process.execPath, [...INGEST_NODE_FLAGS, ingestMain], {
    env: { ...common, INGEST_HEALTH_PORT: '0' },
  });
  done('scheduled sources will load the demo history in the background');

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    [
      '',
      '────────────────────────────────────────────────────────────',
      ` 城市脉搏 CivicPulse is running (started in ${seconds} s)`,
      ` Open      ${url}`,
      ` Sign in   ${admin.username} / ${admin.password}${admin.file ? `   (kept in ${path.relative(root, admin.file)})` : ''}`,
      ` API docs  ${url}/api/docs`,
      ` Database  ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
      ' Ctrl-C stops everything.',
      '────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}

// A JWT secret that survives restarts of the same checkout, so sessions stay valid.
function jwtSecret() {
  const file = path.join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

main().catch(async (error) => {
  process.stderr.write(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
});
