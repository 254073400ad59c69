/** Public API of the scrape library: the crawler, its frontier store interface and its types. */

export type { CrawlFrontierStore } from './crawl-frontier-store.ts';
export { CRAWLER_VERSION, DEFAULT_USER_AGENT, type CrawlOptions } from './crawl-options.ts';
export type {
  CrawlerEvents,
  CrawlOutcome,
  CrawlSummary,
  FrontierEntry,
  FrontierEntryKind,
  PageResult,
  PageStatus,
  StoredPageResult,
} from './crawl-types.ts';
export { Crawler } from './crawler.ts';
export { productKey } from './material-mapping.ts';
export { MemoryFrontierStore } from './memory-frontier-store.ts';
export type { PageKind } from './page-classification.ts';
export {
  FetchNetworkError,
  FetchTimeoutError,
  InvalidStartUrlError,
  RedirectError,
} from './scrape-errors.ts';
