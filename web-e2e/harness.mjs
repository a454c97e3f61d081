// The suite's tiny runner: named scenarios, each run in isolation with its own browser context,
// a screenshot of every page visited, and one pass/fail line per scenario.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Raised by `check` when an expectation of a scenario does not hold. */
export class ExpectationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ExpectationError';
  }
}

/** Fails the scenario with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new ExpectationError(message);
}

/** Writes screenshots as `<dir>/<scenario>--<label>.png`; the folder is emptied once per run. */
export class ScreenshotStore {
  constructor(dir) {
    this.dir = dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  file(scenario, label) {
    const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
    return path.join(this.dir, `${safe(scenario)}--${safe(label)}.png`);
  }
}

/**
 * Runs the scenarios one after the other. Each gets `{ browser, stack, api, shot, log, tracked }`;
 * contexts it opens through `tracked.context(...)` are closed afterwards even when it fails, and the
 * page it was on is captured as `<name>--failure.png`.
 */
export async function runScenarios(scenarios, fixtures, { screenshots, log, grep }) {
  const results = [];
  for (const scenario of scenarios) {
    if (grep && !scenario.name.includes(grep)) continue;
    const contexts = [];
    let lastPage = null;
    const shot = async (page, label) => {
      lastPage = page;
      const file = screenshots.file(scenario.name, label);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    };
    const tracked = {
      async context(options) {
        const context = await fixtures.newContext(options);
        contexts.push(context);
        context.on('page', (page) => {
          lastPage = page;
        });
        return context;
      },
    };
    const started = Date.now();
    log(`▶ ${scenario.name} — ${scenario.title}`);
    try {
      await scenario.run({ ...fixtures, shot, tracked, log: (line) => log(`    ${line}`) });
      results.push({ name: scenario.name, passed: true });
      log(`✔ PASS ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ name: scenario.name, passed: false, message });
      if (lastPage && !lastPage.isClosed()) {
        await lastPage
          .screenshot({ path: screenshots.file(scenario.name, 'failure') })
          .catch(() => undefined);
      }
      log(`✖ FAIL ${scenario.name}: ${message.split('\n')[0]}`);
    } finally {
      for (const context of contexts) await context.close().catch(() => undefined);
    }
  }
  return results;
}
