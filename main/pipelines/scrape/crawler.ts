/**
 * The polite page-by-page crawler. It seeds the frontier from the start URLs and the sites'
 * sitemaps, then runs workers that take entries from the frontier store until it is empty,
 * `maxPages` is spent or the signal aborts. All state that must survive a crash lives in the
 * store, so a new Crawler over the same store resumes where the last one stopped.
 */

import { EventEmitter } from 'node:events';

import { CookieJar } from './cookie-jar.ts';
import { CrawlEntryHandler, type CrawlState } from './crawl-entry-handler.ts';
import {
  resolveCrawlOptions,
  type CrawlOptions,
  type ResolvedCrawlOptions,
} from './crawl-options.ts';
import type {
  CrawlerEvents,
  CrawlOutcome,
  CrawlSummary,
  FrontierEntry,
  PageResult,
} from './crawl-types.ts';
import { HostScheduler } from './host-scheduler.ts';
import { HttpFetcher } from './http-fetcher.ts';
import {
  claimedResult,
  countResult,
  emptySummary,
  toResult,
  wasRequested,
} from './page-results.ts';
import { onRequestSent } from './request-send-times.ts';
import { RobotsCache } from './robots-cache.ts';
import { hostKey } from './url-normalisation.ts';

/**
 * Crawls one site. Emits `pageStarted`, `productsFound` and `pageFinished` for pages, and
 * `sitemapFinished` for sitemap files. `productsFound` fires before the page's result is
 * stored, so after a crash a page may report its products twice, never zero times.
 */
export class Crawler extends EventEmitter<CrawlerEvents> {
  private readonly options: ResolvedCrawlOptions;
  private readonly scheduler: HostScheduler;
  private readonly robots: RobotsCache;
  private readonly handler: CrawlEntryHandler;
  private readonly state: CrawlState = {
    contentHashes: new Map(),
    productKeys: new Set(),
    sitemapCount: 0,
  };
  private readonly summary: CrawlSummary = emptySummary();
  /** Pages requested in all runs on the store, plus pages taken from the queue and in flight. */
  private pagesUsed = 0;
  private activeWorkers = 0;
  private wakeWaiters: Array<() => void> = [];
  private pauseGate: { promise: Promise<void>; open: () => void } | null = null;
  private running = false;

  constructor(options: CrawlOptions) {
    super();
    this.options = resolveCrawlOptions(options);
    const { options: resolved } = this;
    this.scheduler = new HostScheduler(resolved.perHostConcurrency, resolved.politenessDelayMs);
    const fetcher = new HttpFetcher({
      userAgent: resolved.userAgent,
      timeoutMs: resolved.pageTimeoutMs,
      maxBytes: resolved.maxPageBytes,
      maxRedirects: resolved.maxRedirects,
      retry: {
        maxRetries: resolved.maxRetries,
        baseDelayMs: resolved.retryBaseDelayMs,
        maxDelayMs: resolved.maxRetryDelayMs,
      },
      cookieJar: new CookieJar(),
      scheduler: this.scheduler,
      signal: resolved.signal,
    });
    const delays = {
      scheduler: this.scheduler,
      politenessDelayMs: resolved.politenessDelayMs,
      maxCrawlDelayMs: resolved.maxCrawlDelayMs,
    };
    this.robots = new RobotsCache(fetcher, resolved.productToken, delays, resolved.signal);
    this.handler = new CrawlEntryHandler(
      resolved,
      fetcher,
      this.robots,
      resolved.store,
      this.state,
    );
  }

  /** Whether `pause()` is in effect. */
  get paused(): boolean {
    return this.pauseGate !== null;
  }

  /** Stops starting new pages; pages in flight finish and are recorded. */
  pause(): void {
    if (this.pauseGate) return;
    let open = (): void => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.pauseGate = { promise, open };
  }

  /** Lets a paused crawl start pages again. */
  resume(): void {
    const gate = this.pauseGate;
    this.pauseGate = null;
    gate?.open();
  }

  /**
   * Runs the crawl to the end and returns its summary. An abort resolves with outcome
   * `aborted` instead of rejecting. Pages in flight at that moment stay in progress in the
   * store, and the next run fetches them again. Throws when the store fails.
   */
  async run(): Promise<CrawlSummary> {
    if (this.running)
      throw new Error('This crawler is already running; create a new Crawler instead.');
    this.running = true;
    const { signal, store } = this.options;
    const wakeAll = (): void => this.wakeAll();
    signal?.addEventListener('abort', wakeAll);
    const hostsByOrigin = new Map<string, string>();
    const stopWatchingSends = onRequestSent((origin, sentAt) => {
      let host = hostsByOrigin.get(origin);
      if (host === undefined) {
        host = hostKey(origin);
        hostsByOrigin.set(origin, host);
      }
      this.scheduler.markSent(host, sentAt);
    });
    try {
      await store.requeueInProgress();
      await this.restoreState();
      await this.seed();
      const workerCount = this.options.perHostConcurrency * this.startHostCount();
      const workers = await Promise.allSettled(
        Array.from({ length: workerCount }, () => this.work()),
      );
      const failure = workers.find((worker) => worker.status === 'rejected');
      if (failure) throw failure.reason;
      // Entries taken from the queue after maxPages was reached go back for a later run.
      await store.requeueInProgress();
      this.summary.outcome = await this.outcome();
    } catch (error) {
      if (!signal?.aborted) throw error;
      this.summary.outcome = 'aborted';
    } finally {
      stopWatchingSends();
      signal?.removeEventListener('abort', wakeAll);
      this.running = false;
    }
    return { ...this.summary, materials: [...this.summary.materials] };
  }

