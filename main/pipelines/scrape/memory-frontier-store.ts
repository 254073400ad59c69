/** An in-memory CrawlFrontierStore, for tests and for crawls that need no resume. */

import type { CrawlFrontierStore } from './crawl-frontier-store.ts';
import type { FrontierEntry, StoredPageResult } from './crawl-types.ts';

type EntryState = 'queued' | 'in-progress' | 'finished';

/** Keeps the frontier in maps; it survives a crawler instance but not the process. */
export class MemoryFrontierStore implements CrawlFrontierStore {
  private readonly states = new Map<string, EntryState>();
  private readonly entries = new Map<string, FrontierEntry>();
  private queue: FrontierEntry[] = [];
  private queueStart = 0;
  private readonly results: StoredPageResult[] = [];
  private queuedCount = 0;

  async add(entries: readonly FrontierEntry[]): Promise<number> {
    let added = 0;
    for (const entry of entries) {
      if (this.states.has(entry.url)) continue;
      this.states.set(entry.url, 'queued');
      this.entries.set(entry.url, entry);
      this.queue.push(entry);
      this.queuedCount += 1;
      added += 1;
    }
    return added;
  }

  async claim(entry: FrontierEntry): Promise<boolean> {
    if (this.states.has(entry.url)) return false;
    this.states.set(entry.url, 'in-progress');
    this.entries.set(entry.url, entry);
    return true;
  }

  async dequeue(): Promise<FrontierEntry | null> {
    while (this.queueStart < this.queue.length) {
      const entry = this.queue[this.queueStart];
      this.queueStart += 1;
      if (entry && this.states.get(entry.url) === 'queued') {
        this.states.set(entry.url, 'in-progress');
        this.queuedCount -= 1;
        this.compactQueue();
        return entry;
      }
    }
    return null;
  }

  async markResult(result: StoredPageResult): Promise<void> {
    if (!this.entries.has(result.url)) {
      this.entries.set(result.url, { url: result.url, depth: result.depth, kind: result.kind });
    }
    if (this.states.get(result.url) === 'queued') this.queuedCount -= 1;
    this.states.set(result.url, 'finished');
    this.results.push(structuredClone(result));
  }

  async requeueInProgress(): Promise<number> {
    let requeued = 0;
    for (const [url, state] of this.states) {
      const entry = this.entries.get(url);
      if (state !== 'in-progress' || !entry) continue;
      this.states.set(url, 'queued');
      this.queue.push(entry);
      this.queuedCount += 1;
      requeued += 1;
    }
    return requeued;
  }

  async listResults(): Promise<StoredPageResult[]> {
    return this.results.map((result) => structuredClone(result));
  }

  async countQueued(): Promise<number> {
    return this.queuedCount;
  }

  /** Drops consumed queue slots now and then, so a long crawl does not keep them all. */
  private compactQueue(): void {
    if (this.queueStart < 1024 || this.queueStart * 2 < this.queue.length) return;
    this.queue = this.queue.slice(this.queueStart);
    this.queueStart = 0;
  }
}
