/**
 * Sitemap parsing (sitemaps.org protocol 0.9): `<urlset>` files list pages, `<sitemapindex>`
 * files list further sitemaps. Gzip-compressed files (`sitemap.xml.gz`) are inflated first.
 */

import { gunzipSync } from 'node:zlib';

import { SaxesParser } from 'saxes';

/** The locations a sitemap lists. */
export interface ParsedSitemap {
  kind: 'urlset' | 'sitemapindex' | 'unknown';
  /** `<loc>` values of `<url>` (page URLs) or `<sitemap>` (sitemap URLs) entries, trimmed. */
  locations: string[];
}

/** The protocol limits a single sitemap file to 50,000 URLs and 50 MB uncompressed. */
export const MAX_SITEMAP_LOCATIONS = 50_000;
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** Parses sitemap bytes, inflating gzip when the body starts with the gzip magic number. */
export function parseSitemapBytes(body: Buffer): ParsedSitemap {
  const isGzip = body[0] === 0x1f && body[1] === 0x8b;
  const xml = isGzip ? gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES }) : body;
  return parseSitemapXml(xml.toString('utf8'));
}

/**
 * Parses sitemap XML. Malformed files, which are common (an unescaped `&` in a `<loc>`), fall
 * back to a lenient scan for `<loc>` elements.
 */
export function parseSitemapXml(xml: string): ParsedSitemap {
  try {
    return parseStrict(xml);
  } catch {
    return parseLenient(xml);
  }
}

function parseStrict(xml: string): ParsedSitemap {
  const parser = new SaxesParser();
  const path: string[] = [];
  const locations: string[] = [];
  let kind: ParsedSitemap['kind'] = 'unknown';
  let text = '';
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (path.length === 0) kind = rootKind(name);
    path.push(name);
    text = '';
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('cdata', (chunk) => (text += chunk));
  parser.on('closetag', () => {
    const parent = path[path.length - 2];
    const name = path.pop();
    // Only <loc> directly under <url> or <sitemap>; <image:loc> and friends are not pages.
    const isEntryLoc = name === 'loc' && (parent === 'url' || parent === 'sitemap');
    if (isEntryLoc && path.length === 2 && locations.length < MAX_SITEMAP_LOCATIONS) {
      const location = text.trim();
      if (location !== '') locations.push(location);
    }
  });
  parser.write(xml).close();
  return { kind, locations };
}

function parseLenient(xml: string): ParsedSitemap {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  const kind = /<(?:\w+:)?sitemapindex\b/.test(withoutComments)
    ? 'sitemapindex'
    : /<(?:\w+:)?urlset\b/.test(withoutComments)
      ? 'urlset'
      : 'unknown';
  const locations: string[] = [];
  for (const match of withoutComments.matchAll(
    /<loc>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/loc>/g,
  )) {
    if (locations.length >= MAX_SITEMAP_LOCATIONS) break;
    const location = decodeXmlEntities(match[1] ?? '').trim();
    if (location !== '') locations.push(location);
  }
  return { kind, locations };
}

function rootKind(name: string): ParsedSitemap['kind'] {
  if (name === 'urlset') return 'urlset';
  if (name === 'sitemapindex') return 'sitemapindex';
  return 'unknown';
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function decodeXmlEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
