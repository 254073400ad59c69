/**
 * Turns a fetched HTML page into what the crawler records: a status, the page kind with its
 * reason, the products as MaterialDrafts, the breadcrumb trail and the links to follow.
 */

import { load } from 'cheerio';

import type { MaterialDraft } from '../../materials/material-draft.ts';
import { decodeHtml } from './charset.ts';
import type { PageStatus } from './crawl-types.ts';
import type { FetchedPage } from './http-fetcher.ts';
import { extractLinks } from './link-extraction.ts';
import { toMaterialDraft } from './material-mapping.ts';
import { classifyPage, type PageKind } from './page-classification.ts';
import { extractProducts } from './product-extraction.ts';

/** The crawler's view of one processed page. */
export interface ProcessedPage {
  status: PageStatus;
  pageKind: PageKind;
  reason: string | null;
  /** Products before the category filter and cross-page deduplication. */
  materials: MaterialDraft[];
  breadcrumbs: string[];
  /** Normalised links, empty unless the page completed. */
  links: string[];
}

const STATUS_BY_KIND: Record<PageKind, PageStatus> = {
  products: 'completed',
  'no-products': 'completed',
  'script-rendered': 'completed',
  'bot-challenge': 'failed',
  'http-error': 'failed',
  'not-found': 'skipped',
  'soft-404': 'skipped',
  'non-html': 'skipped',
};

/** Decodes, parses, extracts and classifies a fetched HTML page. */
export function processHtmlPage(page: FetchedPage, productToken: string): ProcessedPage {
  const { text } = decodeHtml(page.body, page.contentType);
  const $ = load(text);
  const isSuccess = page.status >= 200 && page.status < 300;
  const extracted = isSuccess ? extractProducts($, page.finalUrl) : null;
  const products = extracted?.products ?? [];
  const classification = classifyPage({
    httpStatus: page.status,
    headers: page.headers,
    $,
    html: text,
    productCount: products.length,
  });
  const status = STATUS_BY_KIND[classification.kind];
  const reason = withJsonLdWarning(classification.reason, extracted?.invalidJsonLdBlockCount ?? 0);
  return {
    status,
    pageKind: classification.kind,
    reason,
    materials: products.map((product) => toMaterialDraft(product, page.finalUrl)),
    breadcrumbs: extracted?.breadcrumbs ?? [],
    links: status === 'completed' ? extractLinks($, page.finalUrl, page.headers, productToken) : [],
  };
}

function withJsonLdWarning(reason: string | null, invalidBlocks: number): string | null {
  if (invalidBlocks === 0) return reason;
  const warning = `${invalidBlocks} JSON-LD block(s) could not be parsed and were skipped`;
  return reason ? `${reason}; ${warning}` : warning;
}
