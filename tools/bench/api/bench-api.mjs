#!/usr/bin/env node
// API benchmark: embedded Postgres with N synthetic observations, the built API on 127.0.0.1,
// scorecard latency vs a raw GROUP BY, and /api/overview throughput vs a constant endpoint.
// Scorecards are measured as served (the product's configuration, response cache on) and
// uncached: a second API process started with SCORECARD_CACHE_SIZE=0, plus the first request of
// each case on the main process. The uncached figures are the line before the last.
//   npm run bench:api                      10 000 000 rows
//   npm run bench:api -- --rows 200000     quick smoke run
// Options: --rows N, --requests N (timed scorecard requests per case, default 30),
//          --duration S and --connections C (load tests, default 10 s and 20),
//          --hold (after loading and starting the API, print its URLs and wait for Ctrl-C, to
//          investigate with EXPLAIN or a profiler; measures nothing).
// Needs the built apps: npx nx build ingest api. Uses DATABASE_URL's server when set (in a
// scratch database it drops afterwards), else an embedded PostgreSQL in a temp folder.
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../scripts/lib/embedded-postgres.mjs';
import { findFreePort } from '../../../scripts/lib/ports.mjs';
import { runStep, startService, stopAll, waitForUrl } from '../../../scripts/lib/processes.mjs';
import { bulkLoad } from './bulk-load.mjs';
import { loadTest, quantile, timeSequential } from './http-measure.mjs';
import { runRaw, scorecardCases } from './scorecard-cases.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    requests: { type: 'string', default: '30' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    hold: { type: 'boolean', default: false },
  },
});
const rows = Number(options.rows);
const requestsPerCase = Number(options.requests);
const loadSeconds = Number(options.duration);
const connections = Number(options.connections);
if (![rows, requestsPerCase, loadSeconds, connections].every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write('--rows, --requests, --duration and --connections must be positive integers\n');
  process.exit(2);
}

const WARMUP_PER_CASE = 5;

/** Stops one service started with startService (its process group) and waits for it to exit. */
function stopService(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}
const RAW_RUNS_PER_CASE = 3;
const log = (line) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'NaN');

const cleanups = [];
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        process.stderr.write(`cleanup: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function startDatabase() {
  if (process.env.DATABASE_URL) {
    const name = `civicpulse_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return { url: url.toString(), embedded: false };
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'civicpulse-bench-api-'));
  chmodSync(parent, 0o777);
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  // embedded-postgres stops its server on Ctrl-C by itself and then exits the process before our
  // asynchronous cleanup ends: remove the folder synchronously on exit as well.
  process.on('exit', () => rmSync(parent, { recursive: true, force: true }));
  const database = await startEmbeddedPostgres({
    dataDir: path.join(parent, 'pg'),
    database: 'civicpulse_bench',
    persistent: false,
  });
  cleanups.push(() => database.stop());
  log(`postgres: embedded on port ${database.port}, data in ${parent}`);
  return { url: database.url, embedded: true };
}

/**
 * Checks that the raw query answers the scorecard's question: each KPI value the API returned is
 * compared with the raw value (relative tolerance 1e-6; the API rounds to 6 decimals). Every
 * rule must agree, `last` + `ratio_of_sums` included: the rollups keep the newest observation's
 * numerator and denominator, which is what the raw query combines.
 */
