import diagnosticsChannel from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MaterialDraft } from '../../../main/materials/material-draft.ts';
import type { CrawlSummary, PageResult } from '../../../main/pipelines/scrape/crawl-types.ts';
import { Crawler } from '../../../main/pipelines/scrape/crawler.ts';
import { MemoryFrontierStore } from '../../../main/pipelines/scrape/memory-frontier-store.ts';
import { startTestSite, type TestSite } from '../../support/test-site/test-site.ts';

const CRAWL_DELAY_SECONDS = 0.02;
const MAX_RETRIES = 2;

let site: TestSite;
let offsite: Server;
let offsiteRequests = 0;
let summary: CrawlSummary;
let results: PageResult[];
const started: string[] = [];
const finished: PageResult[] = [];
const found: MaterialDraft[] = [];
const sendTimes: number[] = [];

function recordSend(message: unknown): void {
  const origin = (message as { request: { origin: string } }).request.origin;
  if (origin === site.url) sendTimes.push(Date.now());
}

beforeAll(async () => {
  offsite = createServer((_request, response) => {
    offsiteRequests += 1;
    response.end('<a href="/more">more</a>');
  });
  await new Promise<void>((resolve) => offsite.listen(0, '127.0.0.1', resolve));
  const offsiteUrl = `http://127.0.0.1:${(offsite.address() as AddressInfo).port}`;
  site = await startTestSite({
    crawlDelaySeconds: CRAWL_DELAY_SECONDS,
    hugePageBytes: 1536 * 1024,
    slowPageDelayMs: 3000,
    offsiteUrl,
  });
  const store = new MemoryFrontierStore();
  const crawler = new Crawler({
    startUrls: [`${site.url}/`],
    store,
    maxPages: 200,
    maxDepth: 10,
    politenessDelayMs: 0,
    pageTimeoutMs: 300,
    maxPageBytes: 1024 * 1024,
    maxRetries: MAX_RETRIES,
    retryBaseDelayMs: 20,
    maxRetryDelayMs: 2000,
  });
  crawler.on('pageStarted', (page) => started.push(page.url));
  crawler.on('pageFinished', (result) => finished.push(result));
  crawler.on('productsFound', ({ materials }) => found.push(...materials));
  diagnosticsChannel.subscribe('undici:client:sendHeaders', recordSend);
  try {
    summary = await crawler.run();
  } finally {
    diagnosticsChannel.unsubscribe('undici:client:sendHeaders', recordSend);
  }
  results = await store.listResults();
});

afterAll(async () => {
  await site.close();
  await new Promise((resolve) => offsite.close(resolve));
});

function resultFor(path: string): PageResult | undefined {
  return results.find((result) => result.url === `${site.url}${path}`);
}

function requestCount(path: string): number {
  return site.requests.filter((request) => request.path === path).length;
}

function materialsFrom(path: string): MaterialDraft[] {
  return summary.materials.filter((material) => material.sourceUrl === `${site.url}${path}`);
}

