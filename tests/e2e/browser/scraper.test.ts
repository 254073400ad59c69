import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestSite, type TestSite } from '../../support/test-site/test-site.ts';
import {
  ensureRendererBuilt,
  launchChromium,
  openConsole,
  startKaiServe,
  type ConsolePage,
  type KaiServe,
} from './browser-harness.ts';

// The crawler spaces requests to one host about a second apart, so a 40-page crawl of the
// test site takes a minute or more.
const SCRAPE_WAIT = { timeout: 120_000, interval: 250 };
const CRAWL_TEST_MS = 180_000;

let serve: KaiServe;
let site: TestSite;
let slowSite: TestSite;
let browser: Browser;
let view: ConsolePage;
let page: Page;

beforeAll(async () => {
  await ensureRendererBuilt();
  // /slow.html responds after 1 s instead of 5, so a whole crawl fits the test's time.
  site = await startTestSite({ slowPageDelayMs: 1_000 });
  // A one-second crawl delay keeps a crawl of this site running for tens of seconds.
  slowSite = await startTestSite({ crawlDelaySeconds: 1 });
  serve = await startKaiServe();
  browser = await launchChromium();
  view = await openConsole(browser, serve.url, { hash: 'scraper' });
  page = view.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await site?.close();
  await slowSite?.close();
});

afterEach(() => {
  expect(view.errors).toEqual([]);
});

function sessionRow(url: string) {
  return page.locator('tr[data-session-id]', { hasText: url });
}

async function startScrape(url: string, maxPages: number) {
  await page.getByLabel('Start URL').fill(url);
  await page.getByLabel('Max pages').fill(String(maxPages));
  await page.getByRole('button', { name: 'Start scrape' }).click();
  await sessionRow(url).waitFor({ timeout: 15_000 });
}

describe('scraper in browser mode', () => {
  it(
    'crawls the test site and lists pages and materials',
    async () => {
      const start = `${site.url}/`;
      await startScrape(start, 40);
      const row = sessionRow(start);
      await expect.poll(() => row.locator('.badge').textContent(), SCRAPE_WAIT).toBe('completed');

      const [done, failed, found] = ((await row.locator('td.numeric').first().textContent()) ?? '')
        .split('/')
        .map((part) => Number(part.trim()));
      expect(done).toBeGreaterThan(5);
      expect(failed).toBeGreaterThan(0);
      expect(found).toBeGreaterThanOrEqual(done! + failed!);

      // The session opened on start: its page queue gives each page's status and reason.
      const pages = page.getByRole('region', { name: /^Page queue/ });
      await pages.waitFor();
      const pageRow = (path: string) =>
        pages.locator('tbody tr', { has: page.locator(`td.url:text-is("${path}")`) });
      const gone = pageRow('/gone.html');
      await expect.poll(() => gone.getAttribute('data-page-status'), SCRAPE_WAIT).toBe('skipped');
      expect(await gone.locator('.http-status').textContent()).toBe('404');
      expect(await gone.locator('.reason').textContent()).toBe('not found (HTTP 404)');
      const broken = pageRow('/broken.html');
      expect(await broken.getAttribute('data-page-status')).toBe('failed');
      expect(await broken.locator('.http-status').textContent()).toBe('500');
      expect(await broken.locator('.reason').textContent()).toBe('HTTP 500');
      const disallowed = pageRow('/private/secret.html');
      expect(await disallowed.getAttribute('data-page-status')).toBe('skipped');
      expect(await disallowed.locator('.reason').textContent()).toBe('robots.txt');

      const materials = page.getByRole('region', { name: /^Materials found/ });
      const rows = materials.locator('tbody tr');
      await expect.poll(() => rows.count(), SCRAPE_WAIT).toBeGreaterThan(10);
      const adhesive = rows.filter({ hasText: 'Tile adhesive Kiilto Extra & Flex 25 kg' });
      expect(await adhesive.textContent()).toContain('KIILTO-EXTRA-25');
      expect(await adhesive.textContent()).toContain('16.5 EUR');

      // The scrape is a job like any other in the queue.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Queue' })
        .click();
      const job = page.locator('[role="row"][data-job-id]', { hasText: start });
      // The job's own event may trail the session's, so its status is polled.
      await expect.poll(() => job.getAttribute('data-status'), SCRAPE_WAIT).toBe('completed');
      expect(await job.locator('.cell-type').textContent()).toBe('scrape');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Scraper' })
        .click();
    },
    CRAWL_TEST_MS,
  );

  it(
    'pauses, resumes and cancels a session',
    async () => {
      const start = `${slowSite.url}/`;
      await startScrape(start, 40);
      const row = sessionRow(start);
      const status = () => row.locator('.badge').textContent();
      // Pausing a session that is still pending is a separate case; this one is crawling.
      await expect.poll(status, SCRAPE_WAIT).toBe('scraping');
      await expect.poll(() => slowSite.requests.length, SCRAPE_WAIT).toBeGreaterThanOrEqual(3);

      await row.getByRole('button', { name: `Pause scrape of ${start}` }).click();
      await expect.poll(status, SCRAPE_WAIT).toBe('paused');
      // Pages in flight when the pause landed finish, redirect hops included, each hop after
      // the site's 1 s crawl delay. So the count is taken once requests have stopped.
      let seen = -1;
      await expect
        .poll(
          () => {
            const quiet = slowSite.requests.length === seen;
            seen = slowSite.requests.length;
            return quiet;
          },
          { timeout: 30_000, interval: 2_500 },
        )
        .toBe(true);
      const pausedAt = slowSite.requests.length;
      await page.waitForTimeout(3_000);
      // A paused session sends nothing, although its crawl delay would allow two requests.
      expect(slowSite.requests.slice(pausedAt).map((request) => request.path)).toEqual([]);

      await row.getByRole('button', { name: `Resume scrape of ${start}` }).click();
      await expect.poll(status, SCRAPE_WAIT).toMatch(/^(pending|processing|scraping)$/);
      await expect.poll(() => slowSite.requests.length, SCRAPE_WAIT).toBeGreaterThan(pausedAt);

      await row.getByRole('button', { name: `Cancel scrape of ${start}` }).click();
      await expect.poll(status, SCRAPE_WAIT).toBe('cancelled');
      expect(await row.getByRole('button', { name: /^(Pause|Resume|Cancel) scrape/ }).count()).toBe(
        0,
      );
    },
    CRAWL_TEST_MS,
  );
});