  private async outcome(): Promise<CrawlOutcome> {
    if (this.options.signal?.aborted) return 'aborted';
    const queued = await this.options.store.countQueued();
    return queued > 0 && this.pagesUsed >= this.options.maxPages ? 'max-pages' : 'finished';
  }

  /** Rebuilds deduplication state and totals from the results of earlier runs. */
  private async restoreState(): Promise<void> {
    for (const result of await this.options.store.listResults()) {
      if (result.kind === 'sitemap') {
        this.state.sitemapCount += 1;
        continue;
      }
      if (wasRequested(result)) this.pagesUsed += 1;
      if (result.status === 'completed' && result.contentHash) {
        this.state.contentHashes.set(result.contentHash, result.url);
      }
      for (const key of result.productKeys) this.state.productKeys.add(key);
      countResult(this.summary, result);
    }
  }

  /** Queues the start URLs and, when enabled, `/sitemap.xml` and robots.txt sitemaps. */
  private async seed(): Promise<void> {
    const { startUrls, store, useSitemaps, maxSitemaps } = this.options;
    await store.add(startUrls.map((url) => ({ url, depth: 0, kind: 'page' as const })));
    if (!useSitemaps) return;
    const sitemapUrls = new Set<string>();
    for (const startUrl of startUrls) {
      sitemapUrls.add(new URL('/sitemap.xml', startUrl).href);
      const { policy } = await this.robots.policyFor(startUrl);
      for (const sitemap of policy.sitemaps) {
        if (this.handler.isInScope(sitemap)) sitemapUrls.add(new URL(sitemap).href);
      }
    }
    const room = Math.max(0, maxSitemaps - this.state.sitemapCount);
    const entries = [...sitemapUrls]
      .slice(0, room)
      .map((url) => ({ url, depth: 0, kind: 'sitemap' as const }));
    this.state.sitemapCount += await store.add(entries);
  }

  private startHostCount(): number {
    return new Set(this.options.startUrls.map((url) => hostKey(url))).size;
  }

  /** Runs one worker until the frontier is empty, maxPages is spent or the crawl aborts. */
  private async work(): Promise<void> {
    const { signal, store, maxPages } = this.options;
    while (!signal?.aborted) {
      if (this.pauseGate) {
        await Promise.race([this.pauseGate.promise, this.abortPromise()]);
        continue;
      }
      if (this.pagesUsed >= maxPages) return;
      const entry = await store.dequeue();
      if (!entry) {
        if (this.activeWorkers === 0) return this.wakeAll();
        await this.nextWake();
        continue;
      }
      // A page reserves budget before its fetch; entries over budget stay for a later run.
      if (entry.kind === 'page' && this.pagesUsed >= maxPages) return;
      if (entry.kind === 'page') this.pagesUsed += 1;
      this.activeWorkers += 1;
      try {
        await this.processEntry(entry);
      } catch (error) {
        if (signal?.aborted) return;
        throw error;
      } finally {
        this.activeWorkers -= 1;
        this.wakeAll();
      }
    }
  }

  private async processEntry(entry: FrontierEntry): Promise<void> {
    const startedAt = Date.now();
    if (entry.kind === 'page')
      this.emit('pageStarted', { url: entry.url, depth: entry.depth, kind: entry.kind });
    const outcome = await this.handler.handle(entry);
    const result = toResult(entry, outcome, startedAt);
    if (entry.kind === 'page' && !wasRequested(result)) this.pagesUsed -= 1;
    if (outcome.materials.length > 0) {
      this.emit('productsFound', { url: entry.url, materials: outcome.materials });
    }
    await this.record(result, outcome.productKeys);
    for (const url of outcome.claimedUrls) await this.record(claimedResult(result, url), []);
    if (this.options.collectMaterials) this.summary.materials.push(...outcome.materials);
    this.summary.materialsFilteredOut += outcome.materialsFilteredOut;
  }

  private async record(result: PageResult, productKeys: string[]): Promise<void> {
    await this.options.store.markResult({ ...result, productKeys });
    if (result.kind === 'sitemap') {
      this.emit('sitemapFinished', result);
      return;
    }
    countResult(this.summary, result);
    this.emit('pageFinished', result);
  }

  private nextWake(): Promise<void> {
    return new Promise((resolve) => this.wakeWaiters.push(resolve));
  }

  private wakeAll(): void {
    const waiters = this.wakeWaiters;
    this.wakeWaiters = [];
    for (const wake of waiters) wake();
  }

  private abortPromise(): Promise<void> {
    const { signal } = this.options;
    if (!signal) return new Promise(() => {});
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) =>
      signal.addEventListener('abort', () => resolve(), { once: true }),
    );
  }
}