async function compareValues(client, cases) {
  const codes = new Map(
    (await client.query('SELECT id, code FROM indicator')).rows.map((r) => [r.id, r.code]),
  );
  const rules = new Map(
    (await client.query('SELECT code, time_aggregation, region_aggregation FROM indicator')).rows.map((r) => [
      r.code,
      `${r.time_aggregation}/${r.region_aggregation}`,
    ]),
  );
  let equal = 0;
  const differing = new Map();
  for (const c of cases) {
    const raw = new Map((c.rawRows ?? []).map((r) => [codes.get(r.indicator_id), r.value]));
    for (const kpi of c.apiKpis ?? []) {
      const want = raw.get(kpi.indicatorCode) ?? null;
      const same =
        kpi.value === null || want === null
          ? kpi.value === want
          : Math.abs(kpi.value - want) <= 1e-6 * Math.max(1, Math.abs(want));
      if (same) equal += 1;
      else
        differing.set(kpi.indicatorCode, [
          ...(differing.get(kpi.indicatorCode) ?? []),
          `api ${kpi.value} raw ${want}`,
        ]);
    }
  }
  // One entry per indicator: its rules, how many cases differ, and the first case's values.
  const differ = [...differing].map(
    ([code, list]) => `${code} (${rules.get(code)}) ×${list.length}, e.g. ${list[0]}`,
  );
  const differCount = [...differing.values()].reduce((n, list) => n + list.length, 0);
  return { equal, differ, differCount };
}

