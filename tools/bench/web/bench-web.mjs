#!/usr/bin/env node
// `npm run bench:web`: two figures of the web app, printed, not asserted.
//   initial_js_gzip_kb  JavaScript the browser must fetch before the app starts: the script tags and
//                       modulepreload links of dist/web/browser/index.html, each gzipped (level 9).
//   first_chart_ms      from navigation start to the first ECharts canvas/svg on the overview having
//                       drawn, signed in, fresh browser context (cold cache), median of 3 runs.
// The stack runs on the demo database in a throw-away folder, as for the end-to-end suite;
// E2E_BASE_URL / E2E_USERNAME / E2E_PASSWORD reuse a running stack instead. The machine's load is
// printed with the figures: on a shared machine it moves first_chart_ms more than most changes do.
// Results and where the time goes: tools/bench/web/RESULTS.md.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startStack } from '../../../scripts/lib/stack.mjs';
import { ApiClient, waitForDemoHistory } from '../../../web-e2e/api-client.mjs';
import { launchChromium, newContext, seedSession } from '../../../web-e2e/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const browserDist = path.join(root, 'dist/web/browser');
const RUNS = 3;
const dataDir = path.join(root, 'tmp/bench-web-data');

/** Raised when the production build is missing. */
class MissingBuildError extends Error {
  constructor(file) {
    super(`${path.relative(root, file)} is missing: run \`npm run build\` first`);
    this.name = 'MissingBuildError';
  }
}

/** Initial chunks: `<script src>` and `<link rel="modulepreload" href>` pointing at local .js files. */
export function initialScripts(html) {
  const files = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    if (!isScript && !/rel=["']?modulepreload/i.test(tag)) continue;
    const ref = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (ref && /\.m?js(\?|$)/.test(ref) && !/^([a-z]+:)?\/\//i.test(ref))
      files.add(ref.replace(/^\.?\//, '').split('?')[0]);
  }
  return [...files];
}

function initialJsGzip() {
  const index = path.join(browserDist, 'index.html');
  if (!existsSync(index)) throw new MissingBuildError(index);
  const files = initialScripts(readFileSync(index, 'utf8'));
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = readFileSync(path.join(browserDist, file));
    raw += content.length;
    gzipped += gzipSync(content, { level: 9 }).length;
  }
  return { files, raw, gzipped };
}

/**
 * Runs in the page before the app: watches every animation frame for the first canvas/svg inside a
 * `cp-chart` that has painted something, and records performance.now() (ms since navigation start).
 */
function watchFirstChart() {
  const painted = (surface) => {
    const canvas = surface.querySelector('canvas');
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    }
    const svg = surface.querySelector('svg');
    return Boolean(svg && svg.getBoundingClientRect().width > 0 && svg.querySelector('path, text, rect'));
  };
  const tick = () => {
    if (window.__cpFirstChartMs !== undefined) return;
    for (const surface of document.querySelectorAll('cp-chart .cp-chart__surface')) {
      if (painted(surface)) {
        window.__cpFirstChartMs = performance.now();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function firstChartMs(browser, url, login) {
  const context = await newContext(browser);
  try {
    await seedSession(context, login);
    await context.addInitScript(watchFirstChart);
    const page = await context.newPage();
    await page.goto(`${url}/overview`);
    await page.waitForFunction(() => window.__cpFirstChartMs !== undefined, null, {
      timeout: 60_000,
      polling: 100,
    });
    // Where the time went: when the data the first charts need had arrived, and ECharts' chunk.
    return await page.evaluate(() => {
      const done = (part) =>
        Math.round(
          Math.max(
            0,
            ...performance
              .getEntriesByType('resource')
              .filter((e) => e.name.includes(part))
              .map((e) => e.responseEnd),
          ),
        );
      return {
        ms: window.__cpFirstChartMs,
        overviewApi: done('/api/overview'),
        domContentLoaded: Math.round(
          performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
        ),
      };
    });
  } finally {
    await context.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const js = initialJsGzip();
  console.log(`initial chunks: ${js.files.join(', ')}`);
  console.log(
    `initial JavaScript: ${(js.raw / 1024).toFixed(1)} kB raw, ${(js.gzipped / 1024).toFixed(1)} kB gzip`,
  );

  let stack = null;
  let browser = null;
  const stop = async () => {
    if (browser) await browser.close().catch(() => undefined);
    browser = null;
    if (stack?.stop) {
      await stack.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
    stack = null;
  };
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => void stop().then(() => process.exit(130)));
  try {
    if (process.env.E2E_BASE_URL) {
      stack = {
        url: process.env.E2E_BASE_URL.replace(/\/$/, ''),
        username: process.env.E2E_USERNAME ?? 'admin',
        password: process.env.E2E_PASSWORD ?? '',
      };
    } else {
      console.log('starting the stack …');
      stack = await startStack({ root, dataDir });
    }
    const { client, response } = await new ApiClient(stack.url).signIn(stack.username, stack.password);
    console.log('waiting for the demo history …');
    await waitForDemoHistory(client);
    browser = await launchChromium();
    // One unmeasured load warms the server (first queries, compiled statements), not the browser.
    await firstChartMs(browser, stack.url, response);
    const samples = [];
    const loadBefore = os.loadavg()[0];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await firstChartMs(browser, stack.url, response);
      samples.push(run.ms);
      console.log(
        `run ${i + 1}: first chart painted after ${run.ms.toFixed(0)} ms ` +
          `(DOMContentLoaded ${run.domContentLoaded} ms, /api/overview answered ${run.overviewApi} ms)`,
      );
    }
    console.log(
      `machine: ${os.cpus().length} cores, load average (1 min) ${loadBefore.toFixed(1)} before the runs, ` +
        `${os.loadavg()[0].toFixed(1)} after`,
    );
    console.log(
      `initial_js_gzip_kb=${(js.gzipped / 1024).toFixed(1)} first_chart_ms=${Math.round(median(samples))}`,
    );
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(`bench:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
