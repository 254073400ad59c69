/**
 * Maps a schema.org Product node, from JSON-LD or rebuilt from microdata, to a
 * ProductCandidate. Reads the usual variants: `brand` as text or Brand, `offers` as Offer,
 * AggregateOffer (`lowPrice`/`highPrice`) or an array, and prices in `priceSpecification`.
 */

import { cleanText } from './html-text.ts';
import { parseSchemaPrice } from './price-parsing.ts';
import {
  emptyCandidate,
  type ExtractionMethod,
  type ProductCandidate,
  type ProductOffer,
} from './product-candidate.ts';

/** A schema.org node: a JSON-LD object or a microdata item turned into one. */
export type SchemaNode = Record<string, unknown>;

/** Replaces a `{ "@id": ... }` reference with the node it names; other values pass through. */
export type ResolveReference = (value: unknown) => unknown;

const PRODUCT_TYPES = new Set(['Product', 'ProductModel', 'IndividualProduct', 'SomeProducts']);

/** Returns the local type names of a node: `http://schema.org/Offer` becomes `Offer`. */
export function schemaTypes(node: SchemaNode): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^.*[/#:]/, ''));
}

/** Returns whether a node is a Product (or ProductModel, IndividualProduct, SomeProducts). */
export function isProductNode(node: SchemaNode): boolean {
  return schemaTypes(node).some((type) => PRODUCT_TYPES.has(type));
}

/** Returns whether `value` is a plain object node. */
export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Maps a Product node to a candidate; returns null when it has no name. */
export function productFromSchemaNode(
  node: SchemaNode,
  method: ExtractionMethod,
  pageUrl: string,
  resolve: ResolveReference = (value) => value,
): ProductCandidate | null {
  const name = readText(node.name, resolve);
  if (!name) return null;
  const candidate = emptyCandidate(method, name);
  candidate.sku = readText(node.sku, resolve) ?? readText(node.productID, resolve);
  candidate.gtin = readGtin(node, resolve);
  candidate.mpn = readText(node.mpn, resolve);
  candidate.brand = readText(node.brand, resolve) ?? readText(node.manufacturer, resolve);
  candidate.category = readCategory(node.category, resolve);
  candidate.description = readText(node.description, resolve);
  candidate.color = readText(node.color, resolve);
  candidate.productUrl = readUrl(node.url, pageUrl, resolve);
  candidate.imageUrls = readUrls(node.image, pageUrl, resolve);
  applyOffers(candidate, collectOffers(node, resolve), node);
  return candidate;
}

/** Reads text from a string, number, array (first usable entry) or node (`name`, `@value`). */
export function readText(value: unknown, resolve: ResolveReference): string | null {
  const resolved = resolve(value);
  if (typeof resolved === 'string') return cleanText(resolved) || null;
  if (typeof resolved === 'number' && Number.isFinite(resolved)) return String(resolved);
  if (Array.isArray(resolved)) {
    for (const entry of resolved) {
      const text = readText(entry, resolve);
      if (text) return text;
    }
    return null;
  }
  if (isSchemaNode(resolved)) return readText(resolved.name ?? resolved['@value'], resolve);
  return null;
}

function readGtin(node: SchemaNode, resolve: ResolveReference): string | null {
  for (const key of ['gtin13', 'gtin', 'gtin14', 'gtin12', 'gtin8', 'ean']) {
    const text = readText(node[key], resolve);
    if (text) return text;
  }
  return null;
}

function readCategory(value: unknown, resolve: ResolveReference): string | null {
  const resolved = resolve(value);
  if (Array.isArray(resolved)) {
    const parts = resolved.map((entry) => readText(entry, resolve)).filter((part) => part);
    return parts.length > 0 ? parts.join(' > ') : null;
  }
  return readText(resolved, resolve);
}

function readUrl(value: unknown, pageUrl: string, resolve: ResolveReference): string | null {
  return readUrls(value, pageUrl, resolve)[0] ?? null;
}

