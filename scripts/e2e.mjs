#!/usr/bin/env node
// `npm run e2e`: the browser end-to-end suite. Starts the whole product in a throw-away data folder,
// waits for the demo history, drives Debian's Chromium through every scenario in web-e2e/, and ends
// with `N passed, N failed`. The stack and the browser are stopped on every exit path.
//
//   npm run e2e                       all scenarios
//   npm run e2e -- --grep big         only scenarios whose name contains "big"
//   E2E_BASE_URL=http://localhost:3000 E2E_USERNAME=admin E2E_PASSWORD=… npm run e2e
//                                     against an already running stack (nothing is started or stopped)
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from './lib/stack.mjs';
import { ApiClient, lastFullYear, waitForDemoHistory } from '../web-e2e/api-client.mjs';
import { CHROMIUM_PATH, launchChromium, newContext } from '../web-e2e/browser.mjs';
import { runScenarios, ScreenshotStore } from '../web-e2e/harness.mjs';
import { SCENARIOS } from '../web-e2e/scenarios/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const screenshotDir = path.join(root, 'tmp/e2e-screenshots');
const dataDir = path.join(root, 'tmp/e2e-data');
const grepIndex = process.argv.indexOf('--grep');
const grep = grepIndex > 0 ? process.argv[grepIndex + 1] : undefined;
const verbose = process.argv.includes('--verbose') || process.env.E2E_VERBOSE === 'true';

const log = (line) => process.stdout.write(`${line}\n`);
let stack = null;
let browser = null;
let cleaningUp = null;

/** Closes the browser and stops the stack once, whichever path gets here first. */
function cleanUp() {
  cleaningUp ??= (async () => {
    if (browser) await browser.close().catch(() => undefined);
    if (stack?.stop) {
      log('Stopping the stack …');
      await stack.stop().catch((error) => log(`stopping the stack failed: ${error?.message ?? error}`));
      // The throw-away database is only worth keeping to investigate a failure (E2E_KEEP_DATA=true).
      if (process.env.E2E_KEEP_DATA !== 'true') rmSync(dataDir, { recursive: true, force: true });
    }
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`\n${signal}: stopping`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function startOrReuseStack() {
  if (process.env.E2E_BASE_URL) {
    const reused = {
      url: process.env.E2E_BASE_URL.replace(/\/$/, ''),
      username: process.env.E2E_USERNAME ?? 'admin',
      password: process.env.E2E_PASSWORD ?? '',
    };
    log(`Using the running stack at ${reused.url}`);
    return reused;
  }
  const built = ['dist/api/main.js', 'dist/ingest/main.js', 'dist/web/browser/index.html'].every((f) =>
    existsSync(path.join(root, f)),
  );
  if (!built)
    log(
      'dist/ is incomplete: the stack builds api, ingest and web first (run `npm run build` beforehand to save time)',
    );
  log('Starting the stack …');
  const tail = [];
  const started = await startStack({
    root,
    dataDir,
    timeoutMs: built ? 300_000 : 1_200_000,
    log: (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (verbose) log(`  │ ${line}`);
    },
  }).catch((error) => {
    log(tail.map((l) => `  │ ${l}`).join('\n'));
    throw error;
  });
  log(`Stack running at ${started.url}`);
  return started;
}

async function main() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
  const screenshots = new ScreenshotStore(screenshotDir);
  stack = await startOrReuseStack();
  const { client: api, response: adminLogin } = await new ApiClient(stack.url).signIn(
    stack.username,
    stack.password,
  );
  log('Waiting for the demo history to be scored …');
  const projects = await waitForDemoHistory(api, { log: (line) => log(`  ${line}`) });
  log(`${projects.length} brand projects scored for ${lastFullYear()}`);

  browser = await launchChromium();
  const period = lastFullYear();
  const results = await runScenarios(
    SCENARIOS,
    {
      browser,
      stack,
      api,
      adminLogin,
      projects,
      period,
      newContext: (options) => newContext(browser, options),
    },
    { screenshots, log, grep },
  );
  return results;
}

// The summary comes after the clean-up, so `N passed, N failed` is the last line.
let results = [];
let setupFailure = null;
try {
  results = await main();
} catch (error) {
  setupFailure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
} finally {
  await cleanUp();
}
if (setupFailure) {
  log(`\n✖ ${setupFailure}`);
  log(`0 passed, ${SCENARIOS.length} failed`);
  process.exit(1);
}
const failed = results.filter((r) => !r.passed);
if (failed.length) {
  log('\nFailures:');
  for (const f of failed) log(`  ${f.name}: ${f.message}`);
}
log(`\nScreenshots in ${path.relative(root, screenshotDir)}/`);
log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
