// A data administrator previews and runs a source from the sources page.
import { ApiClient } from '../api-client.mjs';
import { check } from '../harness.mjs';
import { signedInPage, waitForHeading } from './signed-in.mjs';

const PREVIEW = /^(预览|试运行预览|Preview)/;
const RUN = /^(立即采集|立即运行|运行|Run now|Run)$/;

export const dataAdminSources = {
  name: 'data-admin-sources',
  title: 'a data_admin previews a source and runs it from the sources page',
  async run(fx) {
    const username = `e2e.data.${Date.now().toString(36)}`;
    const password = `E2e-${Math.random().toString(36).slice(2)}-pass`;
    await fx.api.post('/admin/users', {
      username,
      password,
      role: 'data_admin',
      displayName: 'E2E 数据管理员',
    });
    const { response } = await new ApiClient(fx.stack.url).signIn(username, password);
    check(response.user?.role === 'data_admin', `the new user signed in with role ${response.user?.role}`);

    const page = await signedInPage(fx, { login: response });
    await page.goto(`${fx.stack.url}/sources`);
    await waitForHeading(page);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    await fx.shot(page, 'sources');
    const sourceRow = rows.filter({ has: page.getByRole('button', { name: PREVIEW }) }).first();
    check(
      (await sourceRow.count()) > 0,
      'the sources page offers no "预览 / Preview" button for any source (web/src/app/sources/sources.page.ts has no preview or run action)',
    );
    const key = (await sourceRow.locator('small').first().innerText()).trim();
    fx.log(`previewing ${key}`);
    await sourceRow.getByRole('button', { name: PREVIEW }).click();
    const preview = page
      .getByRole('dialog')
      .or(page.locator('[aria-label*="预览"], [aria-label*="Preview"]'))
      .first();
    await preview.waitFor({ timeout: 60_000 });
    await preview.locator('table tbody tr').first().waitFor({ timeout: 60_000 });
    const previewRows = await preview.locator('table tbody tr').count();
    check(previewRows > 0, 'the preview shows no rows');
    await fx.shot(page, 'preview');
    await page.keyboard.press('Escape');

    const runButton = page
      .locator('table tbody tr')
      .filter({ hasText: key })
      .getByRole('button', { name: RUN })
      .or(page.getByRole('dialog').getByRole('button', { name: RUN }))
      .first();
    check((await runButton.count()) > 0, `no "立即采集 / Run" button for ${key}`);
    const runRequest = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes(`/sources/${key}`),
      {
        timeout: 30_000,
      },
    );
    await runButton.click();
    const answer = await runRequest;
    check(answer.status() === 202, `starting the run answered ${answer.status()}`);
    const queued = await answer.json();
    check(
      queued.trigger === 'manual' && queued.status === 'queued',
      `the run was not queued: trigger ${queued.trigger}, status ${queued.status}`,
    );
    fx.log(`run ${queued.id} queued`);
    // The page follows the queued run and links to its detail page.
    await page.locator(`[role="status"] a[href$="/sources/runs/${queued.id}"]`).waitFor({ timeout: 30_000 });
    await fx.shot(page, 'queued');

    // The ingest worker picks the queued run up and executes it.
    const deadline = Date.now() + 180_000;
    let run = queued;
    while (!['succeeded', 'partial', 'failed'].includes(run.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      run = await fx.api.get(`/runs/${queued.id}`);
    }
    check(
      run.status === 'succeeded' || run.status === 'partial',
      `run ${queued.id} ended as ${run.status}${run.errorMessage ? ` (${run.errorClass}: ${run.errorMessage})` : ''}`,
    );
    check(run.startedAt !== null && run.finishedAt !== null, `run ${queued.id} has no start or end time`);
    fx.log(`run ${queued.id} ${run.status}: ${run.rowsRead} rows read`);

    // Once the run has ended the sources list shows it as the source's last run.
    const lastRun = page
      .locator('table tbody tr')
      .filter({ hasText: key })
      .locator(`a.run[href$="/sources/runs/${queued.id}"]`)
      .first();
    await lastRun.waitFor({ timeout: 60_000 });
    await fx.shot(page, 'after-run');
  },
};
