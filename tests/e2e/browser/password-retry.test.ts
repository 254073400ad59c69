import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFiles,
  ensureRendererBuilt,
  fixture,
  launchChromium,
  openConsole,
  startKaiServe,
  type KaiServe,
} from './browser-harness.ts';

let serve: KaiServe;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureRendererBuilt();
  serve = await startKaiServe();
  browser = await launchChromium();
  page = (await openConsole(browser, serve.url)).page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('encrypted PDF in browser mode', () => {
  it('retries with the password from the detail view', async () => {
    const name = 'pdfjs-issue3371-user-password.pdf';
    await dropFiles(page, [{ path: fixture(`pdf/${name}`), name, type: 'application/pdf' }]);
    const notice = page.locator('.notice', { hasText: name });
    await notice.waitFor({ timeout: 60_000 });
    await notice.locator('.notice-open').click();

    const detail = page.getByRole('dialog', { name });
    await detail.getByLabel('PDF password').fill('ELXRTQWS');
    await detail.getByRole('button', { name: 'Retry with password' }).click();

    const badge = detail.locator('.detail-summary .badge').first();
    await expect
      .poll(() => badge.textContent(), { timeout: 60_000, interval: 250 })
      .toBe('completed');
  });
});
