#!/usr/bin/env node
// `npm run bench:ingest`: one million observation rows from the demo portal's bulk endpoint through
// the ingest write path (HTTP stream → decode → CSV → batches → COPY to staging → merge →
// rollups → run bookkeeping), against `psql \copy` of the same rows into the same table, on one
// embedded PostgreSQL, in one run. Prints figures; it is not a test.
//
// Measures the deployed build: the ingest CLI bundle `dist/ingest/main.js` (migrate, catalog apply)
// and the benchmark runner bundled the same way (`dist/ingest-bench/main.js`, from
// ingest/webpack.bench.config.js), run with `node` and the worker's own flags (a heap cap,
// scripts/lib/ingest-node-flags.mjs) like the worker in docker/Dockerfile — no TypeScript
// compiled on the fly. Both are rebuilt first when missing or older than the sources.
//
// Last line: ingest_rows_per_s=<n> copy_rows_per_s=<n> ratio=<x> peak_rss_mb=<n>
//   ratio = ingest / copy; peak_rss_mb = peak resident set of the ingest process.
// Env: BENCH_ROWS (default 1000000), INGEST_BATCH_SIZE (default: the worker's), BENCH_CPU_PROF=<dir> to
// write a V8 CPU profile of the ingest process (open it in Chrome DevTools or speedscope).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.mjs';
import { INGEST_NODE_FLAGS } from '../../scripts/lib/ingest-node-flags.mjs';
import { findFreePort } from '../../scripts/lib/ports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const batchSize = process.env.INGEST_BATCH_SIZE;
const work = mkdtempSync(path.join(tmpdir(), 'civicpulse-bench-'));
const log = (line) => process.stderr.write(`${line}\n`);
const children = new Set();

/** Sources the ingest bundles are built from (the libraries ingest imports, its config files). */
const BUILD_INPUTS = [
  'ingest/src',
  'ingest/bench',
  'ingest/webpack.config.js',
  'ingest/webpack.bench.config.js',
  'ingest/tsconfig.json',
  'ingest/tsconfig.app.json',
  'ingest/tsconfig.bench.json',
  'ingest/project.json',
  'tsconfig.base.json',
  'package-lock.json',
  ...['catalog', 'connectors', 'contracts', 'db', 'domain', 'server-kit'].map((lib) => `libs/${lib}/src`),
];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), 0);
}

const NX_ENV = { NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };

/** Builds `bundle` with `command` unless it exists and is newer than every build input. */
function ensureBuilt(bundle, label, command, args) {
  const file = path.join(root, bundle);
  const sources = BUILD_INPUTS.reduce((newest, entry) => Math.max(newest, newestMtime(entry)), 0);
  if (existsSync(file) && statSync(file).mtimeMs >= sources) {
    log(`bench: ${bundle} is up to date`);
    return;
  }
  log(
    `bench: building ${label} (${bundle} ${existsSync(file) ? 'is older than its sources' : 'is missing'}) …`,
  );
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...NX_ENV },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(file)) throw new Error(`building ${label} failed`);
}

/** Runs a built bundle with plain `node`, as a deployment does (docker/Dockerfile). */
function run(args, env, { capture = false, nodeArgs = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

function startPortal(port) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'libs/demo-portal/src/cli.ts', '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /DEMO_PORTAL_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`demo portal exited with ${code}`)));
  });
}

