/** Crawl settings, their defaults and their validation. */

import type { CrawlFrontierStore } from './crawl-frontier-store.ts';
import { InvalidStartUrlError } from './scrape-errors.ts';
import { normaliseUrl } from './url-normalisation.ts';

/** Version in the crawler's user agent; kept equal to package.json by a unit test. */
export const CRAWLER_VERSION = '0.1.0';

/** The user agent sent with every request; its product token selects robots.txt groups. */
export const DEFAULT_USER_AGENT = `KAI-Console/${CRAWLER_VERSION}`;

/** Settings of one crawl. Only `startUrls` and `store` are required. */
export interface CrawlOptions {
  /** Absolute http(s) URLs; their sites (host without `www.`, and port) are the crawl scope. */
  startUrls: readonly string[];
  store: CrawlFrontierStore;
  /** Maximum pages requested, over all runs on the same store. Default 100. */
  maxPages?: number;
  /** Maximum links followed from a start URL or sitemap entry. Default 3. */
  maxDepth?: number;
  /** Words a kept product's URL path, breadcrumb or category must contain. Default: keep all. */
  categories?: readonly string[];
  /** Default `KAI-Console/<version>`. */
  userAgent?: string;
  /** Maximum requests in flight to one host. Default 2. */
  perHostConcurrency?: number;
  /** Minimum ms between request starts to one host; a larger Crawl-delay wins. Default 1000. */
  politenessDelayMs?: number;
  /** Maximum Crawl-delay honoured, in ms. Default 60000. */
  maxCrawlDelayMs?: number;
  /** Time limit of one request in ms, headers and body. Default 30000. */
  pageTimeoutMs?: number;
  /** Body size limit in bytes; larger pages fail. Default 5 MiB. */
  maxPageBytes?: number;
  /** Default 10. */
  maxRedirects?: number;
  /** Retries after the first attempt on 429, 5xx, timeouts and network failures. Default 3. */
  maxRetries?: number;
  /** Backoff before the first retry in ms, doubled per retry. Default 1000. */
  retryBaseDelayMs?: number;
  /**
   * Cap in ms on backoff and on a server's Retry-After. A page whose Retry-After is longer
   * fails. Default 30000.
   */
  maxRetryDelayMs?: number;
  /** Read `/sitemap.xml` and robots.txt `Sitemap:` lines. Default true. */
  useSitemaps?: boolean;
  /** Maximum sitemap files read, index files included. Default 50. */
  maxSitemaps?: number;
  /**
   * Keep every product in `CrawlSummary.materials`. Default true. A caller that stores
   * products from `productsFound` passes false, so memory does not grow with the crawl.
   */
  collectMaterials?: boolean;
  /** Aborts the crawl; in-flight pages stay in progress in the store and resume later. */
  signal?: AbortSignal;
}

/** CrawlOptions with every default applied and the start URLs normalised. */
export type ResolvedCrawlOptions = Required<Omit<CrawlOptions, 'signal' | 'startUrls'>> & {
  startUrls: string[];
  signal: AbortSignal | undefined;
  /** The user agent's product token, e.g. `KAI-Console`. */
  productToken: string;
};

/** Applies defaults and validates; throws InvalidStartUrlError or RangeError. */
export function resolveCrawlOptions(options: CrawlOptions): ResolvedCrawlOptions {
  if (options.startUrls.length === 0) throw new RangeError('A crawl needs at least one start URL.');
  const startUrls = options.startUrls.map((url) => {
    const normalised = /^https?:\/\//i.test(url.trim()) ? normaliseUrl(url) : null;
    if (!normalised) throw new InvalidStartUrlError(url);
    return normalised;
  });
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const resolved: ResolvedCrawlOptions = {
    startUrls,
    store: options.store,
    maxPages: options.maxPages ?? 100,
    maxDepth: options.maxDepth ?? 3,
    categories: options.categories ?? [],
    userAgent,
    productToken: userAgent.split('/')[0]?.trim() || userAgent,
    perHostConcurrency: options.perHostConcurrency ?? 2,
    politenessDelayMs: options.politenessDelayMs ?? 1000,
    maxCrawlDelayMs: options.maxCrawlDelayMs ?? 60_000,
    pageTimeoutMs: options.pageTimeoutMs ?? 30_000,
    maxPageBytes: options.maxPageBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 10,
    maxRetries: options.maxRetries ?? 3,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 1000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    useSitemaps: options.useSitemaps ?? true,
    maxSitemaps: options.maxSitemaps ?? 50,
    collectMaterials: options.collectMaterials ?? true,
    signal: options.signal,
  };
  validateLimits(resolved);
  return resolved;
}

function validateLimits(options: ResolvedCrawlOptions): void {
  const nonNegative: Array<keyof ResolvedCrawlOptions> = [
    'maxPages',
    'maxDepth',
    'politenessDelayMs',
    'maxCrawlDelayMs',
    'maxRetries',
    'retryBaseDelayMs',
    'maxRetryDelayMs',
    'maxRedirects',
    'maxSitemaps',
  ];
  for (const key of nonNegative) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `Crawl option ${key} must be a number of at least 0, got ${String(value)}.`,
      );
    }
  }
  for (const key of ['pageTimeoutMs', 'maxPageBytes', 'perHostConcurrency'] as const) {
    if (!Number.isFinite(options[key]) || options[key] <= 0) {
      throw new RangeError(`Crawl option ${key} must be greater than 0, got ${options[key]}.`);
    }
  }
}
