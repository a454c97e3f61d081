// Signing in and the overview's charts.
import { waitForCharts } from '../browser.mjs';
import { check } from '../harness.mjs';
import { signedInPage, waitForHeading } from './signed-in.mjs';

export const login = {
  name: 'login',
  title: 'a visitor is sent to the login form, a wrong password is refused, the right one opens the overview',
  async run(fx) {
    const context = await fx.tracked.context();
    const page = await context.newPage();
    await page.goto(`${fx.stack.url}/overview`);
    await page.waitForURL(/\/login/, { timeout: 30_000 });
    await page.locator('#cp-username').waitFor();
    await fx.shot(page, 'login-form');

    await page.locator('#cp-username').fill(fx.stack.username);
    await page.locator('#cp-password').fill(`${fx.stack.password}-wrong`);
    await page.locator('form button[type="submit"]').click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor({ timeout: 15_000 });
    check((await refusal.innerText()).trim().length > 0, 'the refusal of a wrong password is empty');
    check(page.url().includes('/login'), 'a wrong password left the login page');
    await fx.shot(page, 'login-refused');

    await page.locator('#cp-password').fill(fx.stack.password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(/\/overview/, { timeout: 30_000 });
    const heading = await waitForHeading(page);
    check(heading.length > 0, 'the overview has no heading');
    const session = await page.evaluate(() => sessionStorage.getItem('civicpulse.session'));
    check(session && session.includes('"token"'), 'no session was stored after signing in');
    await page.getByRole('navigation').first().waitFor();
    await fx.shot(page, 'overview');
  },
};

export const overviewCharts = {
  name: 'overview-charts',
  title: 'the overview draws its district map and sparklines',
  async run(fx) {
    const page = await signedInPage(fx);
    await page.goto(`${fx.stack.url}/overview`);
    await waitForHeading(page);
    const map = await waitForCharts(page, { scope: 'section.map', min: 1, timeoutMs: 45_000 });
    const mapSize = map.sizes.find((s) => s.width > 0 && s.height > 0);
    check(
      mapSize && mapSize.width >= 200 && mapSize.height >= 200,
      `the district map is too small: ${JSON.stringify(map.sizes)}`,
    );
    const all = await waitForCharts(page, { scope: 'main', min: 2 });
    fx.log(`${all.drawn} charts drawn on the overview (map ${mapSize.width}×${mapSize.height})`);
    const tiles = await page.locator('cp-headline-tile').count();
    check(tiles > 0, 'the overview shows no headline tiles');
    await fx.shot(page, 'overview');
  },
};
