// Switching the interface language at run time.
import { cjkSamples, visibleText, waitForCharts } from '../browser.mjs';
import { check } from '../harness.mjs';
import { scoredProject, signedInPage, waitForHeading } from './signed-in.mjs';

/** Language names are written in their own language on purpose (autonyms), so they are allowed. */
const AUTONYMS = ['简体中文'];

function withoutAutonyms(text) {
  return AUTONYMS.reduce((t, name) => t.split(name).join(''), text);
}

/** Opens the language picker in the top bar and chooses `label`. */
async function chooseLanguage(page, pickerLabel, label) {
  await page.getByLabel(pickerLabel).first().click();
  await page.locator('nz-option-item', { hasText: label }).first().click();
}

/** Waits until the page is no longer showing its loading text. */
async function waitForContent(page, loadingText) {
  await page.waitForFunction((text) => !document.body.innerText.includes(text), loadingText, {
    timeout: 30_000,
  });
}

export const languageSwitch = {
  name: 'language-switch',
  title: 'switching to English leaves no Chinese text on the main pages, and switching back restores it',
  async run(fx) {
    const project = scoredProject(fx.projects);
    const page = await signedInPage(fx);
    await page.goto(`${fx.stack.url}/overview`);
    const zhHeading = await waitForHeading(page);
    await fx.shot(page, 'overview-zh');

    await chooseLanguage(page, '界面语言', 'English');
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
    const enHeading = await waitForHeading(page);
    check(enHeading !== zhHeading, `the overview heading stayed "${enHeading}" after switching to English`);

    const pages = [
      { label: 'overview', path: '/overview', charts: 'main' },
      { label: 'projects', path: '/projects', charts: 'main' },
      { label: 'project-detail', path: `/projects/${project.code}`, charts: '.score' },
      { label: 'indicators', path: '/indicators' },
      { label: 'alerts', path: '/alerts' },
    ];
    const leftovers = [];
    for (const target of pages) {
      await page.goto(`${fx.stack.url}${target.path}`);
      await waitForHeading(page);
      await waitForContent(page, 'Loading');
      if (target.charts) await waitForCharts(page, { scope: target.charts, min: 1 });
      await page.waitForLoadState('networkidle');
      await fx.shot(page, `${target.label}-en`);
      const samples = cjkSamples(withoutAutonyms(await visibleText(page)));
      if (samples.length) leftovers.push(`${target.path}: ${samples.join(', ')}`);
    }
    check(leftovers.length === 0, `Chinese text left in English:\n      ${leftovers.join('\n      ')}`);

    await page.goto(`${fx.stack.url}/overview`);
    await waitForHeading(page);
    await chooseLanguage(page, 'Language', '简体中文');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: 10_000 });
    const back = await waitForHeading(page);
    check(back === zhHeading, `after switching back the heading is "${back}", expected "${zhHeading}"`);
    await fx.shot(page, 'overview-zh-again');
  },
};