function readUrls(value: unknown, pageUrl: string, resolve: ResolveReference): string[] {
  const resolved = resolve(value);
  const entries = Array.isArray(resolved) ? resolved : [resolved];
  const urls: string[] = [];
  for (const entry of entries) {
    const item = resolve(entry);
    const raw = isSchemaNode(item) ? (item.url ?? item.contentUrl ?? item['@id']) : item;
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    try {
      urls.push(new URL(raw.trim(), pageUrl).href);
    } catch {
      // An unparsable image or product URL is dropped; the rest of the product is still useful.
    }
  }
  return urls;
}

/** Flattens `offers` (an Offer, an AggregateOffer with or without offers, or an array). */
function collectOffers(node: SchemaNode, resolve: ResolveReference): SchemaNode[] {
  const found: SchemaNode[] = [];
  const visit = (value: unknown, depth: number): void => {
    const resolved = resolve(value);
    if (depth > 4) return;
    if (Array.isArray(resolved)) {
      for (const entry of resolved) visit(entry, depth + 1);
      return;
    }
    if (!isSchemaNode(resolved)) return;
    found.push(resolved);
    if (resolved.offers !== undefined) visit(resolved.offers, depth + 1);
  };
  visit(node.offers, 0);
  // A product that carries its price directly, without an Offer, is read like one.
  if (found.length === 0 && (node.price !== undefined || node.lowPrice !== undefined))
    found.push(node);
  return found;
}

function applyOffers(
  candidate: ProductCandidate,
  offerNodes: SchemaNode[],
  productNode: SchemaNode,
): void {
  const amounts: number[] = [];
  for (const offer of offerNodes) {
    const low = offerPrice(offer, 'low');
    const high = offerPrice(offer, 'high');
    const currency = offerCurrency(offer);
    candidate.currency ??= currency;
    if (low !== null) amounts.push(low);
    if (high !== null) amounts.push(high);
    candidate.availability ??= readAvailability(offer.availability);
    if (offer !== productNode && !schemaTypes(offer).includes('AggregateOffer')) {
      candidate.offers.push({
        name: readText(offer.name, (value) => value),
        sku: readText(offer.sku, (value) => value),
        price: low,
        currency,
        availability: readAvailability(offer.availability),
      });
    }
  }
  if (amounts.length === 0) return;
  candidate.price = Math.min(...amounts);
  const max = Math.max(...amounts);
  candidate.maxPrice = max > candidate.price ? max : null;
  candidate.sku ??= singleOfferSku(candidate.offers);
}

function offerPrice(offer: SchemaNode, end: 'low' | 'high'): number | null {
  const keys = end === 'low' ? ['lowPrice', 'price'] : ['highPrice'];
  for (const key of keys) {
    const parsed = parseSchemaPrice(firstValue(offer[key]));
    if (parsed) return end === 'low' ? parsed.amount : (parsed.maxAmount ?? parsed.amount);
  }
  if (end === 'high') {
    const range = parseSchemaPrice(firstValue(offer.price));
    return range?.maxAmount ?? null;
  }
  const specification = firstValue(offer.priceSpecification);
  if (isSchemaNode(specification)) return offerPrice(specification, 'low');
  return null;
}

function offerCurrency(offer: SchemaNode): string | null {
  const direct = firstValue(offer.priceCurrency);
  if (typeof direct === 'string' && direct.trim() !== '') return direct.trim().toUpperCase();
  const specification = firstValue(offer.priceSpecification);
  return isSchemaNode(specification) ? offerCurrency(specification) : null;
}

function readAvailability(value: unknown): string | null {
  const text = readText(value, (entry) => entry);
  return text ? text.replace(/^.*[/#]/, '') : null;
}

function singleOfferSku(offers: ProductOffer[]): string | null {
  return offers.length === 1 ? (offers[0]?.sku ?? null) : null;
}

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
