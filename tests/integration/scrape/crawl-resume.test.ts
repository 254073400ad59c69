import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MaterialDraft } from '../../../main/materials/material-draft.ts';
import type { CrawlOptions } from '../../../main/pipelines/scrape/crawl-options.ts';
import type { CrawlSummary, PageResult } from '../../../main/pipelines/scrape/crawl-types.ts';
import { Crawler } from '../../../main/pipelines/scrape/crawler.ts';
import { productKey } from '../../../main/pipelines/scrape/material-mapping.ts';
import { MemoryFrontierStore } from '../../../main/pipelines/scrape/memory-frontier-store.ts';
import { startTestSite, type TestSite } from '../../support/test-site/test-site.ts';

let site: TestSite;

beforeAll(async () => {
  site = await startTestSite({ crawlDelaySeconds: 0 });
});

afterAll(async () => {
  await site.close();
});

/** Crawl settings for the catalogue part of the site: 15 pages, 15 products, no slow routes. */
function catalogueCrawl(
  store: MemoryFrontierStore,
  overrides: Partial<CrawlOptions> = {},
): Crawler {
  return new Crawler({
    startUrls: [`${site.url}/catalog/`],
    store,
    maxPages: 100,
    maxDepth: 10,
    politenessDelayMs: 0,
    perHostConcurrency: 1,
    useSitemaps: false,
    ...overrides,
  });
}

/** Request paths received since `from` (an index into the request log). */
function pathsSince(from: number): string[] {
  return site.requests.slice(from).map((request) => request.path);
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

describe('crawl resume after abort', () => {
  const store = new MemoryFrontierStore();
  let firstRun: CrawlSummary;
  let secondRun: CrawlSummary;
  let completedBeforeAbort: string[];
  let secondRunPaths: string[];
  let results: PageResult[];

  beforeAll(async () => {
    const controller = new AbortController();
    const first = catalogueCrawl(store, { signal: controller.signal });
    let finished = 0;
    first.on('pageFinished', () => {
      finished += 1;
      if (finished === 5) controller.abort();
    });
    firstRun = await first.run();
    completedBeforeAbort = (await store.listResults()).map((result) => pathOf(result.url));
    const mark = site.requests.length;
    secondRun = await catalogueCrawl(store).run();
    secondRunPaths = pathsSince(mark);
    results = await store.listResults();
  });

  it('reports the abort', () => {
    expect(firstRun.outcome).toBe('aborted');
  });

  it('stops early', () => {
    expect(completedBeforeAbort.length).toBeLessThan(10);
  });

  it('finishes on the second run', () => {
    expect(secondRun.outcome).toBe('finished');
  });

  it('refetches no finished page', () => {
    expect(secondRunPaths.filter((path) => completedBeforeAbort.includes(path))).toEqual([]);
  });

  it('fetches the remaining pages', () => {
    expect(results).toHaveLength(15);
  });

  it('records each URL once', () => {
    expect(new Set(results.map((result) => result.url)).size).toBe(results.length);
  });

  it('completes or skips every page', () => {
    expect(results.filter((result) => result.status === 'failed')).toEqual([]);
  });

  it('keeps products unique across runs', () => {
    const materials: MaterialDraft[] = [...firstRun.materials, ...secondRun.materials];
    expect(new Set(materials.map(productKey)).size).toBe(materials.length);
  });

  it('finds every product once', () => {
    expect(firstRun.materials.length + secondRun.materials.length).toBe(15);
  });

  it('carries the page totals over', () => {
    expect(secondRun.pagesCompleted + secondRun.pagesSkipped).toBe(15);
  });
});

describe('crawl resume with sitemaps', () => {
  it('reads a sitemap only once', async () => {
    const store = new MemoryFrontierStore();
    const controller = new AbortController();
    const first = catalogueCrawl(store, {
      useSitemaps: true,
      maxPages: 200,
      signal: controller.signal,
    });
    first.on('sitemapFinished', () => controller.abort());
    const mark = site.requests.length;
    await first.run();
    await catalogueCrawl(store, { useSitemaps: true, maxPages: 3 }).run();
    const sitemapRequests = pathsSince(mark).filter((path) => path === '/sitemap.xml');
    expect(sitemapRequests).toHaveLength(1);
  });
});

describe('crawl maxPages', () => {
  const store = new MemoryFrontierStore();
  let limited: CrawlSummary;
  let limitedPaths: string[];
  let continuedPaths: string[];

  beforeAll(async () => {
    let mark = site.requests.length;
    limited = await catalogueCrawl(store, { maxPages: 3 }).run();
    limitedPaths = pathsSince(mark).filter((path) => path !== '/robots.txt');
    mark = site.requests.length;
    await catalogueCrawl(store, { maxPages: 100 }).run();
    continuedPaths = pathsSince(mark).filter((path) => path !== '/robots.txt');
  });

  it('reports the page limit', () => {
    expect(limited.outcome).toBe('max-pages');
  });

  it('requests maxPages pages', () => {
    expect(limitedPaths).toHaveLength(3);
  });

  it('continues without refetching', () => {
    expect(continuedPaths.filter((path) => limitedPaths.includes(path))).toEqual([]);
  });

  it('fetches the rest later', () => {
    expect(limitedPaths.length + continuedPaths.length).toBe(15);
  });
});

describe('crawl pause', () => {
  it('starts no page while paused', async () => {
    const crawler = catalogueCrawl(new MemoryFrontierStore());
    let requestsAtPause = 0;
    let requestsAtResume = 0;
    crawler.once('pageFinished', () => {
      crawler.pause();
      requestsAtPause = site.requests.length;
      setTimeout(() => {
        requestsAtResume = site.requests.length;
        crawler.resume();
      }, 150);
    });
    const summary = await crawler.run();
    expect({ paused: requestsAtResume - requestsAtPause, outcome: summary.outcome }).toEqual({
      paused: 0,
      outcome: 'finished',
    });
  });

  it('reports the paused state', () => {
    const crawler = catalogueCrawl(new MemoryFrontierStore());
    crawler.pause();
    const paused = crawler.paused;
    crawler.resume();
    expect([paused, crawler.paused]).toEqual([true, false]);
  });

  it('aborts while paused', async () => {
    const controller = new AbortController();
    const crawler = catalogueCrawl(new MemoryFrontierStore(), { signal: controller.signal });
    crawler.once('pageFinished', () => {
      crawler.pause();
      setTimeout(() => controller.abort(), 50);
    });
    expect((await crawler.run()).outcome).toBe('aborted');
  });
});

describe('crawl categories', () => {
  it('keeps only matching products', async () => {
    const crawler = catalogueCrawl(new MemoryFrontierStore(), {
      startUrls: [`${site.url}/catalog/`, `${site.url}/products/tile-adhesive.html`],
      categories: ['adhesive'],
    });
    const summary = await crawler.run();
    expect(summary.materials.map((material) => material.name).sort()).toEqual([
      'Flex adhesive C2TE S1',
      'Mosaic adhesive white',
      'Rapid adhesive C2FT',
      'Tile adhesive Kiilto Extra & Flex 25 kg',
    ]);
  });

  it('counts the filtered products', async () => {
    const crawler = catalogueCrawl(new MemoryFrontierStore(), { categories: ['adhesive'] });
    expect((await crawler.run()).materialsFilteredOut).toBe(12);
  });
});
