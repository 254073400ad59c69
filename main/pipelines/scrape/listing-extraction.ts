/**
 * Products from listing markup without structured data: repeated tiles that each contain a
 * name, a price with a currency marker and a link. A tile is the smallest ancestor of a price
 * that contains a link. Tiles count as a listing when at least two share a tag and class
 * signature.
 */

import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

import { cleanText } from './html-text.ts';
import { parsePriceText, type ParsedPrice } from './price-parsing.ts';
import { emptyCandidate, type ProductCandidate } from './product-candidate.ts';

const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const MAX_PRICE_TEXT_LENGTH = 60;
const MAX_TILE_CLIMB = 10;
const MIN_TILES = 2;
/** Markers of a struck-out earlier price, which is not the price the tile sells at. */
const OLD_PRICE_CLASS = /old|was|regular|strike|line-through|compare|before|crossed/i;
const OLD_PRICE_TAGS = new Set(['del', 's', 'strike']);
/** Class names that vary between otherwise identical tiles. */
const STATE_CLASS = /^(first|last|odd|even|active|selected|hover)$|--/;

interface PriceElement {
  element: Element;
  price: ParsedPrice;
  isOldPrice: boolean;
}

/** Extracts product tiles from a listing page. */
export function extractListingProducts($: CheerioAPI, pageUrl: string): ProductCandidate[] {
  const tiles = new Map<Element, PriceElement[]>();
  for (const priceElement of findPriceElements($)) {
    const tile = findTile(priceElement.element);
    if (!tile) continue;
    const prices = tiles.get(tile) ?? [];
    prices.push(priceElement);
    tiles.set(tile, prices);
  }
  const groups = new Map<string, Element[]>();
  for (const tile of tiles.keys()) {
    const key = tileSignature(tile);
    groups.set(key, [...(groups.get(key) ?? []), tile]);
  }
  const products: ProductCandidate[] = [];
  const seen = new Set<string>();
  for (const group of groups.values()) {
    if (group.length < MIN_TILES) continue;
    for (const tile of group) {
      const product = readTile($, tile, tiles.get(tile) ?? [], pageUrl);
      const key = product && `${product.name}\n${product.productUrl ?? ''}\n${product.price}`;
      if (!product || !key || seen.has(key)) continue;
      seen.add(key);
      products.push(product);
    }
  }
  return products;
}

/** Finds the innermost elements whose whole text is a positive price with a currency marker. */
function findPriceElements($: CheerioAPI): PriceElement[] {
  const parents = new Set<Element>();
  const walk = (nodes: AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text' && /\d/.test(node.data) && node.parent?.type === 'tag') {
        parents.add(node.parent as Element);
      } else if (node.type === 'tag' && !SKIPPED_ELEMENTS.has(node.tagName.toLowerCase())) {
        walk(node.children);
      }
    }
  };
  walk(
    $.root()
      .toArray()
      .flatMap((root) => ('children' in root ? root.children : [])),
  );
  const found: PriceElement[] = [];
  for (const element of parents) {
    const raw = boundedText(element, MAX_PRICE_TEXT_LENGTH * 4);
    if (raw === null) continue;
    const text = cleanText(raw);
    if (text.length > MAX_PRICE_TEXT_LENGTH) continue;
    const price = parsePriceText(text, true);
    // A zero price is a placeholder (an empty cart, "price on request"), not an offer.
    if (!price || price.amount <= 0) continue;
    found.push({ element, price, isOldPrice: isOldPrice(element) });
  }
  const elements = new Set(found.map((entry) => entry.element));
  return found.filter((entry) => !hasAncestorIn(entry.element, elements));
}

/** Returns the element's text, or null as soon as it grows past `limit` characters. */
function boundedText(element: Element, limit: number): string | null {
  let text = '';
  const collect = (nodes: AnyNode[]): boolean => {
    for (const node of nodes) {
      if (node.type === 'text') text += node.data;
      else if (node.type === 'tag' && !collect(node.children)) return false;
      if (text.length > limit) return false;
    }
    return true;
  };
  return collect(element.children) ? text : null;
}

function hasAncestorIn(element: Element, candidates: Set<Element>): boolean {
  for (let node = parentElement(element); node; node = parentElement(node)) {
    if (candidates.has(node)) return true;
  }
  return false;
}