/** Writes the bulk rows as the observation table's own columns (ids resolved) for `\copy`. */
async function writeCopyFile(client, url, file) {
  const ids = async (table) =>
    new Map((await client.query(`SELECT code, id FROM ${table}`)).rows.map((r) => [r.code, r.id]));
  const [indicators, regions] = [await ids('indicator'), await ids('region')];
  const response = await fetch(url);
  let rest = '';
  let header = true;
  async function* lines() {
    for await (const chunk of Readable.fromWeb(response.body)) {
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      let out = '';
      for (const line of parts) {
        if (header) {
          header = false;
          continue;
        }
        if (!line) continue;
        const [indicator, region, grain, period, value, numerator, denominator] = line.split(',');
        out += `${indicators.get(indicator)},${regions.get(region)},${grain},${period},${value},${numerator},${denominator}\n`;
      }
      yield out;
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
}

async function copyBaseline(adminUrl, dbUrl, file) {
  const psql = '/usr/lib/postgresql/15/bin/psql';
  const command = `\\copy observation (indicator_id, region_id, grain, period_start, value, numerator, denominator) FROM '${file}' WITH (FORMAT csv)`;
  if (existsSync(psql)) {
    const started = performance.now();
    const result = spawnSync(psql, [dbUrl, '-v', 'ON_ERROR_STOP=1', '-c', command], { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`psql \\copy failed: ${result.stderr}`);
    return { seconds, how: 'psql \\copy' };
  }
  const { from } = await import('pg-copy-streams');
  const { createReadStream } = await import('node:fs');
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(
        from(
          'COPY observation (indicator_id, region_id, grain, period_start, value, numerator, denominator) FROM STDIN WITH (FORMAT csv)',
        ),
      ),
    );
    return { seconds: (performance.now() - started) / 1000, how: 'COPY FROM STDIN (pg-copy-streams)' };
  } finally {
    await client.end();
  }
  void adminUrl;
}

async function main() {
  log(`bench: ${rows} rows, batches of ${batchSize ?? 'the default size'}, work dir ${work}`);
  ensureBuilt('dist/ingest/main.js', 'the ingest app', 'npx', ['nx', 'build', 'ingest', '--skip-nx-cache']);
  ensureBuilt('dist/ingest-bench/main.js', 'the benchmark runner', 'npx', [
    'nx',
    'build-bench',
    'ingest',
    '--skip-nx-cache',
  ]);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(work, 'pg'),
    database: 'bench',
    persistent: false,
  });
  try {
    const portalUrl = await startPortal(await findFreePort(8890));
    const env = { DATABASE_URL: database.url, DEMO_PORTAL_URL: portalUrl };
    await run(['dist/ingest/main.js', 'migrate'], env, { capture: true });
    await run(['dist/ingest/main.js', 'catalog', 'apply', '--dir', 'catalog'], env, { capture: true });
    const benchUrl = `${portalUrl}/bench/observations.csv?rows=${rows}`;

    log('bench: ingest path …');
    const out = await run(
      ['dist/ingest-bench/main.js'],
      { ...env, BENCH_URL: benchUrl, ...(batchSize ? { INGEST_BATCH_SIZE: batchSize } : {}) },
      {
        capture: true,
        // The worker's own Node flags (heap cap), as `npm start` and docker/Dockerfile run it.
        nodeArgs: [
          ...INGEST_NODE_FLAGS,
          ...(process.env.BENCH_CPU_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
            : []),
        ],
      },
    );
    const ingest = JSON.parse(out.trim().split('\n').pop());
    log(
      `bench: ingest wrote ${ingest.rows} rows (${ingest.rejected} rejected) in ${ingest.seconds.toFixed(1)} s, ` +
        `${ingest.writeSeconds.toFixed(1)} s of it in the database write path`,
    );

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const file = path.join(work, 'observations.csv');
    try {
      await writeCopyFile(client, benchUrl, file);
      // Same table, same state as the ingest run started from: empty observations.
      await client.query('TRUNCATE observation');
    } finally {
      await client.end();
    }
    log('bench: baseline copy …');
    const copy = await copyBaseline(database.adminUrl, database.url, file);
    log(`bench: ${copy.how} loaded ${rows} rows in ${copy.seconds.toFixed(1)} s`);

    const ingestRate = ingest.rows / ingest.seconds;
    const copyRate = rows / copy.seconds;
    process.stdout.write(
      `ingest_rows_per_s=${Math.round(ingestRate)} copy_rows_per_s=${Math.round(copyRate)} ratio=${(ingestRate / copyRate).toFixed(3)} peak_rss_mb=${Math.round(ingest.maxRssKb / 1024)}\n`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await database.stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  for (const child of children) child.kill('SIGTERM');
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
