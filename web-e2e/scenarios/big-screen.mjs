// The big-screen wall at 1080p and 4K.
import { scrollMetrics, waitForCharts } from '../browser.mjs';
import { check } from '../harness.mjs';
import { signedInPage, waitForHeading } from './signed-in.mjs';

const WALLS = [
  { label: '1920x1080', width: 1920, height: 1080 },
  { label: '3840x2160', width: 3840, height: 2160 },
];

export const bigScreen = {
  name: 'big-screen',
  title: 'the big screen fills 1920×1080 and 3840×2160 walls with its charts and no scrollbars',
  async run(fx) {
    const problems = [];
    for (const wall of WALLS) {
      const page = await signedInPage(fx, {
        contextOptions: { viewport: { width: wall.width, height: wall.height } },
      });
      await page.goto(`${fx.stack.url}/big-screen`);
      await waitForHeading(page);
      const charts = await waitForCharts(page, { min: 1, timeoutMs: 45_000 });
      await page.waitForLoadState('networkidle');
      const m = await scrollMetrics(page);
      await fx.shot(page, wall.label);
      fx.log(
        `${wall.label}: ${charts.drawn} charts, document ${m.docScrollWidth}×${m.docScrollHeight} in ${m.docClientWidth}×${m.docClientHeight}`,
      );
      if (m.docScrollWidth > m.docClientWidth)
        problems.push(`${wall.label}: horizontal scroll (${m.docScrollWidth} > ${m.docClientWidth})`);
      if (m.docScrollHeight > m.docClientHeight)
        problems.push(`${wall.label}: vertical scroll (${m.docScrollHeight} > ${m.docClientHeight})`);
      if (m.docClientWidth !== wall.width)
        problems.push(`${wall.label}: a scrollbar takes room (clientWidth ${m.docClientWidth})`);
      // Anything cut off at the wall's edge is as bad as a scrollbar.
      const outside = await page.evaluate(
        ({ w, h }) =>
          [...document.querySelectorAll('cp-chart, h1, h2')]
            .map((e) => ({ tag: e.tagName.toLowerCase(), r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && (r.right > w + 1 || r.bottom > h + 1))
            .map(({ tag, r }) => `${tag} ends at ${Math.round(r.right)}×${Math.round(r.bottom)}`),
        { w: wall.width, h: wall.height },
      );
      if (outside.length) problems.push(`${wall.label}: outside the wall: ${outside.slice(0, 4).join('; ')}`);
      await page.context().close();
    }
    check(problems.length === 0, problems.join('\n      '));
  },
};
