/**
 * Captures the README's screenshots of the console in browser mode, on the real core with
 * fixture files: `npx tsx tests/e2e/browser/capture-screenshots.ts`. Writes PNGs to
 * docs/screenshots/. Views whose pipeline the core lacks are captured as they show then.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestSite } from '../../support/test-site/test-site.ts';
import {
  dropFiles,
  ensureRendererBuilt,
  fixture,
  launchChromium,
  openConsole,
  repoPath,
  startKaiServe,
} from './browser-harness.ts';

const OUT = repoPath('docs/screenshots');

async function waitForStatuses(page: Page, expected: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const states = await page
      .locator('[role="row"][data-job-id]')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.status));
    const settled = states.filter((state) => state === 'completed' || state === 'failed');
    if (settled.length >= expected) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`Fewer than ${expected} jobs settled within ${timeoutMs} ms.`);
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

async function main() {
  await ensureRendererBuilt();
  await mkdir(OUT, { recursive: true });
  const serve = await startKaiServe();
  const site = await startTestSite();
  const browser = await launchChromium();
  try {
    const { page } = await openConsole(browser, serve.url);
    const broken = join(serve.dataDir, 'broken.txt');
    await writeFile(broken, 'Artikel;Preis\nFliese 30x60;24,90\n');
    await dropFiles(page, [
      { path: fixture('pdf/corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf') },
      { path: fixture('pdf/corona-tile-spec-sheet-adriatico-azul-20x20-es-en.pdf') },
      { path: fixture('pdf/leier-arlista-2024-building-materials-price-list-hu.pdf') },
      { path: broken, name: 'supplier-price-list-2024.pdf' },
    ]);
    await waitForStatuses(page, 4, 180_000);
    // Progress bars animate their width for 200 ms.
    await page.waitForTimeout(500);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(OUT, 'queue.png') });

    await page
      .getByRole('button', { name: /^Dismiss/ })
      .first()
      .click();
    await page.getByRole('button', { name: /^corona-tile-spec-sheet-egeo/ }).click();
    const detail = page.getByRole('dialog');
    await detail.locator('.tile-grid img').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'job-detail.png') });
    await page.keyboard.press('Escape');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: /^failed/ }).click();
    await page.getByRole('button', { name: 'supplier-price-list-2024.pdf', exact: true }).click();
    await page.getByRole('dialog').locator('.error-box').waitFor();
    await page.screenshot({ path: join(OUT, 'failed-job-dark.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^failed/ }).click();
    await page.emulateMedia({ colorScheme: 'light' });

    await dropFiles(page, [{ path: fixture('csv/pallmann-parquet-price-list-fr.csv') }]);
    const preview = page.getByRole('region', { name: /^Preview of/ });
    await preview.waitFor({ timeout: 30_000 });
    await preview.getByLabel('Name (required)').selectOption('designation');
    await preview.getByLabel('SKU').selectOption('ref');
    await preview.getByLabel('Price', { exact: true }).selectOption('prix_vente_ht');
    await preview.getByLabel('Supplier or feed name').fill('Pallmann');
    await page.screenshot({ path: join(OUT, 'import.png'), fullPage: true });

    await preview.getByRole('button', { name: 'Start import' }).click();
    const progress = page.getByRole('region', { name: 'Import of Pallmann' });
    const started = await progress
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (started) {
      await progress.locator('.badge', { hasText: 'completed' }).waitFor({ timeout: 90_000 });
      await progress.locator('table.materials-table tbody tr').first().waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, 'import-progress.png'), fullPage: true });
    } else {
      console.log('imports:start is not available; import-progress.png was not captured.');
    }

    await nav(page, 'Scraper');
    await page.getByLabel('Start URL').fill(`${site.url}/`);
    await page.getByLabel('Max pages').fill('40');
    await page.getByRole('button', { name: 'Start scrape' }).click();
    const session = page.locator('tr[data-session-id]').first();
    const scraping = await session
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (scraping) {
      await session.locator('.badge', { hasText: 'completed' }).waitFor({ timeout: 120_000 });
      await page.waitForTimeout(1_000);
    } else {
      console.log('scrapes:start is not available; the scraper view shows the error.');
    }
    await page.screenshot({ path: join(OUT, 'scraper.png'), fullPage: true });
  } finally {
    await browser.close();
    await site.close();
    await serve.stop();
  }
}

await main();
