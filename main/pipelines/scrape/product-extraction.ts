/**
 * Product extraction for one page, most reliable source first: JSON-LD, then microdata, then
 * Open Graph, then listing heuristics. A weaker source is only read when the stronger ones
 * found nothing, so a product page's "related products" strip does not add noise.
 */

import type { CheerioAPI } from 'cheerio';

import { cleanText } from './html-text.ts';
import { extractJsonLd } from './json-ld-extraction.ts';
import { extractListingProducts } from './listing-extraction.ts';
import { extractMicrodata } from './microdata-extraction.ts';
import { extractOpenGraphProduct } from './open-graph-extraction.ts';
import type { ProductCandidate } from './product-candidate.ts';

/** The products of a page and the context the category filter needs. */
export interface PageProducts {
  products: ProductCandidate[];
  /** Breadcrumb trail, root first, from structured data or breadcrumb markup. */
  breadcrumbs: string[];
  /** JSON-LD blocks that could not be parsed even after repair. */
  invalidJsonLdBlockCount: number;
}

const BREADCRUMB_SELECTOR = [
  'nav[aria-label*="breadcrumb" i] a',
  '[class*="breadcrumb" i] a',
  '[id*="breadcrumb" i] a',
].join(', ');

/** Extracts the products of a parsed page. */
export function extractProducts($: CheerioAPI, pageUrl: string): PageProducts {
  const jsonLd = extractJsonLd($, pageUrl);
  const microdata = extractMicrodata($, pageUrl);
  const structured = mergeStructured(jsonLd.products, microdata.products);
  const openGraph = structured.length === 0 ? extractOpenGraphProduct($, pageUrl) : null;
  let products = openGraph ? [openGraph] : structured;
  if (products.length === 0) products = extractListingProducts($, pageUrl);
  const breadcrumbs =
    jsonLd.breadcrumbs.length > 0
      ? jsonLd.breadcrumbs
      : microdata.breadcrumbs.length > 0
        ? microdata.breadcrumbs
        : htmlBreadcrumbs($);
  return { products, breadcrumbs, invalidJsonLdBlockCount: jsonLd.invalidBlockCount };
}

/** Adds microdata products that JSON-LD did not already describe (same name and SKU). */
function mergeStructured(
  jsonLd: ProductCandidate[],
  microdata: ProductCandidate[],
): ProductCandidate[] {
  const keys = new Set(jsonLd.map((product) => `${product.name}\n${product.sku ?? ''}`));
  return [
    ...jsonLd,
    ...microdata.filter((product) => !keys.has(`${product.name}\n${product.sku ?? ''}`)),
  ];
}

function htmlBreadcrumbs($: CheerioAPI): string[] {
  const names = $(BREADCRUMB_SELECTOR)
    .toArray()
    .map((element) => cleanText($(element).text()))
    .filter((name) => name !== '');
  return [...new Set(names)];
}
