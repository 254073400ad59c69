/** Building and counting the PageResults the crawler stores and emits. */

import type { EntryOutcome } from './crawl-entry-handler.ts';
import type { CrawlSummary, FrontierEntry, PageResult } from './crawl-types.ts';

/** Builds the result of an entry from its outcome and start time (ms since the epoch). */
export function toResult(
  entry: FrontierEntry,
  outcome: EntryOutcome,
  startedAt: number,
): PageResult {
  const finishedAt = Date.now();
  return {
    url: entry.url,
    finalUrl: outcome.finalUrl,
    kind: entry.kind,
    status: outcome.status,
    httpStatus: outcome.httpStatus,
    depth: entry.depth,
    contentHash: outcome.contentHash,
    materialsFound: outcome.materials.length,
    pageKind: outcome.pageKind,
    reason: outcome.reason,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    bytes: outcome.bytes,
  };
}

/**
 * Builds the result stored for a redirect target that was fetched as part of `result`'s chain.
 * It carries no HTTP status, so it does not count against maxPages a second time.
 */
export function claimedResult(result: PageResult, url: string): PageResult {
  return {
    ...result,
    url,
    status: 'skipped',
    httpStatus: null,
    contentHash: null,
    materialsFound: 0,
    pageKind: null,
    reason: `reached by a redirect from ${result.url}, whose result covers it`,
    bytes: 0,
  };
}

/** Returns whether a result counts against maxPages, which is when a request was made for it. */
export function wasRequested(result: PageResult): boolean {
  return result.httpStatus !== null || result.status === 'failed';
}

/** Adds a result to the summary page counts. */
export function countResult(summary: CrawlSummary, result: PageResult): void {
  if (result.status === 'completed') summary.pagesCompleted += 1;
  else if (result.status === 'failed') summary.pagesFailed += 1;
  else summary.pagesSkipped += 1;
}

/** Returns a summary with zero counts. */
export function emptySummary(): CrawlSummary {
  return {
    outcome: 'finished',
    pagesCompleted: 0,
    pagesFailed: 0,
    pagesSkipped: 0,
    materials: [],
    materialsFilteredOut: 0,
  };
}
