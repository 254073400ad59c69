/**
 * Processing of one frontier entry: the robots.txt check, the fetch with redirect claiming,
 * and then either sitemap parsing or page processing with deduplication by content hash and by
 * product key. The crawler records what this returns.
 */

import { createHash } from 'node:crypto';

import type { MaterialDraft } from '../../materials/material-draft.ts';
import type { CrawlFrontierStore } from './crawl-frontier-store.ts';
import type { ResolvedCrawlOptions } from './crawl-options.ts';
import type { FrontierEntry, PageStatus } from './crawl-types.ts';
import type { FetchedPage, HttpFetcher } from './http-fetcher.ts';
import { matchesCategories, productKey } from './material-mapping.ts';
import { isHtmlContentType, nonHtmlReason, type PageKind } from './page-classification.ts';
import { processHtmlPage } from './page-processing.ts';
import type { RobotsCache } from './robots-cache.ts';
import { MAX_SITEMAP_BYTES, parseSitemapBytes } from './sitemap.ts';
import { normaliseUrl, siteKey } from './url-normalisation.ts';

/** The outcome of processing an entry, before timing fields are added. */
export interface EntryOutcome {
  status: PageStatus;
  httpStatus: number | null;
  finalUrl: string;
  contentHash: string | null;
  pageKind: PageKind | null;
  reason: string | null;
  bytes: number;
  /** Products that passed the category filter and deduplication, with their keys. */
  materials: MaterialDraft[];
  productKeys: string[];
  materialsFilteredOut: number;
  /** Redirect targets claimed in the store while following this entry's redirects. */
  claimedUrls: string[];
}

/** Crawl-wide state the handler reads and updates. */
export interface CrawlState {
  /** Content hash of every completed page, mapped to the page's URL. */
  contentHashes: Map<string, string>;
  productKeys: Set<string>;
  /** Sitemap entries added so far, to enforce `maxSitemaps`. */
  sitemapCount: number;
}

/** Handles entries for one crawl. */
export class CrawlEntryHandler {
  private readonly scope: Set<string>;

  constructor(
    private readonly options: ResolvedCrawlOptions,
    private readonly fetcher: HttpFetcher,
    private readonly robots: RobotsCache,
    private readonly store: CrawlFrontierStore,
    private readonly state: CrawlState,
  ) {
    this.scope = new Set(options.startUrls.map((url) => siteKey(url)));
  }

  /** Returns whether `url` belongs to one of the start URLs' sites. */
  isInScope(url: string): boolean {
    return this.scope.has(siteKey(url));
  }

  /**
   * Returns why robots.txt blocks `url`, or null when it may be fetched: `robots.txt` for a
   * matching Disallow, or the reason robots.txt itself could not be loaded.
   */
  async robotsBlockReason(url: string): Promise<string | null> {
    const { policy, unreachableReason } = await this.robots.policyFor(url);
    if (unreachableReason) return unreachableReason;
    return policy.isAllowed(url) ? null : 'robots.txt';
  }

  /** Fetches and processes one entry. Throws only when the crawl aborts or the store fails. */
  async handle(entry: FrontierEntry): Promise<EntryOutcome> {
    const blocked = await this.robotsBlockReason(entry.url);
    if (blocked) return outcome(entry, { status: 'skipped', reason: blocked });

    const claimedUrls: string[] = [];
    const page = await this.fetchEntry(entry, claimedUrls);
    if ('reason' in page) {
      return { ...outcome(entry, { status: 'failed', reason: page.reason }), claimedUrls };
    }

    const base = {
      ...outcome(entry, { status: 'completed', reason: null }),
      httpStatus: page.status,
      finalUrl: normaliseUrl(page.finalUrl) ?? page.finalUrl,
      bytes: page.bytes,
      claimedUrls,
    };
    const maxBytes = entry.kind === 'sitemap' ? MAX_SITEMAP_BYTES : this.options.maxPageBytes;
    const problem = fetchProblem(page, maxBytes, this.options);
    if (problem) return { ...base, ...problem };

    if (entry.kind === 'page') return { ...base, ...(await this.handlePage(entry, page)) };
    return { ...base, ...(await this.handleSitemap(page)) };
  }

