import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

let serve: KaiServe;
let browser: Browser;
let view: ConsolePage;
let page: Page;
let textFile: string;

beforeAll(async () => {
  await ensureRendererBuilt();
  serve = await startKaiServe();
  browser = await launchChromium();
  textFile = join(serve.dataDir, 'price-list.txt');
  await writeFile(textFile, 'Item;Price\nTile 20x20;12,50\n');
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

describe('failure notices in browser mode', () => {
  it('opens the failed job from its notice', async () => {
    await dropFiles(page, [
      { path: textFile, name: 'supplier-catalog.pdf', type: 'application/pdf' },
    ]);

    const notice = page.locator('.notice', { hasText: 'supplier-catalog.pdf' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('role')).toBe('alert');
    const badge = page.locator('.nav-badge');
    expect(await badge.textContent()).toBe('1 unseen failures');

    await notice.locator('.notice-open').click();
    const detail = page.getByRole('dialog', { name: 'supplier-catalog.pdf' });
    await detail.waitFor();
    await notice.waitFor({ state: 'detached' });

    const error = detail.locator('.error-box');
    const text = (await error.textContent()) ?? '';
    // The core's message names the file, the problem and the fix.
    expect(text).toContain('supplier-catalog.pdf');
    expect(text).toContain('The file is not a PDF');
    expect(text).toContain('Export or save the document as PDF');
    expect(await detail.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    // The row's error shows at once; the stages arrive with the fetched detail.
    await detail.locator('.timeline-item.failed').first().waitFor();
    expect(await detail.locator('.timeline-item.failed').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kai-job-[0-9a-f-]{36}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      job: { filename: string; status: string; error: string };
      stages: { name: string; status: string }[];
      events: { event: string }[];
    };
    expect(exported.job.filename).toBe('supplier-catalog.pdf');
    expect(exported.job.status).toBe('failed');
    expect(exported.job.error).toBe(text);
    expect(exported.stages[0]).toMatchObject({ name: 'pdf_loaded', status: 'failed' });
    expect(exported.events.map((event) => event.event)).toContain('failed');

    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('clears the badge when the failed jobs are shown', async () => {
    await page.getByRole('button', { name: /^failed/ }).click();
    await page.locator('.nav-badge').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByRole('button', { name: /^failed/ }).click();
  });

  it('rejects an empty PDF with a notice', async () => {
    await dropFiles(page, [{ path: fixture('pdf/pdfplumber-empty-zero-bytes.pdf') }]);
    const notice = page.locator('.notice', { hasText: 'pdfplumber-empty-zero-bytes.pdf' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.locator('.notice-message').textContent()).toContain(
      'is empty (0 bytes), so the upload or download probably failed',
    );
    await notice.getByRole('button', { name: /^Dismiss/ }).click();
    await notice.waitFor({ state: 'detached' });
  });
});