describe('crawl of the test site', () => {
  it('finishes', () => {
    expect(summary.outcome).toBe('finished');
  });

  it.each([
    ['/', 'completed', 200, 'no-products', null],
    ['/catalog/', 'completed', 200, 'no-products', null],
    ['/products/dveri-alba.html', 'completed', 200, 'products', null],
    ['/products/petshop-flea-tablets.html', 'completed', 200, 'products', null],
    ['/products/acme-anvil.html', 'completed', 200, 'products', null],
    ['/products/tile-adhesive.html', 'completed', 200, 'products', null],
    ['/products/og-paint.html', 'completed', 200, 'products', null],
    ['/articles/jsonld-comment.html', 'completed', 200, 'no-products', null],
    ['/listings/ehituskaup24-makita.html', 'completed', 200, 'products', null],
    ['/listings/geizhals-trockner.html', 'completed', 200, 'products', null],
    ['/listings/tooriistamaailm-makita.html', 'completed', 200, 'products', null],
    [
      '/listings/tooriistamaailm-shell.html',
      'completed',
      200,
      'script-rendered',
      /^script-rendered \(Next\.js\)/,
    ],
    [
      '/blocked/k-rauta.html',
      'failed',
      403,
      'bot-challenge',
      /^blocked by a bot challenge \(Cloudflare\)/,
    ],
    [
      '/missing/inserv.html',
      'skipped',
      200,
      'soft-404',
      /^soft 404: HTTP 200, but the page says "lehte ei leitud"$/,
    ],
    ['/gone.html', 'skipped', 404, 'not-found', /^not found \(HTTP 404\)$/],
    ['/private/secret.html', 'skipped', null, null, /^robots\.txt$/],
    ['/private/open-house.html', 'completed', 200, 'no-products', null],
    ['/search?q=tiles&session=abc123', 'skipped', null, null, /^robots\.txt$/],
    ['/catalog/tiles/print', 'skipped', null, null, /^robots\.txt$/],
    ['/catalog/tiles/printable-guide.html', 'completed', 200, 'no-products', null],
    ['/brochure.pdf', 'skipped', null, null, /^robots\.txt$/],
    [
      '/brochure.pdf?download=1',
      'skipped',
      200,
      'non-html',
      /^non-HTML content \(application\/pdf\)/,
    ],
    ['/download?id=7', 'skipped', 200, 'non-html', /^non-HTML content \(application\/pdf\)/],
    ['/moved/start', 'completed', 200, 'products', null],
    ['/moved/step-2', 'skipped', null, null, /^reached by a redirect from /],
    ['/moved/final.html', 'skipped', null, null, /^reached by a redirect from /],
    ['/old/adhesive', 'skipped', 301, null, /tile-adhesive\.html, which the crawl already has$/],
    ['/loop/a', 'failed', null, null, /The redirects loop back to /],
    ['/hops/0', 'failed', null, null, /It redirects more than 10 times\./],
    ['/cookie-gate.html', 'completed', 200, 'products', null],
    ['/slow.html', 'failed', null, null, /timed out after 300 ms/],
    ['/busy.html', 'completed', 200, 'no-products', null],
    ['/flaky.html', 'completed', 200, 'no-products', null],
    ['/broken.html', 'failed', 500, 'http-error', /^HTTP 500$/],
    [
      '/overloaded.html',
      'failed',
      503,
      null,
      /requested a retry after 3600 s, more than the 2 s limit$/,
    ],
    ['/huge.html', 'failed', 200, null, /^body larger than the 1048576 byte limit/],
    ['/orphan/sitemap-only.html', 'completed', 200, 'products', null],
    ['/catalog/tiles?page=1', 'completed', 200, 'products', null],
    ['/catalog/tiles?page=2', 'completed', 200, 'products', null],
    ['/catalog/tiles?page=3', 'completed', 200, 'products', null],
    [
      '/catalog/tiles?page=3&sort=default',
      'skipped',
      200,
      null,
      /^duplicate content of .*\/catalog\/tiles\?page=3$/,
    ],
    ['/catalog/adhesives?amp;type=flex&brand=kiilto', 'completed', 200, 'products', null],
  ])('records %s', (path, status, httpStatus, pageKind, reason) => {
    const result = resultFor(path);
    expect({
      status: result?.status,
      httpStatus: result?.httpStatus,
      pageKind: result?.pageKind,
    }).toEqual({
      status,
      httpStatus,
      pageKind,
    });
    if (reason) expect(result?.reason).toMatch(reason);
    else expect(result?.reason).toBeNull();
  });

  it('records each URL once', () => {
    const urls = results.map((result) => result.url);
    expect(urls.length).toBe(new Set(urls).size);
  });

  it('reads every sitemap', () => {
    const sitemaps = results
      .filter((result) => result.kind === 'sitemap')
      .map((result) => result.url.replace(site.url, ''));
    expect(sitemaps.sort()).toEqual([
      '/sitemap-index.xml',
      '/sitemap-misc.xml.gz',
      '/sitemap-products.xml',
      '/sitemap.xml',
    ]);
  });

  it('fills timing fields', () => {
    const home = resultFor('/');
    expect(Date.parse(home?.finishedAt ?? '') - Date.parse(home?.startedAt ?? '')).toBe(
      home?.durationMs,
    );
  });

  it('records a content hash and size', () => {
    expect(resultFor('/catalog/')).toMatchObject({
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      bytes: expect.any(Number),
    });
  });
});

