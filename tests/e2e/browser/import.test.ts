import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFiles,
  ensureRendererBuilt,
  fixture,
  launchChromium,
  openConsole,
  startKaiServe,
  type ConsolePage,
  type KaiServe,
} from './browser-harness.ts';

const CORONA = fixture('pdf/corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');
// A real supplier price list: 149 products under French column names.
const PALLMANN = fixture('csv/pallmann-parquet-price-list-fr.csv');
const JOB_WAIT = { timeout: 60_000, interval: 200 };

let serve: KaiServe;
let browser: Browser;
let view: ConsolePage;
let page: Page;

beforeAll(async () => {
  await ensureRendererBuilt();
  serve = await startKaiServe();
  browser = await launchChromium();
  view = await openConsole(browser, serve.url);
  page = view.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

afterEach(() => {
  expect(view.errors).toEqual([]);
});

function jobStatus(name: string) {
  return page.locator('[role="row"][data-job-id]', { hasText: name }).getAttribute('data-status');
}

describe('feed import in browser mode', () => {
  it('previews a dropped CSV next to a PDF', async () => {
    await dropFiles(page, [
      { path: CORONA, type: 'application/pdf' },
      { path: PALLMANN, type: 'text/csv' },
    ]);

    // The feed opens the import view; the PDF became a job meanwhile.
    const preview = page.getByRole('region', { name: /^Preview of pallmann-parquet/ });
    await preview.waitFor({ timeout: 30_000 });
    expect(await page.locator('[aria-current="page"]').textContent()).toBe('Import');
    expect(await preview.locator('dl.counts').textContent()).toContain('csv');

    const fields = preview.locator('details table tbody tr');
    await preview.locator('summary', { hasText: 'Detected fields' }).click();
    const paths = await fields.locator('td:first-child').allTextContents();
    expect(paths).toEqual(expect.arrayContaining(['ref', 'designation', 'prix_vente_ht']));
    const designation = fields.filter({ hasText: 'designation' });
    expect(await designation.locator('.samples').textContent()).toContain('corindon');
  });

  it('maps fields by hand and imports the products', async () => {
    const preview = page.getByRole('region', { name: /^Preview of pallmann-parquet/ });
    await preview.getByLabel('Name (required)').selectOption('designation');
    await preview.getByLabel('SKU').selectOption('ref');
    await preview.getByLabel('Price', { exact: true }).selectOption('prix_vente_ht');

    const nameRow = preview.locator('tr[data-target="name"]');
    expect(await nameRow.locator('.badge').textContent()).toBe('Set by you');
    expect(await nameRow.locator('.samples').textContent()).toContain('corindon');

    await preview.getByLabel('Supplier or feed name').fill('Pallmann');
    await preview.getByRole('button', { name: 'Start import' }).click();

    const progress = page.getByRole('region', { name: 'Import of Pallmann' });
    await progress.waitFor();
    await expect
      .poll(() => progress.locator('.badge').first().textContent(), JOB_WAIT)
      .toBe('completed');
    const processed = Number(await progress.getByTestId('import-processed').textContent());
    const failed = Number(await progress.getByTestId('import-failed').textContent());
    const total = Number(await progress.getByTestId('import-total').textContent());
    expect(total).toBe(149);
    expect(processed + failed).toBe(total);
    expect(processed).toBeGreaterThan(100);

    const products = progress.locator('table.materials-table tbody tr');
    await expect.poll(() => products.count(), JOB_WAIT).toBeGreaterThan(100);
    const first = products.filter({ hasText: '012621' });
    expect(await first.textContent()).toContain('750 X 200 corindon gr 16/10p');
    expect(await first.textContent()).toContain('122.08');

    const history = page.getByRole('region', { name: 'History' });
    expect(await history.locator('tbody tr', { hasText: 'Pallmann' }).count()).toBe(1);
  });

  it('shows the PDF and the CSV completed in the queue', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Queue' })
      .click();
    await expect.poll(() => jobStatus('corona-tile-spec-sheet'), JOB_WAIT).toBe('completed');
    await page.getByRole('button', { name: 'import', exact: true }).click();
    const importRows = page.locator('[role="row"][data-job-id]');
    await expect.poll(() => importRows.count()).toBe(1);
    // The job's own event may trail the import row's, so its status is polled too.
    await expect
      .poll(() => importRows.first().getAttribute('data-status'), JOB_WAIT)
      .toBe('completed');
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('re-runs an import from the history', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Import' })
      .click();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Re-run the import of Pallmann' }).first().click();
    await expect.poll(() => history.locator('tbody tr', { hasText: 'Pallmann' }).count()).toBe(2);

    const progress = page.getByRole('region', { name: 'Import of Pallmann' });
    await expect
      .poll(() => progress.locator('.badge').first().textContent(), JOB_WAIT)
      .toBe('completed');
    // The stored mapping came back: the same products, none failed.
    expect(Number(await progress.getByTestId('import-total').textContent())).toBe(149);
    expect(Number(await progress.getByTestId('import-failed').textContent())).toBe(0);
    const first = progress.locator('table.materials-table tbody tr').filter({ hasText: '012621' });
    expect(await first.textContent()).toContain('750 X 200 corindon gr 16/10p');
  });

  it('lists failed rows and exports them as CSV', async () => {
    // Pack sizes such as "10 UN" are not prices, so mapping them to Price fails those rows.
    await dropFiles(page, [{ path: PALLMANN, type: 'text/csv' }]);
    const preview = page.getByRole('region', { name: /^Preview of pallmann-parquet/ });
    await preview.waitFor({ timeout: 30_000 });
    await preview.getByLabel('Name (required)').selectOption('designation');
    await preview.getByLabel('Price', { exact: true }).selectOption('conditionnement');
    await preview.getByLabel('Supplier or feed name').fill('Pallmann packs');
    await preview.getByRole('button', { name: 'Start import' }).click();

    const progress = page.getByRole('region', { name: 'Import of Pallmann packs' });
    await expect
      .poll(() => progress.locator('.badge').first().textContent(), JOB_WAIT)
      .toBe('completed');
    const failed = Number(await progress.getByTestId('import-failed').textContent());
    expect(failed).toBeGreaterThan(0);

    const rows = progress.locator('table:has(caption:text("Failed rows")) tbody tr');
    await expect.poll(() => rows.count(), JOB_WAIT).toBe(Math.min(failed, 200));
    const firstFailure = (await rows.first().textContent()) ?? '';
    expect(firstFailure).toContain('conditionnement');
    expect(firstFailure).toContain('is not a single price amount');

    const exportButton = progress.getByRole('button', { name: 'Export failed rows as CSV' });
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toBe('Pallmann packs-failed-rows.csv');
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toContain('row_number');
    expect(lines).toHaveLength(failed + 1);
    expect(lines.slice(1).every((line) => line.includes('conditionnement'))).toBe(true);
  });
});
