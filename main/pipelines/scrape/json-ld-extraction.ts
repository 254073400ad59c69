/**
 * schema.org Products from `<script type="application/ld+json">` blocks: single objects,
 * arrays, `@graph`, ItemList and ProductGroup variants, with `@id` references resolved.
 */

import type { CheerioAPI } from 'cheerio';

import { decodeHtmlEntitiesOnce } from './html-text.ts';
import { parseLenientJson } from './lenient-json.ts';
import type { ProductCandidate } from './product-candidate.ts';
import {
  isProductNode,
  isSchemaNode,
  productFromSchemaNode,
  readText,
  schemaTypes,
  type ResolveReference,
  type SchemaNode,
} from './schema-org-product.ts';

/** Products, breadcrumbs and block counts from the JSON-LD blocks of a page. */
export interface JsonLdExtraction {
  products: ProductCandidate[];
  /** Names of the first BreadcrumbList, root first. */
  breadcrumbs: string[];
  /** Blocks found, and those that stayed unparsable after repair. */
  blockCount: number;
  invalidBlockCount: number;
}

const MAX_DEPTH = 12;

/** Extracts Products and breadcrumbs from the JSON-LD blocks of a parsed page. */
export function extractJsonLd($: CheerioAPI, pageUrl: string): JsonLdExtraction {
  const documents: unknown[] = [];
  let invalidBlockCount = 0;
  const scripts = $('script').filter((_index, element) => isJsonLdType($(element).attr('type')));
  scripts.each((_index, element) => {
    try {
      documents.push(decodeStrings(parseLenientJson($(element).text()), 0));
    } catch {
      invalidBlockCount += 1;
    }
  });
  const resolve = referenceResolver(documents);
  const products: ProductCandidate[] = [];
  const breadcrumbs: string[][] = [];
  const visited = new Set<SchemaNode>();
  const visit = (value: unknown, depth: number): void => {
    const resolved = resolve(value);
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(resolved)) {
      for (const entry of resolved) visit(entry, depth + 1);
      return;
    }
    if (!isSchemaNode(resolved) || visited.has(resolved)) return;
    visited.add(resolved);
    const types = schemaTypes(resolved);
    if (types.includes('ProductGroup') && resolved.hasVariant !== undefined) {
      visit(resolved.hasVariant, depth + 1);
      return;
    }
    if (isProductNode(resolved) || types.includes('ProductGroup')) {
      const product = productFromSchemaNode(resolved, 'json-ld', pageUrl, resolve);
      if (product) products.push(product);
      return;
    }
    if (types.includes('BreadcrumbList')) breadcrumbs.push(readBreadcrumbs(resolved, resolve));
    for (const [key, child] of Object.entries(resolved)) {
      if (key !== '@context') visit(child, depth + 1);
    }
  };
  for (const document of documents) visit(document, 0);
  return {
    products,
    breadcrumbs: breadcrumbs.find((trail) => trail.length > 0) ?? [],
    blockCount: scripts.length,
    invalidBlockCount,
  };
}

function isJsonLdType(type: string | undefined): boolean {
  return type?.split(';')[0]?.trim().toLowerCase() === 'application/ld+json';
}

/**
 * Decodes the character references in every string of a parsed block, once. The HTML parser
 * leaves `<script>` content raw, so references written into JSON-LD strings (`m&uuml;gi`) are
 * still encoded.
 */
function decodeStrings(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return decodeHtmlEntitiesOnce(value);
  if (depth > MAX_DEPTH * 2) return value;
  if (Array.isArray(value)) return value.map((entry) => decodeStrings(entry, depth + 1));
  if (isSchemaNode(value)) {
    const decoded: SchemaNode = {};
    for (const [key, child] of Object.entries(value))
      decoded[key] = decodeStrings(child, depth + 1);
    return decoded;
  }
  return value;
}

/** Indexes every node with an `@id` and more than that one key, so references resolve. */
function referenceResolver(documents: unknown[]): ResolveReference {
  const byId = new Map<string, SchemaNode>();
  const index = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const entry of value) index(entry, depth + 1);
      return;
    }
    if (!isSchemaNode(value)) return;
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id))
      byId.set(id, value);
    for (const child of Object.values(value)) index(child, depth + 1);
  };
  for (const document of documents) index(document, 0);
  return (value) => {
    if (!isSchemaNode(value) || Object.keys(value).length !== 1) return value;
    const id = value['@id'];
    return typeof id === 'string' ? (byId.get(id) ?? value) : value;
  };
}

function readBreadcrumbs(list: SchemaNode, resolve: ResolveReference): string[] {
  const elements = resolve(list.itemListElement);
  if (!Array.isArray(elements)) return [];
  const ordered = elements
    .map((element) => resolve(element))
    .filter(isSchemaNode)
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
  return ordered
    .map((element) => readText(element.name, resolve) ?? readText(element.item, resolve))
    .filter((name): name is string => name !== null);
}
