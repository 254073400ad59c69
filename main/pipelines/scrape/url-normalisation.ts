/**
 * URL normalisation for crawl deduplication. Two hrefs that a browser would load as the same
 * page, apart from tracking parameters, normalise to the same string.
 */

/** Query parameters that only carry campaign or click tracking and never change the page. */
export const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'dclid',
  'fbclid',
  'gbraid',
  'gclid',
  'gclsrc',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'msclkid',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'ttclid',
  'twclid',
  'vero_id',
  'wbraid',
  'wickedid',
  'yclid',
]);

/** Prefixes of tracking parameter families such as `utm_source` and `utm_campaign`. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];

const CRAWLABLE_PROTOCOLS = new Set(['http:', 'https:']);
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Resolves `href` against `base` and normalises it: fragment dropped, host lower-cased, default
 * port removed, percent-escapes canonical, tracking parameters removed and the remaining query
 * parameters sorted. Returns null for anything that is not an http or https URL (`mailto:`,
 * `javascript:`, `ftp:`, `tel:`, `data:`) or cannot be parsed.
 *
 * `href` must already be entity-decoded (cheerio's `attr()` does that once), so `&amp;amp;` in
 * the markup arrives here as `&amp;` and stays that way.
 */
export function normaliseUrl(href: string, base?: string | URL): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (!CRAWLABLE_PROTOCOLS.has(url.protocol)) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.pathname = canonicalisePercentEscapes(url.pathname);
  const query = normaliseQuery(url.search);
  // Assigning search re-encodes nothing that is already valid, so the sorted query stays as is.
  url.search = query;
  return url.href;
}

/** Returns true when `key` is a tracking parameter such as `utm_source` or `gclid`. */
export function isTrackingParameter(key: string): boolean {
  const lower = key.toLowerCase();
  if (TRACKING_PARAMETERS.has(lower)) return true;
  return TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Removes tracking parameters from a raw query string (with or without its leading `?`) and
 * sorts the rest by decoded name, then value. Each pair keeps its original encoding, because
 * re-encoding through URLSearchParams would turn `%20` into `+` and change the URL.
 */
export function normaliseQuery(search: string): string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (raw === '') return '';
  const pairs = raw
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => canonicalisePercentEscapes(pair))
    .map((pair) => ({ pair, key: decodeQueryComponent(pair.split('=', 1)[0] ?? '') }))
    .filter(({ key }) => !isTrackingParameter(key));
  pairs.sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.pair, b.pair));
  return pairs.length === 0 ? '' : `?${pairs.map(({ pair }) => pair).join('&')}`;
}

/**
 * Upper-cases the hex digits of percent-escapes and decodes escapes of unreserved characters
 * (RFC 3986 section 6.2.2), so `%7e`, `%7E` and `~` compare equal.
 */
export function canonicalisePercentEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : `%${hex.toUpperCase()}`;
  });
}

/**
 * Returns the key that decides whether two URLs belong to the same site: the host without a
 * leading `www.`, plus the port when it is not the scheme's default. `http://example.com` and
 * `https://www.example.com` share a site; `127.0.0.1:8080` and `127.0.0.1:9090` do not.
 */
export function siteKey(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  const host = parsed.hostname.replace(/^www\./, '');
  return parsed.port === '' ? host : `${host}:${parsed.port}`;
}

/** Returns the `host[:port]` that per-host concurrency and politeness are counted by. */
export function hostKey(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).host;
}

function decodeQueryComponent(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
