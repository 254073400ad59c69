import { afterEach, describe, expect, it } from 'vitest';

import { Crawler } from '../../../main/pipelines/scrape/crawler.ts';
import { MemoryFrontierStore } from '../../../main/pipelines/scrape/memory-frontier-store.ts';
import { startTestSite, type TestSite } from '../../support/test-site/test-site.ts';

let site: TestSite | null = null;

afterEach(async () => {
  await site?.close();
  site = null;
});

/** Crawls six small catalogue pages and returns the gaps between request arrivals in ms. */
async function crawlGaps(
  crawlDelaySeconds: number,
  options: { politenessDelayMs: number; maxCrawlDelayMs?: number },
) {
  site = await startTestSite({ crawlDelaySeconds });
  const crawler = new Crawler({
    startUrls: [`${site.url}/catalog/`],
    store: new MemoryFrontierStore(),
    maxPages: 6,
    maxDepth: 5,
    useSitemaps: false,
    ...options,
  });
  await crawler.run();
  const arrivals = site.requests.map((request) => request.receivedAt);
  return arrivals.slice(1).map((arrival, index) => arrival - (arrivals[index] ?? 0));
}

// Arrivals can bunch by a few ms when a connection is opened, so the bounds allow 15 ms.
describe('crawl politeness', () => {
  it('spaces requests by Crawl-delay', async () => {
    const gaps = await crawlGaps(0.12, { politenessDelayMs: 0 });
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(105);
  });

  it('lets a larger politeness delay win', async () => {
    const gaps = await crawlGaps(0.05, { politenessDelayMs: 150 });
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(135);
  });

  it('caps Crawl-delay at maxCrawlDelayMs', async () => {
    const gaps = await crawlGaps(10, { politenessDelayMs: 0, maxCrawlDelayMs: 40 });
    expect(Math.max(...gaps)).toBeLessThan(1000);
  });

  it('fetches robots.txt before any page', async () => {
    await crawlGaps(0, { politenessDelayMs: 0 });
    expect(site?.requests.map((request) => request.path).slice(0, 2)).toEqual([
      '/robots.txt',
      '/catalog/',
    ]);
  });
});
