// Opening a page as an already signed-in user: most scenarios test a page, not the login form.
import { seedLocale, seedSession } from '../browser.mjs';

/**
 * A new page in a fresh context that already holds `login` (default: the admin's session).
 * @param {{ tracked: { context: (options?: object) => Promise<import('playwright-core').BrowserContext> }, adminLogin: object }} fx
 */
export async function signedInPage(
  fx,
  { login = fx.adminLogin, locale = 'zh-CN', contextOptions = {} } = {},
) {
  const context = await fx.tracked.context(contextOptions);
  await seedSession(context, login);
  await seedLocale(context, locale);
  return context.newPage();
}

/** Waits for the first level-one heading, so the lazy page has rendered. */
export async function waitForHeading(page, timeout = 30_000) {
  const heading = page.locator('h1').first();
  await heading.waitFor({ state: 'visible', timeout });
  return (await heading.innerText()).trim();
}

/** A scored project from the API (the suite waited for one before starting). */
export function scoredProject(projects) {
  const project = projects.find((p) => typeof p?.score?.score === 'number');
  if (!project) throw new Error('no brand project has a score');
  return project;
}
