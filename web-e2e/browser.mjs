// Browser-side helpers shared by the scenarios: launching Debian's Chromium, signing in through the
// login form, waiting for ECharts to finish drawing, and the layout / language checks.
import { chromium } from 'playwright-core';

/** Debian's Chromium; the suite never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Raised when a page does not reach the state a scenario waits for. */
export class PageStateError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PageStateError';
  }
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh context: reduced motion, zh-CN browser, Shanghai time, downloads accepted. */
export function newContext(browser, options = {}) {
  return browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    acceptDownloads: true,
    ...options,
  });
}

/** Signs in through the login form and waits for the overview. */
export async function signInThroughForm(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#cp-username').fill(username);
  await page.locator('#cp-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
}

/**
 * Stores a session for the web app without going through the form (scenarios that do not test
 * login): the app reads `civicpulse.session` from sessionStorage on start.
 */
export async function seedSession(context, loginResponse) {
  const session = JSON.stringify({
    token: loginResponse.accessToken,
    expiresAt: Date.now() + loginResponse.expiresIn * 1000,
    user: loginResponse.user,
  });
  await context.addInitScript((value) => {
    try {
      if (!window.sessionStorage.getItem('civicpulse.session'))
        window.sessionStorage.setItem('civicpulse.session', value);
    } catch {
      // storage unavailable: the page will redirect to the login form and the scenario fails there
    }
  }, session);
}

/** Sets the remembered language before the app starts. */
export async function seedLocale(context, locale) {
  // Only when nothing is remembered yet: a switch made during the scenario must survive reloads.
  await context.addInitScript((value) => {
    if (!window.localStorage.getItem('civicpulse.locale'))
      window.localStorage.setItem('civicpulse.locale', value);
  }, locale);
}

/**
 * Waits until at least `min` charts inside `scope` have drawn a non-empty canvas/svg of non-zero
 * size, and their pictures stopped changing (ECharts animations finished).
 * Returns the sizes of the drawn surfaces.
 */
export async function waitForCharts(page, { scope = 'body', min = 1, timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let previous = null;
  let last = { drawn: 0, sizes: [] };
  while (Date.now() < deadline) {
    last = await page.evaluate(readCharts, scope);
    if (last.drawn >= min) {
      if (previous !== null && previous === last.signature) return last;
      previous = last.signature;
    } else {
      previous = null;
    }
    await page.waitForTimeout(300);
  }
  throw new PageStateError(
    `expected at least ${min} drawn chart(s) in ${scope}, found ${last.drawn} of ${last.sizes.length} chart host(s) within ${timeoutMs / 1000} s`,
  );
}

/** Runs in the page: describes every `cp-chart` surface under the scope. */
function readCharts(scope) {
  const root = document.querySelector(scope) ?? document.body;
  const surfaces = [...root.querySelectorAll('cp-chart .cp-chart__surface')];
  let drawn = 0;
  const sizes = [];
  const parts = [];
  for (const surface of surfaces) {
    const canvas = surface.querySelector('canvas');
    const svg = surface.querySelector('svg');
    const element = canvas ?? svg;
    const rect = element ? element.getBoundingClientRect() : { width: 0, height: 0 };
    sizes.push({ width: Math.round(rect.width), height: Math.round(rect.height) });
    if (!element || rect.width === 0 || rect.height === 0) continue;
    let picture = '';
    if (canvas) {
      try {
        picture = canvas.toDataURL();
      } catch {
        picture = 'tainted';
      }
      // An untouched canvas encodes to a short, constant PNG; a drawn one differs from a blank one.
      const blank = document.createElement('canvas');
      blank.width = canvas.width;
      blank.height = canvas.height;
      if (picture === blank.toDataURL()) continue;
    } else {
      picture = svg.innerHTML;
      if (svg.childElementCount === 0) continue;
    }
    drawn += 1;
    parts.push(`${picture.length}:${picture.slice(-64)}`);
  }
  return { drawn, sizes, signature: parts.join('|') };
}

/** Text of the page body as the user sees it. */
export function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/g;

/** CJK characters left in a text, with a little context for the failure message. */
export function cjkSamples(text, max = 5) {
  const samples = [];
  let coveredUntil = -1;
  for (const match of text.matchAll(CJK)) {
    if (match.index < coveredUntil) continue;
    const from = Math.max(0, match.index - 15);
    coveredUntil = match.index + 25;
    samples.push(JSON.stringify(text.slice(from, coveredUntil).replace(/\s+/g, ' ')));
    if (samples.length >= max) break;
  }
  return samples;
}

/** Document and body overflow: a big screen must fit its viewport exactly. */
export function scrollMetrics(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    const b = document.body;
    return {
      docScrollWidth: d.scrollWidth,
      docClientWidth: d.clientWidth,
      docScrollHeight: d.scrollHeight,
      docClientHeight: d.clientHeight,
      bodyScrollWidth: b.scrollWidth,
      bodyScrollHeight: b.scrollHeight,
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
    };
  });
}
