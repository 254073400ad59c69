import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/** How long a job state may take to show, in ms; a PDF job takes a few seconds here. */
const JOB_WAIT = { timeout: 30_000, interval: 100 };
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
const ADRIATICO = fixture('pdf/corona-tile-spec-sheet-adriatico-azul-20x20-es-en.pdf');

let serve: KaiServe;
let browser: Browser;
let view: ConsolePage;
let page: Page;
let firstBroken: string;
let secondBroken: string;

function row(name: string) {
  return page.locator('[role="row"][data-job-id]', { hasText: name });
}

beforeAll(async () => {
  await ensureRendererBuilt();
  serve = await startKaiServe();
  browser = await launchChromium();
  // Distinct bytes: the core resumes the unfinished job of a file it has seen, by hash.
  firstBroken = join(serve.dataDir, 'first-notes.txt');
  secondBroken = join(serve.dataDir, 'second-notes.txt');
  await writeFile(firstBroken, 'The first text file, not a PDF.\n');
  await writeFile(secondBroken, 'The second text file, not a PDF.\n');
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

describe('queue in browser mode', () => {
  it('runs a dropped PDF to completed', async () => {
    await dropFiles(page, [{ path: CORONA, type: 'application/pdf' }]);

    const job = row('corona-tile-spec-sheet-egeo-blanco');
    await job.waitFor();
    await expect
      .poll(() => job.getAttribute('data-status'), { ...JOB_WAIT, timeout: 60_000 })
      .toBe('completed');
    await expect.poll(() => job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await job.locator('.cell-stage').textContent()).toBe('document indexed');
    expect(await page.getByRole('button', { name: /^completed/ }).textContent()).toContain('1');
  });

  it('filters by status and type and searches', async () => {
    await dropFiles(page, [
      { path: firstBroken, name: 'first-broken.pdf', type: 'application/pdf' },
      { path: secondBroken, name: 'second-broken.pdf', type: 'application/pdf' },
    ]);
    await expect
      .poll(() => row('second-broken.pdf').getAttribute('data-status'), JOB_WAIT)
      .toBe('failed');
    await expect
      .poll(() => row('first-broken.pdf').getAttribute('data-status'), JOB_WAIT)
      .toBe('failed');
    const rows = page.locator('[role="row"][data-job-id]');
    expect(await rows.count()).toBe(3);

    await page.getByRole('button', { name: /^failed/ }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe('3');

    await page.getByRole('button', { name: /^failed/ }).click();
    await page.getByRole('button', { name: 'scrape', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByRole('button', { name: 'scrape', exact: true }).click();

    // The error text is searchable too: both broken files fail with the same problem.
    const error = (await row('first-broken.pdf').locator('.row-error').textContent()) ?? '';
    expect(error).toContain('no %PDF- header');
    await page.getByRole('searchbox').fill('no %PDF- header');
    await expect.poll(() => rows.count()).toBe(2);

    await page.getByRole('searchbox').fill('egeo');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('corona-tile-spec-sheet-egeo-blanco');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(3);
  });

  it('confirms a bulk retry with count and kind', async () => {
    await page.getByRole('button', { name: /^failed/ }).click();
    await page.getByRole('button', { name: /^Select all shown/ }).click();
    expect(await page.getByText('2 jobs selected').count()).toBe(1);

    await page.getByRole('button', { name: 'Retry selected' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Retry 2 failed PDF jobs?');

    // Escape declines: nothing is retried and the selection stays.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('2 jobs selected').count()).toBe(1);

    await page.getByRole('button', { name: 'Retry selected' }).click();
    await dialog.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('2 jobs requeued').waitFor();

    // Both jobs ran again: the bad input fails them again on the second attempt.
    await expect
      .poll(async () => {
        const states = await page
          .locator('[role="row"][data-job-id]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-status')));
        return states.join(',');
      }, JOB_WAIT)
      .toBe('failed,failed');
    await page.getByRole('button', { name: 'first-broken.pdf', exact: true }).click();
    const detail = page.getByRole('dialog', { name: 'first-broken.pdf' });
    await detail.getByText(/History \(\d+ events\)/).click();
    const failures = detail.locator('table tbody tr', { hasText: 'failed' });
    await expect.poll(() => failures.count(), JOB_WAIT).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('moves through rows with the keyboard', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const clearSelection = page.getByRole('button', { name: 'Clear selection' });
    if (await clearSelection.isEnabled()) await clearSelection.click();
    const grid = page.getByRole('grid', { name: 'Jobs' });
    await grid.focus();

    const activeName = async () => {
      const id = await grid.getAttribute('aria-activedescendant');
      return page.locator(`[id="${id}"] .cell-name button`).textContent();
    };
    const names = await page
      .locator('[role="row"][data-job-id] .cell-name button')
      .allTextContents();
    // The cursor stays on the job whose detail was opened last.
    expect(await activeName()).toBe('first-broken.pdf');
    await page.keyboard.press('Home');
    expect(await activeName()).toBe(names[0]);
    await page.keyboard.press('ArrowDown');
    expect(await activeName()).toBe(names[1]);
    await page.keyboard.press('End');
    expect(await activeName()).toBe(names[2]);
    await page.keyboard.press('Home');
    expect(await activeName()).toBe(names[0]);

    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await page.getByText('2 jobs selected').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.getByText('No jobs selected').count()).toBe(1);

    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: names[1] });
    await detail.waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    // Closing returns focus to the grid, so the keyboard user carries on where they were.
    expect(await grid.evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it('adds a PDF through the Open button', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open files…' }).click();
    await (await chooser).setFiles(ADRIATICO);

    const job = row('corona-tile-spec-sheet-adriatico-azul');
    await job.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => job.getAttribute('data-status'), { ...JOB_WAIT, timeout: 60_000 })
      .toBe('completed');
  });
});
