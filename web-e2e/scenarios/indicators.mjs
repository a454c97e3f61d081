// CSV export from the indicator explorer.
import { readFile } from 'node:fs/promises';
import { waitForCharts } from '../browser.mjs';
import { check } from '../harness.mjs';
import { signedInPage, waitForHeading } from './signed-in.mjs';

/** Splits one CSV line, honouring double-quoted cells. */
function csvCells(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

export const csvExport = {
  name: 'csv-export',
  title: 'the indicator explorer exports the series on screen as a CSV file with a header and rows',
  async run(fx) {
    const page = await signedInPage(fx);
    await page.goto(`${fx.stack.url}/indicators`);
    await waitForHeading(page);
    const first = page.locator('ul.list button').first();
    await first.waitFor({ timeout: 30_000 });
    const indicatorName = (await first.locator('strong').innerText()).trim();
    await first.click();
    await waitForCharts(page, { scope: '.charts', min: 1 });
    await fx.shot(page, 'explorer');

    const exportButton = page
      .getByRole('button', { name: '导出 CSV' })
      .or(page.locator('.exports button'))
      .first();
    await exportButton.waitFor();
    check(await exportButton.isEnabled(), 'the CSV export button is disabled with a series on screen');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      exportButton.click(),
    ]);
    const fileName = download.suggestedFilename();
    const file = await download.path();
    check(file, 'the download was not saved');
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
    fx.log(`${fileName}: ${lines.length - 1} rows for ${indicatorName}; header ${lines[0]}`);
    check(fileName.endsWith('.csv'), `the download is named ${fileName}, not *.csv`);
    check(lines.length >= 2, `the CSV has ${lines.length} line(s); expected a header and rows`);
    const header = csvCells(lines[0]).map((h) => h.trim().toLowerCase());
    check(header.length >= 3, `the CSV header has only ${header.length} column(s): ${lines[0]}`);
    check(
      header.some((h) => /period|date|time|t$|时间|期/.test(h)),
      `the CSV header names no period/time column: ${lines[0]}`,
    );
    check(
      header.some((h) => /value|值/.test(h)),
      `the CSV header names no value column: ${lines[0]}`,
    );
    const widths = new Set(lines.slice(1).map((l) => csvCells(l).length));
    check(
      widths.size === 1 && widths.has(header.length),
      `CSV rows do not all have ${header.length} cells: ${[...widths].join(', ')}`,
    );
    const valueIndex = header.findIndex((h) => /value|值/.test(h));
    const numeric = lines.slice(1).filter((l) => Number.isFinite(Number(csvCells(l)[valueIndex])));
    check(numeric.length > 0, 'no CSV row has a numeric value');
    await fx.shot(page, 'after-export');
  },
};
