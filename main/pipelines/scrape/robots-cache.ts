/**
 * Loads robots.txt once per origin and keeps the policy for the crawl, with the status
 * handling of RFC 9309 section 2.3.1: 2xx is parsed, 4xx means no restrictions, and 5xx,
 * 429 or a network failure means everything is disallowed.
 */

import type { HostScheduler } from './host-scheduler.ts';
import type { HttpFetcher } from './http-fetcher.ts';
import { hostKey } from './url-normalisation.ts';
import {
  allowAllPolicy,
  disallowAllPolicy,
  MAX_ROBOTS_TXT_BYTES,
  parseRobotsTxt,
  robotsPolicyFor,
  type RobotsPolicy,
} from './robots-txt.ts';

/** A host's robots policy and, when the file could not be loaded, why everything is blocked. */
export interface LoadedRobots {
  policy: RobotsPolicy;
  /** Set when robots.txt was unreachable, so the whole origin is treated as disallowed. */
  unreachableReason: string | null;
}

/** Settings that turn a loaded Crawl-delay into the host's request spacing. */
export interface CrawlDelaySettings {
  scheduler: HostScheduler;
  /** The crawl's own minimum spacing in ms; a larger Crawl-delay replaces it. */
  politenessDelayMs: number;
  /** Crawl-delay values above this many ms are capped to it. */
  maxCrawlDelayMs: number;
}

/** Per-crawl cache of robots.txt policies, keyed by origin. */
export class RobotsCache {
  private readonly origins = new Map<string, Promise<LoadedRobots>>();

  constructor(
    private readonly fetcher: HttpFetcher,
    private readonly productToken: string,
    private readonly delays: CrawlDelaySettings,
    private readonly signal?: AbortSignal,
  ) {}

  /** Returns the policy for the origin of `url`, loading robots.txt on first use. */
  policyFor(url: string): Promise<LoadedRobots> {
    const origin = new URL(url).origin;
    let loaded = this.origins.get(origin);
    if (!loaded) {
      loaded = this.load(origin).then((robots) => this.applyCrawlDelay(origin, robots));
      this.origins.set(origin, loaded);
      // A crawl abort rejects the load; forget it so a later call can try again.
      loaded.catch(() => this.origins.delete(origin));
    }
    return loaded;
  }

  private applyCrawlDelay(origin: string, robots: LoadedRobots): LoadedRobots {
    const { scheduler, politenessDelayMs, maxCrawlDelayMs } = this.delays;
    const crawlDelayMs = (robots.policy.crawlDelaySeconds ?? 0) * 1000;
    scheduler.setDelay(
      hostKey(origin),
      Math.max(politenessDelayMs, Math.min(crawlDelayMs, maxCrawlDelayMs)),
    );
    return robots;
  }

  private async load(origin: string): Promise<LoadedRobots> {
    const robotsUrl = `${origin}/robots.txt`;
    let page;
    try {
      page = await this.fetcher.fetch(robotsUrl, { accept: 'text/plain,*/*;q=0.5' });
    } catch (error) {
      if (this.signal?.aborted) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      return unreachable(`robots.txt unreachable (${detail})`);
    }
    if (page.status >= 200 && page.status < 300) {
      const text = page.body.subarray(0, MAX_ROBOTS_TXT_BYTES).toString('utf8');
      return {
        policy: robotsPolicyFor(parseRobotsTxt(text), this.productToken),
        unreachableReason: null,
      };
    }
    if (page.status === 429 || page.status >= 500) {
      return unreachable(`robots.txt unreachable (HTTP ${page.status})`);
    }
    return { policy: allowAllPolicy(), unreachableReason: null };
  }
}

function unreachable(reason: string): LoadedRobots {
  return {
    policy: disallowAllPolicy(),
    unreachableReason: `${reason}; RFC 9309 asks crawlers to treat the site as disallowed until robots.txt loads`,
  };
}
