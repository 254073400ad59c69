/**
 * Turns extracted products into MaterialDrafts, decides which ones the category filter keeps,
 * and computes the key that deduplicates them across the pages of a crawl.
 */

import type { MaterialDraft } from '../../materials/material-draft.ts';
import type { ExtractionMethod, ProductCandidate } from './product-candidate.ts';
import { normaliseUrl } from './url-normalisation.ts';

/** Confidence, per extraction method, that a found record is a real product. */
const CONFIDENCE: Record<ExtractionMethod, number> = {
  'json-ld': 0.95,
  microdata: 0.9,
  'open-graph': 0.8,
  listing: 0.6,
};

/** Maps a candidate found on `pageUrl` to a MaterialDraft; `sourceUrl` is the page's URL. */
export function toMaterialDraft(candidate: ProductCandidate, pageUrl: string): MaterialDraft {
  const attributes: Record<string, unknown> = { extraction: candidate.method };
  const optional: Record<string, unknown> = {
    productUrl: candidate.productUrl,
    gtin: candidate.gtin,
    mpn: candidate.mpn,
    description: candidate.description,
    availability: candidate.availability,
    maxPrice: candidate.maxPrice,
    imageUrls: candidate.imageUrls.length > 0 ? candidate.imageUrls : null,
    offers: candidate.offers.length > 0 ? candidate.offers : null,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== null) attributes[key] = value;
  }
  return {
    name: candidate.name,
    sku: candidate.sku,
    category: candidate.category,
    materialType: null,
    dimensions: null,
    thickness: null,
    finish: null,
    color: candidate.color,
    price: candidate.price,
    currency: candidate.currency,
    manufacturer: candidate.brand,
    confidence: CONFIDENCE[candidate.method],
    attributes,
    sourceUrl: pageUrl,
  };
}

/**
 * Returns the key that identifies a product across pages: its SKU when it has one, else its
 * name, price and product URL (the page URL when the markup links no product page).
 */
export function productKey(draft: MaterialDraft): string {
  if (draft.sku) return `sku:${draft.sku.toLowerCase()}`;
  const productUrl =
    typeof draft.attributes.productUrl === 'string' ? draft.attributes.productUrl : null;
  const url = productUrl ?? draft.sourceUrl ?? '';
  const normalisedUrl = normaliseUrl(url) ?? url;
  return `name:${draft.name.toLowerCase()}|${draft.price ?? ''}|${normalisedUrl}`;
}

/**
 * Returns whether a product belongs to one of `categories`: one of the words occurs,
 * ignoring case and accents, in the page or product URL path, the breadcrumb trail or the
 * product's category. An empty list keeps every product.
 */
export function matchesCategories(
  draft: MaterialDraft,
  breadcrumbs: readonly string[],
  categories: readonly string[],
): boolean {
  if (categories.length === 0) return true;
  const productUrl =
    typeof draft.attributes.productUrl === 'string' ? draft.attributes.productUrl : null;
  const haystack = [
    urlPath(draft.sourceUrl),
    urlPath(productUrl),
    breadcrumbs.join(' / '),
    draft.category ?? '',
  ]
    .map(foldForMatching)
    .join('\n');
  return categories.some((word) => {
    const needle = foldForMatching(word).trim();
    return needle !== '' && haystack.includes(needle);
  });
}

/** Lower-cases and strips accents, so `Wärme` matches `warme` and `Ü` matches `u`. */
function foldForMatching(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function urlPath(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}
