import { InputError } from '../../jobs/job-errors.ts';
import { feedInputError } from './feed-errors.ts';
import { createXmlParser, type XmlStartTag } from './xml-parsing.ts';

/** Statistics of one element path seen while scanning a document. */
export interface ElementPathStats {
  /** Slash-separated canonical names from the root, e.g. `rss/channel/item`. */
  path: string;
  /** 0 for the root element. */
  depth: number;
  /** Maximum number of occurrences under a single parent. */
  maxSiblings: number;
  total: number;
  /** True when some occurrence had attributes or child elements. */
  structured: boolean;
}

/** Result of scanning the start of an XML document. */
export interface XmlStructure {
  rootName: string;
  rootUri: string;
  rootAttributes: Record<string, string>;
  /** Namespace declarations seen, prefix to URI ('' is the default namespace). */
  namespaces: Record<string, string>;
  hasDoctype: boolean;
  paths: ElementPathStats[];
  /** True when the scan reached the end of the document. */
  complete: boolean;
  /** The syntax error that stopped the scan, if any. */
  error?: InputError;
}

const MAX_TRACKED_PATHS = 10_000;

interface OpenElement {
  path: string;
  childCounts: Map<string, number>;
}

/** Scans up to `maxChars` of an XML document for its root, namespaces and repeating elements. */
export async function scanXmlStructure(
  text: AsyncIterable<string>,
  source: string,
  maxChars = 8 * 1024 * 1024,
): Promise<XmlStructure> {
  const structure: XmlStructure = {
    rootName: '',
    rootUri: '',
    rootAttributes: {},
    namespaces: {},
    hasDoctype: false,
    paths: [],
    complete: false,
  };
  const stats = new Map<string, ElementPathStats>();
  const open: OpenElement[] = [];
  const parser = createXmlParser(source, {
    open: (tag) => openElement(tag, structure, stats, open),
    text: () => undefined,
    close: () => closeElement(stats, open),
    doctype: () => void (structure.hasDoctype = true),
  });
  let read = 0;
  try {
    for await (const chunk of text) {
      parser.write(chunk);
      read += chunk.length;
      if (read >= maxChars) break;
    }
    if (read < maxChars) {
      parser.close();
      structure.complete = true;
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    structure.error = error;
  }
  while (open.length > 0) closeElement(stats, open);
  structure.paths = [...stats.values()];
  return structure;
}

function openElement(
  tag: XmlStartTag,
  structure: XmlStructure,
  stats: Map<string, ElementPathStats>,
  open: OpenElement[],
): void {
  for (const [prefix, uri] of tag.namespaces) structure.namespaces[prefix] ??= uri;
  const parent = open.at(-1);
  if (!parent) {
    structure.rootName = tag.name;
    structure.rootUri = tag.uri;
    structure.rootAttributes = Object.fromEntries(tag.attributes);
  }
  const path = parent ? `${parent.path}/${tag.name}` : tag.name;
  parent?.childCounts.set(tag.name, (parent.childCounts.get(tag.name) ?? 0) + 1);
  let entry = stats.get(path);
  if (!entry && stats.size < MAX_TRACKED_PATHS) {
    entry = { path, depth: open.length, maxSiblings: parent ? 0 : 1, total: 0, structured: false };
    stats.set(path, entry);
  }
  if (entry) {
    entry.total++;
    if (tag.attributes.length > 0) entry.structured = true;
  }
  if (parent) markStructured(stats, parent.path);
  open.push({ path, childCounts: new Map() });
}

function markStructured(stats: Map<string, ElementPathStats>, path: string): void {
  const entry = stats.get(path);
  if (entry) entry.structured = true;
}

function closeElement(stats: Map<string, ElementPathStats>, open: OpenElement[]): void {
  const element = open.pop();
  if (!element) return;
  for (const [name, count] of element.childCounts) {
    const entry = stats.get(`${element.path}/${name}`);
    if (entry && count > entry.maxSiblings) entry.maxSiblings = count;
  }
}

/**
 * Picks the record element: among structured elements that occur at least twice under one
 * parent, the shallowest, and at equal depth the one with the most siblings. Raises when no
 * element repeats.
 */
export function chooseRecordPath(structure: XmlStructure, source: string): string {
  const candidates = structure.paths.filter((p) => p.structured && p.maxSiblings >= 2);
  candidates.sort((a, b) => a.depth - b.depth || b.maxSiblings - a.maxSiblings);
  const best = candidates[0];
  if (best) return best.path;
  throw feedInputError(
    'no_repeating_element',
    source,
    undefined,
    `No element repeats under one parent below <${structure.rootName}>, so the file holds no ` +
      'list of products.',
    'Pass recordPath naming the product element (for example catalog/product).',
  );
}
