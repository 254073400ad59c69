/**
 * A product from Open Graph meta tags (`og:type` = `product` with `product:price:amount` and
 * `product:price:currency`), the markup that shops add for link previews and Facebook catalogs.
 */

import type { CheerioAPI } from 'cheerio';

import { cleanText } from './html-text.ts';
import { parseSchemaPrice } from './price-parsing.ts';
import { emptyCandidate, type ProductCandidate } from './product-candidate.ts';

/** Returns the page's Open Graph product, or null when `og:type` is not a product type. */
export function extractOpenGraphProduct($: CheerioAPI, pageUrl: string): ProductCandidate | null {
  const tags = readOpenGraphTags($);
  const type = tags.get('og:type')?.toLowerCase() ?? '';
  if (type !== 'product' && type !== 'product.item' && type !== 'og:product') return null;
  const name = tags.get('og:title') ?? tags.get('product:title');
  if (!name) return null;
  const candidate = emptyCandidate('open-graph', name);
  const price = parseSchemaPrice(
    tags.get('product:price:amount') ??
      tags.get('og:price:amount') ??
      tags.get('product:sale_price:amount'),
  );
  candidate.price = price?.amount ?? null;
  candidate.maxPrice = price?.maxAmount ?? null;
  const currency =
    tags.get('product:price:currency') ?? tags.get('og:price:currency') ?? price?.currency;
  candidate.currency = currency ? currency.toUpperCase() : null;
  candidate.sku = tags.get('product:retailer_item_id') ?? tags.get('product:sku') ?? null;
  candidate.brand = tags.get('product:brand') ?? null;
  candidate.category = tags.get('product:category') ?? null;
  candidate.availability = tags.get('product:availability') ?? tags.get('og:availability') ?? null;
  candidate.description = tags.get('og:description') ?? null;
  candidate.color = tags.get('product:color') ?? null;
  candidate.productUrl = absoluteUrl(tags.get('og:url'), pageUrl);
  const image = absoluteUrl(tags.get('og:image') ?? tags.get('og:image:url'), pageUrl);
  candidate.imageUrls = image ? [image] : [];
  return candidate;
}

/** Returns the first value of each `og:*` and `product:*` meta property, trimmed. */
function readOpenGraphTags($: CheerioAPI): Map<string, string> {
  const tags = new Map<string, string>();
  $('meta[property], meta[name]').each((_index, element) => {
    const $meta = $(element);
    const key = ($meta.attr('property') ?? $meta.attr('name') ?? '').trim().toLowerCase();
    if (!key.startsWith('og:') && !key.startsWith('product:')) return;
    const value = cleanText($meta.attr('content') ?? '');
    if (value !== '' && !tags.has(key)) tags.set(key, value);
  });
  return tags;
}

function absoluteUrl(value: string | undefined, pageUrl: string): string | null {
  if (!value) return null;
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return null;
  }
}
