/**
 * schema.org Products from HTML microdata (`itemscope`, `itemtype`, `itemprop`), read as the
 * WHATWG microdata model describes and rebuilt into JSON-LD-shaped nodes so that the same
 * mapper reads both.
 */

import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

import type { ProductCandidate } from './product-candidate.ts';
import {
  isProductNode,
  productFromSchemaNode,
  readText,
  schemaTypes,
  type SchemaNode,
} from './schema-org-product.ts';

/** Products and breadcrumbs from the microdata of a page. */
export interface MicrodataExtraction {
  products: ProductCandidate[];
  /** Names of the first BreadcrumbList, root first. */
  breadcrumbs: string[];
}

const SRC_ELEMENTS = new Set(['audio', 'embed', 'iframe', 'img', 'source', 'track', 'video']);
const HREF_ELEMENTS = new Set(['a', 'area', 'link']);

/** Extracts Products (not nested in another Product) and breadcrumbs from microdata. */
export function extractMicrodata($: CheerioAPI, pageUrl: string): MicrodataExtraction {
  const products: ProductCandidate[] = [];
  let breadcrumbs: string[] = [];
  $('[itemscope]').each((_index, element) => {
    const node = readItem($, element, 0);
    if (isProductNode(node) && !hasProductAncestor($, element)) {
      const product = productFromSchemaNode(node, 'microdata', pageUrl);
      if (product) products.push(product);
    } else if (breadcrumbs.length === 0 && schemaTypes(node).includes('BreadcrumbList')) {
      breadcrumbs = readBreadcrumbs(node);
    }
  });
  return { products, breadcrumbs };
}

/**
 * Reads an item and its properties into a node, with nested items as nested nodes.
 * NOTE: `itemref` is not followed, so properties that an item pulls in from elsewhere on the
 * page by id are missing.
 */
function readItem($: CheerioAPI, element: Element, depth: number): SchemaNode {
  const types = itemTypes($(element).attr('itemtype'));
  const node: SchemaNode = { '@type': types.length === 1 ? types[0] : types };
  if (depth > 8) return node;
  const addProperties = (children: Cheerio<AnyNode>): void => {
    children.each((_index, child) => {
      if (child.type !== 'tag') return;
      const $child = $(child);
      const names = ($child.attr('itemprop') ?? '').trim().split(/\s+/).filter(Boolean);
      const isItem = $child.attr('itemscope') !== undefined;
      if (names.length > 0) {
        const value = isItem ? readItem($, child, depth + 1) : propertyValue($, child);
        for (const name of names) appendProperty(node, localName(name), value);
      }
      // A nested item owns the properties inside it.
      if (!isItem) addProperties($child.children());
    });
  };
  addProperties($(element).children());
  return node;
}

function propertyValue($: CheerioAPI, element: Element): string {
  const $element = $(element);
  const tag = element.tagName.toLowerCase();
  if (tag === 'meta') return $element.attr('content') ?? '';
  if (SRC_ELEMENTS.has(tag)) return $element.attr('src') ?? '';
  if (HREF_ELEMENTS.has(tag)) return $element.attr('href') ?? '';
  if (tag === 'object') return $element.attr('data') ?? '';
  if (tag === 'data' || tag === 'meter') return $element.attr('value') ?? '';
  if (tag === 'time') return $element.attr('datetime') ?? $element.text();
  return $element.attr('content') ?? $element.text();
}

function appendProperty(node: SchemaNode, name: string, value: unknown): void {
  const existing = node[name];
  if (existing === undefined) node[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[name] = [existing, value];
}

function itemTypes(itemtype: string | undefined): string[] {
  return (itemtype ?? '').trim().split(/\s+/).filter(Boolean);
}

function localName(name: string): string {
  return name.replace(/^.*[/#]/, '');
}

function hasProductAncestor($: CheerioAPI, element: Element): boolean {
  return $(element)
    .parents('[itemscope]')
    .toArray()
    .some((ancestor) => isProductNode({ '@type': itemTypes($(ancestor).attr('itemtype')) }));
}

function readBreadcrumbs(list: SchemaNode): string[] {
  const elements = list.itemListElement;
  const entries = Array.isArray(elements) ? elements : [elements];
  return entries
    .map((entry) => {
      if (typeof entry !== 'object' || entry === null) return null;
      const item = entry as SchemaNode;
      return readText(item.name, (value) => value) ?? readText(item.item, (value) => value);
    })
    .filter((name): name is string => name !== null);
}