/** Checks the price element and its three nearest ancestors for struck-out price markers. */
function isOldPrice(element: Element): boolean {
  let node: Element | null = element;
  for (let level = 0; node && level < 4; level += 1) {
    if (OLD_PRICE_TAGS.has(node.tagName.toLowerCase())) return true;
    if (OLD_PRICE_CLASS.test(node.attribs.class ?? '')) return true;
    node = parentElement(node);
  }
  return false;
}

function parentElement(node: Element): Element | null {
  return node.parent?.type === 'tag' ? (node.parent as Element) : null;
}

/** Climbs from a price to the first ancestor that is or contains a product link. */
function findTile(priceElement: Element): Element | null {
  let current: Element | null = priceElement;
  for (let level = 0; current && level < MAX_TILE_CLIMB; level += 1) {
    const tag = current.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html') return null;
    if (containsProductLink(current)) return current;
    current = parentElement(current);
  }
  return null;
}

/** Walks the element and its descendants for a product link, without a selector engine. */
function containsProductLink(element: Element): boolean {
  if (isProductLink(element)) return true;
  return element.children.some(
    (child) => child.type === 'tag' && containsProductLink(child as Element),
  );
}

function isProductLink(element: Element): boolean {
  if (element.tagName.toLowerCase() !== 'a') return false;
  const href = (element.attribs.href ?? '').trim();
  return href !== '' && !href.startsWith('#') && !/^(javascript|mailto|tel):/i.test(href);
}

function tileSignature(tile: Element): string {
  const classes = (tile.attribs.class ?? '')
    .split(/\s+/)
    .filter((name) => name !== '' && !STATE_CLASS.test(name))
    .sort();
  return `${tile.tagName.toLowerCase()}.${classes.join('.')}`;
}

function readTile(
  $: CheerioAPI,
  tile: Element,
  prices: PriceElement[],
  pageUrl: string,
): ProductCandidate | null {
  const nameElement = findNameElement($, tile);
  const name = nameElement ? elementName($, nameElement) : null;
  if (!name) return null;
  const chosen = prices.find((entry) => !entry.isOldPrice) ?? prices[0];
  const candidate = emptyCandidate('listing', name);
  candidate.price = chosen?.price.amount ?? null;
  candidate.maxPrice = chosen?.price.maxAmount ?? null;
  candidate.currency = chosen?.price.currency ?? null;
  candidate.productUrl = absoluteUrl(productHref($, tile, nameElement), pageUrl);
  const image = $(tile).find('img').first();
  const imageUrl = absoluteUrl(image.attr('data-src') ?? image.attr('src'), pageUrl);
  candidate.imageUrls = imageUrl ? [imageUrl] : [];
  return candidate;
}

/** Picks the element that names the product: a heading, a name or title element, or a link. */
function findNameElement($: CheerioAPI, tile: Element): Element | null {
  const $tile = $(tile);
  const heading = $tile.find('h1, h2, h3, h4, h5, h6').first();
  if (heading.length > 0 && cleanText(heading.text()) !== '') return heading.get(0) ?? null;
  const named = $tile.find('[class*="name"], [class*="title"], [itemprop="name"]').toArray();
  const withText = named.find((element) => cleanText($(element).text()).length >= 2);
  if (withText) return withText;
  const links = $tile.find('a[href]').toArray();
  const longest = links.sort((a, b) => $(b).text().length - $(a).text().length)[0];
  return longest && cleanText($(longest).text()).length >= 2 ? longest : null;
}

function elementName($: CheerioAPI, element: Element): string | null {
  const $element = $(element);
  const link = $element.is('a') ? $element : $element.find('a').first();
  const text = cleanText(link.length > 0 ? link.text() : $element.text());
  const title = cleanText(link.attr('title') ?? '');
  const name = title.length > text.length ? title : text;
  return name.length >= 2 && name.length <= 300 ? name : null;
}

function productHref(
  $: CheerioAPI,
  tile: Element,
  nameElement: Element | null,
): string | undefined {
  const $name = nameElement ? $(nameElement) : null;
  const fromName = $name?.is('a')
    ? $name.attr('href')
    : $name?.find('a[href]').first().attr('href');
  if (fromName) return fromName;
  if (tile.tagName.toLowerCase() === 'a') return $(tile).attr('href');
  return $(tile)
    .find('a[href]')
    .toArray()
    .find((a) => isProductLink(a))?.attribs.href;
}

function absoluteUrl(value: string | undefined, pageUrl: string): string | null {
  if (!value || value.trim() === '') return null;
  try {
    return new URL(value.trim(), pageUrl).href;
  } catch {
    return null;
  }
}
