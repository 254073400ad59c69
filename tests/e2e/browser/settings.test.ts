import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRendererBuilt,
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

beforeAll(async () => {
  await ensureRendererBuilt();
  serve = await startKaiServe();
  browser = await launchChromium();
  view = await openConsole(browser, serve.url, { hash: 'settings' });
  page = view.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

afterEach(() => {
  expect(view.errors).toEqual([]);
});

describe('settings in browser mode', () => {
  it('shows the running settings', async () => {
    const dataFolder = page.getByLabel(/^Data folder/);
    await expect.poll(() => dataFolder.inputValue()).toBe(serve.dataDir);
    expect(await dataFolder.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel(/^Jobs run at once/).inputValue()).toBe('2');
    expect(await page.getByLabel(/^Heartbeat interval/).inputValue()).toBe('30');
    expect(await page.getByText('Restart the console to apply').count()).toBe(0);
  });

  it('saves settings that survive a reload', async () => {
    await page.getByLabel(/^Jobs run at once/).fill('4');
    await page.getByLabel(/^Heartbeat interval/).fill('20');
    await page.getByLabel(/^Do not disturb/).check();
    expect(await page.getByText('no heartbeat for 1 min 0 s (3 intervals)').count()).toBe(1);
    await page.getByRole('button', { name: 'Save settings' }).click();

    await page.getByText('Settings saved.').waitFor();
    // The engine keeps its running concurrency and heartbeat until the next start.
    await page.getByText('Restart the console to apply').waitFor();

    await page.reload();
    await expect.poll(() => page.getByLabel(/^Jobs run at once/).inputValue()).toBe('4');
    expect(await page.getByLabel(/^Heartbeat interval/).inputValue()).toBe('20');
    expect(await page.getByLabel(/^Do not disturb/).isChecked()).toBe(true);
    expect(await page.getByLabel(/^Show system notifications/).isChecked()).toBe(true);
  });

  it('reports a value the core rejects', async () => {
    const concurrency = page.getByLabel(/^Jobs run at once/);
    // The browser's own check would stop 40 before it leaves the page, so it is lifted.
    await concurrency.evaluate((input) => input.removeAttribute('max'));
    await concurrency.fill('40');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const message = page.locator('.settings-form [role="status"].error-text');
    await message.waitFor();
    expect(await message.textContent()).toContain('concurrency');
  });
});
