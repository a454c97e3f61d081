// A brand project's detail page and its public showcase.
import { scrollMetrics, waitForCharts } from '../browser.mjs';
import { check } from '../harness.mjs';
import { scoredProject, signedInPage, waitForHeading } from './signed-in.mjs';

/** Ways a score may be written on the page (locale formatting uses at most one decimal). */
function scoreSpellings(score) {
  return [...new Set([score.toFixed(1), score.toFixed(0), String(Math.round(score * 10) / 10)])];
}

export const projectScore = {
  name: 'project-score',
  title: 'the project list links to a project whose page shows the score the API computed',
  async run(fx) {
    const project = scoredProject(fx.projects);
    const page = await signedInPage(fx);
    await page.goto(`${fx.stack.url}/projects`);
    await waitForHeading(page);
    const link = page.getByRole('link', { name: project.nameZh, exact: true });
    await link.waitFor({ timeout: 30_000 });
    await waitForCharts(page, { scope: 'main', min: 1 });
    await fx.shot(page, 'project-list');

    await link.click();
    await page.waitForURL(new RegExp(`/projects/${project.code}$`), { timeout: 30_000 });
    const heading = await waitForHeading(page);
    check(heading === project.nameZh, `the detail page is headed "${heading}", expected "${project.nameZh}"`);

    // The year to date lacks the annual indicators; the last full year is the period with a score.
    const period = fx.period;
    const periodSelect = page.locator('.score select');
    await periodSelect.waitFor({ timeout: 30_000 });
    const scorecardResponse = page.waitForResponse(
      (r) =>
        r.url().includes(`/brand-projects/${project.code}/scorecard`) && r.url().includes(`period=${period}`),
      { timeout: 30_000 },
    );
    await periodSelect.selectOption(period);
    const response = await scorecardResponse;
    check(response.ok(), `the scorecard request answered ${response.status()}`);
    const scorecard = await response.json();
    const score = scorecard?.score?.score;
    check(
      typeof score === 'number',
      `the ${period} scorecard has no score: ${JSON.stringify(scorecard?.score)}`,
    );
    const listed = await fx.api.get(`/brand-projects/${project.code}/scorecard?period=${period}`);
    check(
      Math.abs(listed.score.score - score) < 1e-6,
      `the page received score ${score}, the API answers ${listed.score.score}`,
    );

    await waitForCharts(page, { scope: '.score', min: 1 });
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    const scorePanel = page.locator('.score');
    const text = await scorePanel.innerText();
    const labels = await scorePanel
      .locator('[aria-label]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const readable = `${text}\n${labels.join('\n')}`;
    const spellings = scoreSpellings(score);
    fx.log(`score of ${project.code}: ${score} (looking for ${spellings.join(' / ')})`);
    await fx.shot(page, 'project-detail');
    check(
      spellings.some((s) => new RegExp(`(^|[^\\d.])${s.replace('.', '\\.')}([^\\d]|$)`).test(readable)),
      `the score ${score.toFixed(1)} of ${project.code} is not readable on the page (only drawn inside the gauge canvas); ` +
        `score panel text: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 200))}`,
    );
  },
};

export const publicShowcase = {
  name: 'public-showcase',
  title: 'a published project is readable without signing in, on a desktop and on a phone',
  async run(fx) {
    const project = scoredProject(fx.projects);
    await fx.api.post(`/brand-projects/${project.code}/publish`);
    const url = `${fx.stack.url}/public/projects/${project.code}`;

    const desktop = await fx.tracked.context();
    const page = await desktop.newPage();
    await page.goto(url);
    const heading = await waitForHeading(page);
    check(!page.url().includes('/login'), 'the public page redirected to the login form');
    check(heading === project.nameZh, `the public page is headed "${heading}", expected "${project.nameZh}"`);
    const token = await page.evaluate(() => sessionStorage.getItem('civicpulse.session'));
    check(token === null, 'the fresh context unexpectedly holds a session');
    await waitForCharts(page, { scope: 'main', min: 1 });
    const kpis = await page.locator('.kpis > li').count();
    check(kpis > 0, 'the public page lists no KPI');
    await fx.shot(page, 'desktop');

    const phoneContext = await fx.tracked.context({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
    const phone = await phoneContext.newPage();
    await phone.goto(url);
    await waitForHeading(phone);
    await waitForCharts(phone, { scope: 'main', min: 1 });
    const m = await scrollMetrics(phone);
    await fx.shot(phone, 'phone-390x844');
    check(
      m.docScrollWidth <= m.docClientWidth,
      `the public page scrolls sideways on a phone: scrollWidth ${m.docScrollWidth} > clientWidth ${m.docClientWidth}`,
    );
    const chartWidths = await phone
      .locator('cp-chart')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    check(
      chartWidths.every((right) => right <= 390 + 1),
      `a chart reaches past the phone's width: ${chartWidths.join(', ')}`,
    );
  },
};
