import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFiles,
  ensureRendererBuilt,
  fixture,
  launchChromium,
  openConsole,
  seriousAxeViolations,
  startKaiServe,
  type ConsolePage,
  type KaiServe,
} from './browser-harness.ts';
import { waitFor } from '../../support/wait-for.ts';

const CORONA = fixture('pdf/corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');
const VIEWS = ['queue', 'scraper', 'import', 'settings'] as const;

let serve: KaiServe;
let browser: Browser;
let view: ConsolePage;
let page: Page;

async function showView(name: (typeof VIEWS)[number]) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.locator(`.${name}-view, .view`).first().waitFor();
  await expect
    .poll(() => page.locator('[aria-current="page"]').textContent())
    .toMatch(new RegExp(`^${name}`, 'i'));
}

beforeAll(async () => {
  await ensureRendererBuilt();
  serve = await startKaiServe();
  browser = await launchChromium();
  view = await openConsole(browser, serve.url);
  page = view.page;

  // One completed and one failed job, so the queue, its badges and the detail have content.
  const broken = join(serve.dataDir, 'broken.txt');
  await writeFile(broken, 'not a PDF\n');
  await dropFiles(page, [
    { path: CORONA, type: 'application/pdf' },
    { path: broken, name: 'broken-catalog.pdf', type: 'application/pdf' },
  ]);
  const statuses = page.locator('[role="row"][data-job-id]');
  await waitFor(
    async () => {
      const statusesShown = await statuses.evaluateAll((rows) =>
        rows.map((row) => row.dataset.status),
      );
      return statusesShown.sort().join(',') === 'completed,failed';
    },
    { timeoutMs: 60_000, what: 'a completed and a failed job in the queue' },
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

afterEach(() => {
  expect(view.errors).toEqual([]);
});

describe('accessibility in browser mode', () => {
  it('axe scan reports a planted violation', async () => {
    // Proves the scan runs and its findings reach the assertions below.
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'planted-unnamed-button';
      document.body.append(button);
    });
    const violations = await seriousAxeViolations(page);
    await page.evaluate(() => document.getElementById('planted-unnamed-button')?.remove());
    expect(violations.map((violation) => violation.id)).toContain('button-name');
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const name of VIEWS) {
      it(`${name} view has no serious axe violations (${theme})`, async () => {
        await page.emulateMedia({ colorScheme: theme });
        await showView(name);
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }

    it(`job detail has no serious axe violations (${theme})`, async () => {
      await page.emulateMedia({ colorScheme: theme });
      await showView('queue');
      await page.getByRole('button', { name: 'broken-catalog.pdf', exact: true }).click();
      const detail = page.getByRole('dialog', { name: 'broken-catalog.pdf' });
      await detail.getByText(/History \(\d+ events\)/).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
    });
  }

  it('theme toggle overrides the system theme', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    const light = await background();

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The choice survives a reload.
    await page.reload();
    await page.locator('[role="grid"]').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
  });

  it('tab order starts with the skip link and shows focus', async () => {
    await page.reload();
    await page.locator('[role="grid"]').waitFor();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return { text: element.textContent?.trim(), outline: style.outlineStyle };
      });
    expect((await focused()).text).toBe('Skip to the view');

    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first.text).toMatch(/^Queue/);
    expect(first.outline).not.toBe('none');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });
});