describe('crawl requests', () => {
  const retried: Record<string, number> = {
    '/cookie-gate.html': 2,
    '/busy.html': 2,
    '/flaky.html': 2,
    '/broken.html': MAX_RETRIES + 1,
    '/slow.html': MAX_RETRIES + 1,
  };

  it('requests every other path once', () => {
    const counts = new Map<string, number>();
    for (const request of site.requests)
      counts.set(request.path, (counts.get(request.path) ?? 0) + 1);
    const repeated = [...counts].filter(([path, count]) => count > 1 && retried[path] !== count);
    expect(repeated).toEqual([]);
  });

  it.each(Object.entries(retried))('requests %s the expected times', (path, count) => {
    expect(requestCount(path)).toBe(count);
  });

  it.each([
    ['/private/secret.html'],
    ['/search?q=tiles&session=abc123'],
    ['/search?session=abc123&q=tiles'],
    ['/catalog/tiles/print'],
    ['/brochure.pdf'],
    ['/files/price-list.pdf'],
    ['/guides/og-paint.html'],
  ])('never requests %s', (path) => {
    expect(requestCount(path)).toBe(0);
  });

  it('stays on the site', () => {
    expect(offsiteRequests).toBe(0);
  });

  it('sends the KAI-Console user agent', () => {
    expect(new Set(site.requests.map((request) => request.userAgent))).toEqual(
      new Set(['KAI-Console/0.1.0']),
    );
  });

  // The site runs in the crawler's process, where a long parse delays the server's arrival
  // timestamps, so spacing is measured where fetch writes each request to its socket.
  it('keeps the Crawl-delay between requests', () => {
    const gaps = sendTimes.slice(1).map((sentAt, index) => sentAt - (sendTimes[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(CRAWL_DELAY_SECONDS * 1000 - 2);
  });

  it('sends every request it records', () => {
    expect(sendTimes).toHaveLength(site.requests.length);
  });

  it('decodes &amp;amp; in an href once', () => {
    expect(requestCount('/catalog/adhesives?amp;type=flex&brand=kiilto')).toBe(1);
  });

  it('resolves links against base href', () => {
    expect(resultFor('/products/og-paint.html')?.status).toBe('completed');
  });

  it('ends the pagination loop', () => {
    const listingRequests = site.requests.filter((request) =>
      request.path.startsWith('/catalog/tiles?'),
    );
    expect(listingRequests.map((request) => request.path).sort()).toEqual([
      '/catalog/tiles?page=1',
      '/catalog/tiles?page=2',
      '/catalog/tiles?page=3',
      '/catalog/tiles?page=3&sort=default',
    ]);
  });

  it('waits for Retry-After on 429', () => {
    const [first, second] = site.requests.filter((request) => request.path === '/busy.html');
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('never asks the off-site robots.txt', () => {
    expect(requestCount('/robots.txt')).toBe(1);
  });
});

describe('crawl products', () => {
  it.each([
    ['/products/dveri-alba.html', 1],
    ['/products/petshop-flea-tablets.html', 1],
    ['/products/acme-anvil.html', 1],
    ['/products/tile-adhesive.html', 1],
    ['/products/og-paint.html', 1],
    ['/listings/ehituskaup24-makita.html', 6],
    ['/listings/geizhals-trockner.html', 30],
    ['/listings/tooriistamaailm-makita.html', 12],
    ['/moved/final.html', 1],
    ['/cookie-gate.html', 1],
    ['/orphan/sitemap-only.html', 1],
    ['/catalog/tiles?page=1', 2],
    ['/catalog/adhesives?amp;type=flex&brand=kiilto', 3],
  ])('finds products on %s', (path, count) => {
    expect(materialsFrom(path)).toHaveLength(count);
  });

  it('counts products per page result', () => {
    const total = results.reduce((sum, result) => sum + result.materialsFound, 0);
    expect(total).toBe(summary.materials.length);
  });

  it('emits every product once', () => {
    expect(found).toEqual(summary.materials);
  });

  it('reads the tile adhesive JSON-LD', () => {
    expect(materialsFrom('/products/tile-adhesive.html')[0]).toMatchObject({
      name: 'Tile adhesive Kiilto Extra & Flex 25 kg',
      sku: 'KIILTO-EXTRA-25',
      manufacturer: 'Kiilto',
      category: 'Building materials > Adhesives',
      price: 16.5,
      currency: 'EUR',
      attributes: { maxPrice: 18.9, gtin: '6411512345678' },
    });
  });

  it('decodes Geizhals umlauts served without a charset', () => {
    expect(materialsFrom('/listings/geizhals-trockner.html')[0]?.name).toBe(
      'Gorenje DE83/GI Wärmepumpentrockner',
    );
  });

  it('reads the Open Graph product', () => {
    expect(materialsFrom('/products/og-paint.html')[0]).toMatchObject({
      sku: 'TIK-FACADE-9',
      price: 89.9,
    });
  });

  it('reads the product behind the cookie gate', () => {
    expect(materialsFrom('/cookie-gate.html')[0]?.sku).toBe('WOOL-100');
  });

  it('keeps the tile listing and detail records apart', () => {
    const tiles = summary.materials.filter(
      (material) => material.name === 'Ceramic tile T-1 30x60',
    );
    expect(tiles.map((material) => material.sku)).toEqual([null, 'TILE-1']);
  });

  it('has no duplicate SKUs', () => {
    const skus = summary.materials.flatMap((material) => (material.sku ? [material.sku] : []));
    expect(skus.length).toBe(new Set(skus).size);
  });
});

describe('crawl events', () => {
  it('finishes every stored page', () => {
    expect(finished.length).toBe(results.filter((result) => result.kind === 'page').length);
  });

  it('starts every fetched page', () => {
    const covered = finished.filter((result) => result.reason?.startsWith('reached by a redirect'));
    expect(started.length).toBe(finished.length - covered.length);
  });

  it('matches the summary counts', () => {
    const count = (status: string) => finished.filter((result) => result.status === status).length;
    expect([summary.pagesCompleted, summary.pagesFailed, summary.pagesSkipped]).toEqual([
      count('completed'),
      count('failed'),
      count('skipped'),
    ]);
  });
});
