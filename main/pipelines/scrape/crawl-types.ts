/** Types shared by the crawler, its frontier store and the code that listens to a crawl. */

import type { MaterialDraft } from '../../materials/material-draft.ts';
import type { PageKind } from './page-classification.ts';

/** Outcome of one URL: fetched and processed, failed after retries, or not processed. */
export type PageStatus = 'completed' | 'failed' | 'skipped';

/** The way a frontier entry is fetched: as an HTML page or as a sitemap file. */
export type FrontierEntryKind = 'page' | 'sitemap';

/** A URL waiting in the crawl frontier. */
export interface FrontierEntry {
  /** Normalised absolute URL; the frontier's identity for the entry. */
  url: string;
  /** Links followed from a start URL or sitemap entry to reach this one; those are depth 0. */
  depth: number;
  kind: FrontierEntryKind;
}

/** The record of one finished frontier entry. */
export interface PageResult {
  url: string;
  /** URL after redirects; equal to `url` when there were none or nothing was fetched. */
  finalUrl: string;
  kind: FrontierEntryKind;
  status: PageStatus;
  /** Status of the last response, or null when no response arrived. */
  httpStatus: number | null;
  depth: number;
  /** SHA-256 (hex) of the body, or null when no body was read. */
  contentHash: string | null;
  /** Products kept on this page after the category filter and cross-page deduplication. */
  materialsFound: number;
  /** Classification of the page, or null when it was not fetched. */
  pageKind: PageKind | null;
  /** Reason the page failed or was skipped, or a warning on a completed page (script-rendered). */
  reason: string | null;
  /** ISO 8601 timestamps. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Body bytes read. */
  bytes: number;
}

/** A finished entry as the frontier store keeps it, so a resumed crawl can rebuild its state. */
export interface StoredPageResult extends PageResult {
  /** Deduplication keys of the products this page contributed. */
  productKeys: string[];
}

/**
 * Events a Crawler emits, with their arguments. `pageFinished` fires once for every stored page
 * result, including redirect targets that another page's fetch covered, which have no
 * `pageStarted`.
 */
export interface CrawlerEvents {
  pageStarted: [page: { url: string; depth: number; kind: FrontierEntryKind }];
  pageFinished: [result: PageResult];
  productsFound: [found: { url: string; materials: MaterialDraft[] }];
  sitemapFinished: [result: PageResult];
}

/** Reason a crawl run stopped. */
export type CrawlOutcome = 'finished' | 'max-pages' | 'aborted';

/** Totals of one crawl run. Page counts cover pages, not sitemaps, and include resumed work. */
export interface CrawlSummary {
  outcome: CrawlOutcome;
  pagesCompleted: number;
  pagesFailed: number;
  pagesSkipped: number;
  /**
   * Products emitted by this run (a resumed run does not repeat earlier runs' products).
   * They stay in memory until the run ends, so a caller that stores products from
   * `productsFound` sets `collectMaterials: false` and gets an empty list here.
   */
  materials: MaterialDraft[];
  /** Products dropped by the category filter in this run. */
  materialsFilteredOut: number;
}