async function main() {
  for (const file of ['dist/api/main.js', 'dist/ingest/main.js']) {
    if (!existsSync(path.join(root, file)))
      throw new Error(`${file} is missing: run npx nx build ingest api first`);
  }
  const database = await startDatabase();
  const client = new pg.Client({ connectionString: database.url });
  // A server stopping under the client (Ctrl-C reaches Postgres too) must not crash the cleanup.
  client.on('error', (error) => log(`postgres client: ${error.message}`));
  await client.connect();
  cleanups.push(() => client.end());
  const superuser =
    (await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper ===
    true;
  if (database.embedded) {
    // Bulk-load settings for the throw-away server: fewer checkpoints, no wait for WAL flush.
    for (const setting of [
      "max_wal_size = '8GB'",
      "checkpoint_timeout = '30min'",
      'synchronous_commit = off',
    ]) {
      await client.query(`ALTER SYSTEM SET ${setting}`);
    }
    await client.query('SELECT pg_reload_conf()');
  }

  const cli = (args) =>
    runStep(process.execPath, [path.join(root, 'dist/ingest/main.js'), ...args], {
      env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
    });
  await cli(['migrate']);
  await cli(['catalog', 'apply', '--dir', path.join(root, 'catalog')]);
  log('schema migrated, catalogue applied');
  const load = await bulkLoad(client, { rows, log, superuser });

  const password = randomBytes(18).toString('base64url');
  const jwtSecret = randomBytes(48).toString('base64url');
  /** Starts the built API on a free port with the product's configuration plus `extraEnv`. */
  const startApi = async (name, extraEnv) => {
    const port = await findFreePort(3900);
    const child = startService(name, process.execPath, [path.join(root, 'dist/api/main.js')], {
      env: {
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        ADMIN_PASSWORD: password,
        JWT_SECRET: jwtSecret,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        // The benchmark measures throughput, not the per-IP rate limit (600/min by default).
        RATE_LIMIT_PER_MINUTE: '1000000000',
        ...extraEnv,
      },
    });
    process.on('exit', () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already stopped
      }
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForUrl(`${url}/api/health/ready`, 60_000, (body) => body.status === 'ready');
    return { url, child };
  };
  cleanups.push(() => stopAll());
  const { url: base } = await startApi('api', {});
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`login failed: HTTP ${login.status} ${await login.text()}`);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  log(`api: listening on ${base}, signed in as admin`);
  if (options.hold) {
    log(`hold: DATABASE_URL=${database.url}`);
    log(`hold: curl -H 'authorization: ${headers.authorization}' ${base}/api/overview`);
    log('hold: Ctrl-C to stop and clean up');
    // Never resolves: the SIGINT handler cleans up and exits.
    await new Promise((resolve) => process.once('exit', resolve));
  }

  let errors = 0;
  const cases = await scorecardCases(client);
  const scorecardTimes = [];
  const firstTimes = [];
  log(
    `scorecard: ${cases.length} cases × (${WARMUP_PER_CASE} warm-up + ${requestsPerCase} timed) sequential requests`,
  );
  for (const c of cases) {
    const warm = await timeSequential(base, c.path, headers, WARMUP_PER_CASE);
    // The first request of a case finds no kept response: a cold scorecard on a warm process.
    firstTimes.push(warm.times[0]);
    const timed = await timeSequential(base, c.path, headers, requestsPerCase);
    errors += warm.errors + timed.errors;
    if (timed.errors > 0) log(`  ${c.label}: ${timed.errors} failed — ${timed.lastBody}`);
    const sorted = [...timed.times].sort((a, b) => a - b);
    scorecardTimes.push(...timed.times);
    c.apiKpis = timed.errors === 0 ? JSON.parse(timed.lastBody).kpis : [];
    const kpis = c.apiKpis.filter((k) => k.value !== null).length;
    log(
      `  ${c.label.padEnd(52)} p50 ${fmt(quantile(sorted, 0.5)).padStart(7)} ms  p95 ${fmt(quantile(sorted, 0.95)).padStart(7)} ms  (${kpis} KPIs with a value)`,
    );
  }
  scorecardTimes.sort((a, b) => a - b);
  const scorecardP50 = quantile(scorecardTimes, 0.5);
  const scorecardP95 = quantile(scorecardTimes, 0.95);
  firstTimes.sort((a, b) => a - b);

  // The uncached cost: a second API process with the response cache turned off through its own
  // configuration (SCORECARD_CACHE_SIZE=0); every request computes its scorecard.
  const uncachedPerCase = Math.max(1, Math.round(requestsPerCase / 3));
  log(
    `uncached scorecard: second API with SCORECARD_CACHE_SIZE=0, ${cases.length} cases × (2 warm-up + ${uncachedPerCase} timed)`,
  );
  const uncachedApi = await startApi('api-nc', { SCORECARD_CACHE_SIZE: '0' });
  const uncachedTimes = [];
  for (const c of cases) {
    const warm = await timeSequential(uncachedApi.url, c.path, headers, 2);
    const timed = await timeSequential(uncachedApi.url, c.path, headers, uncachedPerCase);
    errors += warm.errors + timed.errors;
    uncachedTimes.push(...timed.times);
    const sorted = [...timed.times].sort((a, b) => a - b);
    log(`  ${c.label.padEnd(52)} p50 ${fmt(quantile(sorted, 0.5)).padStart(7)} ms`);
  }
  uncachedTimes.sort((a, b) => a - b);
  await stopService(uncachedApi.child);

  log(
    `raw GROUP BY over observation (tools/bench/api/raw-scorecard.sql): ${cases.length} cases × (1 warm-up + ${RAW_RUNS_PER_CASE} timed)`,
  );
  const rawTimes = [];
  for (const c of cases) {
    await runRaw(client, c);
    const own = [];
    for (let i = 0; i < RAW_RUNS_PER_CASE; i += 1) {
      const run = await runRaw(client, c);
      own.push(run.ms);
      c.rawRows = run.rows;
    }
    own.sort((a, b) => a - b);
    rawTimes.push(...own);
    log(`  ${c.label.padEnd(52)} median ${fmt(quantile(own, 0.5)).padStart(8)} ms`);
  }
  rawTimes.sort((a, b) => a - b);
  const agreement = await compareValues(client, cases);
  log(
    `raw vs API KPI values: ${agreement.equal} equal, ${agreement.differCount} differ` +
      (agreement.differ.length > 0 ? ` — ${agreement.differ.join('; ')}` : ''),
  );
  const rawMedian = quantile(rawTimes, 0.5);

  // The constant endpoint: liveness, which answers from the process alone. Newer builds serve it
  // at /api/health/live (with /api/health reporting database state); older ones at /api/health.
  let constantPath = '/api/health/live';
  let health = await fetch(`${base}${constantPath}`, { headers });
  if (health.status === 404) {
    constantPath = '/api/health';
    health = await fetch(`${base}${constantPath}`, { headers });
  }
  log(
    `constant endpoint: GET ${constantPath} (liveness, no database access) → HTTP ${health.status} ${await health.text()}`,
  );
  const overviewCheck = await fetch(`${base}/api/overview`, { headers });
  log(
    `overview: GET /api/overview → HTTP ${overviewCheck.status}, ${(await overviewCheck.text()).length} bytes`,
  );
  const loadOptions = { connections, seconds: loadSeconds };
  log(
    `load test: autocannon, ${connections} connections, ${loadSeconds} s each, 127.0.0.1, same bearer token`,
  );
  const overview = await loadTest(`${base}/api/overview`, headers, loadOptions);
  log(
    `  /api/overview  ${Math.round(overview.rps)} req/s  p50 ${overview.p50} ms  p99 ${overview.p99} ms  non-2xx ${overview.non2xx}  socket errors ${overview.errors}`,
  );
  const constant = await loadTest(`${base}${constantPath}`, headers, loadOptions);
  log(
    `  ${constantPath.padEnd(14)} ${Math.round(constant.rps)} req/s  p50 ${constant.p50} ms  p99 ${constant.p99} ms  non-2xx ${constant.non2xx}  socket errors ${constant.errors}`,
  );
  errors += overview.non2xx + overview.errors + constant.non2xx + constant.errors;

  const speedup = rawMedian / scorecardP50;
  const uncached = {
    p50: quantile(uncachedTimes, 0.5),
    p95: quantile(uncachedTimes, 0.95),
    speedup: rawMedian / quantile(uncachedTimes, 0.5),
    firstP50: quantile(firstTimes, 0.5),
    firstMax: firstTimes[firstTimes.length - 1],
  };
  log(`summary (${load.rows.toLocaleString('en')} observations loaded in ${fmt(load.seconds)} s):`);
  log(
    `  scorecard p50 ${fmt(scorecardP50)} ms, p95 ${fmt(scorecardP95)} ms over ${scorecardTimes.length} requests (aim p95 ≤ 20 ms)`,
  );
  log(
    `  raw GROUP BY median ${fmt(rawMedian)} ms over ${rawTimes.length} runs; speedup = raw_groupby_ms / scorecard_p50_ms = ${fmt(speedup)} (aim ≥ 30)`,
  );
  log(
    `  overview ${Math.round(overview.rps)} req/s = ${fmt(overview.rps / constant.rps, 2)} × constant ${Math.round(constant.rps)} req/s (aim ≥ 0.5); errors ${errors} (aim 0)`,
  );
  log(
    `  uncached scorecard p50 ${fmt(uncached.p50)} ms, p95 ${fmt(uncached.p95)} ms over ${uncachedTimes.length} requests; speedup ${fmt(uncached.speedup)}; first request per case p50 ${fmt(uncached.firstP50)} ms, max ${fmt(uncached.firstMax)} ms`,
  );
  return {
    scorecardP95,
    rawMedian,
    speedup,
    overviewRps: overview.rps,
    constantRps: constant.rps,
    errors,
    uncached,
  };
}

main()
  .then(async (r) => {
    await cleanup();
    process.stdout.write(
      `uncached_scorecard_p50_ms=${fmt(r.uncached.p50)} uncached_scorecard_p95_ms=${fmt(r.uncached.p95)} uncached_speedup=${fmt(r.uncached.speedup)} first_request_p50_ms=${fmt(r.uncached.firstP50)} first_request_max_ms=${fmt(r.uncached.firstMax)}\n`,
    );
    process.stdout.write(
      `scorecard_p95_ms=${fmt(r.scorecardP95)} raw_groupby_ms=${fmt(r.rawMedian)} speedup=${fmt(r.speedup)} overview_rps=${Math.round(r.overviewRps)} constant_rps=${Math.round(r.constantRps)} errors=${r.errors}\n`,
    );
    process.exit(0);
  })
  .catch(async (error) => {
    process.stderr.write(
      `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanup();
    process.exit(1);
  });
