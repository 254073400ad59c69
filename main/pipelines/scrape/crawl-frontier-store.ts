/**
 * The persistence interface of a crawl frontier. One store instance contains one crawl. Every URL
 * is in one of three states: queued, in progress (dequeued or claimed, not yet finished) and
 * finished (a result was recorded). A store backed by a database lets a crashed crawl resume:
 * the new crawler calls `requeueInProgress()` and carries on, and finished URLs are never
 * fetched again.
 */

import type { FrontierEntry, StoredPageResult } from './crawl-types.ts';

/** Storage of one crawl's frontier and page results. */
export interface CrawlFrontierStore {
  /** Queues the entries whose URL the store has never seen, in order. Returns how many. */
  add(entries: readonly FrontierEntry[]): Promise<number>;
  /**
   * Records `entry` as in progress when its URL is new, and returns whether it was. The crawler
   * claims the targets of redirects it follows, so no other worker fetches them again.
   */
  claim(entry: FrontierEntry): Promise<boolean>;
  /** Moves the oldest queued entry to in progress and returns it, or null when none is queued. */
  dequeue(): Promise<FrontierEntry | null>;
  /** Marks the result's URL finished and stores the result. */
  markResult(result: StoredPageResult): Promise<void>;
  /** Returns in-progress entries to the queue (after a crash or an abort). Returns how many. */
  requeueInProgress(): Promise<number>;
  /** Returns every stored result, in the order they were recorded. */
  listResults(): Promise<StoredPageResult[]>;
  /** Returns how many entries are queued. */
  countQueued(): Promise<number>;
}