  /** Fetches an entry; a fetch failure becomes its reason, and an abort is rethrown. */
  private async fetchEntry(
    entry: FrontierEntry,
    claimedUrls: string[],
  ): Promise<FetchedPage | { reason: string }> {
    try {
      return await this.fetcher.fetch(entry.url, {
        checkRedirect: (target) => this.checkRedirect(target, entry, claimedUrls),
        wantsBody: entry.kind === 'page' ? isHtmlContentType : undefined,
        maxBytes: entry.kind === 'sitemap' ? MAX_SITEMAP_BYTES : undefined,
      });
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      return { reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async checkRedirect(
    target: string,
    entry: FrontierEntry,
    claimedUrls: string[],
  ): Promise<string | null> {
    const url = normaliseUrl(target);
    if (!url) return `redirects to ${target}, which is not an http or https URL`;
    if (!this.isInScope(url)) return `redirects off-site to ${url}`;
    if (await this.robotsBlockReason(url)) return `redirects to ${url}, which robots.txt disallows`;
    if (url === entry.url || claimedUrls.includes(url)) return null;
    const claimed = await this.store.claim({ url, depth: entry.depth, kind: entry.kind });
    if (!claimed) return `redirects to ${url}, which the crawl already has`;
    claimedUrls.push(url);
    return null;
  }

  private async handleSitemap(page: FetchedPage): Promise<Partial<EntryOutcome>> {
    if (page.status === 404 || page.status === 410) {
      return { status: 'skipped', reason: `not found (HTTP ${page.status})` };
    }
    if (page.status < 200 || page.status >= 300) {
      return { status: 'failed', reason: `HTTP ${page.status}` };
    }
    let parsed;
    try {
      parsed = parseSitemapBytes(page.body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { status: 'failed', reason: `invalid sitemap: ${detail}` };
    }
    const urls = parsed.locations
      .map((location) => normaliseUrl(location, page.finalUrl))
      .filter((url): url is string => url !== null && this.isInScope(url));
    if (parsed.kind === 'sitemapindex') {
      const room = Math.max(0, this.options.maxSitemaps - this.state.sitemapCount);
      const sitemaps = urls
        .slice(0, room)
        .map((url) => ({ url, depth: 0, kind: 'sitemap' as const }));
      this.state.sitemapCount += await this.store.add(sitemaps);
    } else {
      await this.store.add(urls.map((url) => ({ url, depth: 0, kind: 'page' as const })));
    }
    return { reason: `${parsed.kind} with ${urls.length} same-site URLs` };
  }

  private async handlePage(
    entry: FrontierEntry,
    page: FetchedPage,
  ): Promise<Partial<EntryOutcome>> {
    const contentHash = createHash('sha256').update(page.body).digest('hex');
    const isSuccess = page.status >= 200 && page.status < 300;
    const original = isSuccess ? this.state.contentHashes.get(contentHash) : undefined;
    if (original !== undefined && original !== entry.url) {
      return { status: 'skipped', contentHash, reason: `duplicate content of ${original}` };
    }
    const processed = processHtmlPage(page, this.options.productToken);
    if (processed.status === 'completed') this.state.contentHashes.set(contentHash, entry.url);
    const kept = this.keepNewProducts(processed.materials, processed.breadcrumbs);
    await this.addLinks(processed.links, entry.depth + 1);
    return {
      status: processed.status,
      contentHash,
      pageKind: processed.pageKind,
      reason: processed.reason,
      ...kept,
    };
  }

  private keepNewProducts(
    materials: MaterialDraft[],
    breadcrumbs: string[],
  ): Pick<EntryOutcome, 'materials' | 'productKeys' | 'materialsFilteredOut'> {
    const kept: MaterialDraft[] = [];
    const keys: string[] = [];
    let filteredOut = 0;
    for (const draft of materials) {
      if (!matchesCategories(draft, breadcrumbs, this.options.categories)) {
        filteredOut += 1;
        continue;
      }
      const key = productKey(draft);
      if (this.state.productKeys.has(key)) continue;
      this.state.productKeys.add(key);
      kept.push(draft);
      keys.push(key);
    }
    return { materials: kept, productKeys: keys, materialsFilteredOut: filteredOut };
  }

  private async addLinks(links: string[], depth: number): Promise<void> {
    if (depth > this.options.maxDepth) return;
    const entries = links
      .filter((url) => this.isInScope(url))
      .map((url) => ({ url, depth, kind: 'page' as const }));
    if (entries.length > 0) await this.store.add(entries);
  }
}

/** Failures visible before the body is processed: size, Retry-After, content type, redirects. */
function fetchProblem(
  page: FetchedPage,
  maxBytes: number,
  options: ResolvedCrawlOptions,
): Partial<EntryOutcome> | null {
  if (page.redirectStopped) return { status: 'skipped', reason: page.redirectStopped.reason };
  if (page.retryAfterTooLongMs !== null) {
    const asked = Math.ceil(page.retryAfterTooLongMs / 1000);
    const limit = Math.round(options.maxRetryDelayMs / 1000);
    const reason = `HTTP ${page.status}: the server requested a retry after ${asked} s, more than the ${limit} s limit`;
    return { status: 'failed', reason };
  }
  if (page.bodySkipped) return nonHtmlOutcome(page);
  if (page.truncated) {
    const reason = `body larger than the ${maxBytes} byte limit; reading stopped there`;
    return { status: 'failed', reason };
  }
  if (page.status >= 300 && page.status < 400) {
    return { status: 'failed', reason: `HTTP ${page.status} without a usable Location header` };
  }
  return null;
}

/**
 * Returns the outcome of a response whose body was not read. An error status outweighs the
 * content type, so a text/plain 500 is a failure, not a skip.
 */
function nonHtmlOutcome(page: FetchedPage): Partial<EntryOutcome> {
  if (page.status === 404 || page.status === 410) {
    return { status: 'skipped', pageKind: 'not-found', reason: `not found (HTTP ${page.status})` };
  }
  if (page.status >= 400) {
    return { status: 'failed', pageKind: 'http-error', reason: `HTTP ${page.status}` };
  }
  return { status: 'skipped', pageKind: 'non-html', reason: nonHtmlReason(page.contentType) };
}

function outcome(
  entry: FrontierEntry,
  fields: { status: PageStatus; reason: string | null },
): EntryOutcome {
  return {
    status: fields.status,
    httpStatus: null,
    finalUrl: entry.url,
    contentHash: null,
    pageKind: null,
    reason: fields.reason,
    bytes: 0,
    materials: [],
    productKeys: [],
    materialsFilteredOut: 0,
    claimedUrls: [],
  };
}
