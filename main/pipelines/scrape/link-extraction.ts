/**
 * Links a crawler follows from a page: `<a>`, `<area>` and `<link rel="next|prev">` hrefs,
 * resolved against `<base href>` and normalised. A page marked `nofollow` (meta robots or the
 * X-Robots-Tag header) yields none.
 */

import type { CheerioAPI } from 'cheerio';

import { normaliseUrl } from './url-normalisation.ts';

/** Extensions of files that are never HTML pages, so they are not even requested. */
const NON_PAGE_EXTENSIONS =
  /\.(?:pdf|jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|zip|rar|7z|gz|tgz|css|js|mjs|json|xml|rss|woff2?|ttf|eot|mp[34]|webm|avi|mov|docx?|xlsx?|pptx?|csv|exe|dmg)$/i;

/**
 * Returns the normalised, deduplicated URLs that the page links to, in document order.
 * `headers` are the response headers, read for X-Robots-Tag.
 */
export function extractLinks(
  $: CheerioAPI,
  pageUrl: string,
  headers: Headers,
  productToken: string,
): string[] {
  if (isNofollow($, headers, productToken)) return [];
  const base = baseUrl($, pageUrl);
  const links = new Set<string>();
  $('a[href], area[href], link[rel~="next"][href], link[rel~="prev"][href]').each(
    (_index, element) => {
      // cheerio's attr() has decoded character references once, as a browser does.
      const href = $(element).attr('href');
      if (href === undefined) return;
      const url = normaliseUrl(href, base);
      if (url && !NON_PAGE_EXTENSIONS.test(new URL(url).pathname)) links.add(url);
    },
  );
  return [...links];
}

/** Returns the URL that relative links resolve against: `<base href>` or the page URL. */
export function baseUrl($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').first().attr('href');
  if (!href) return pageUrl;
  try {
    return new URL(href.trim(), pageUrl).href;
  } catch {
    return pageUrl;
  }
}

/**
 * Returns whether the page requests that crawlers do not follow its links: `nofollow` or
 * `none` in `<meta name="robots">`, in a meta named after the crawler, or in X-Robots-Tag.
 */
export function isNofollow($: CheerioAPI, headers: Headers, productToken: string): boolean {
  const token = productToken.toLowerCase();
  const metaValues = $('meta[name]')
    .toArray()
    .filter((element) => {
      const name = ($(element).attr('name') ?? '').trim().toLowerCase();
      return name === 'robots' || name === token;
    })
    .map((element) => $(element).attr('content') ?? '');
  const headerValues = (headers.get('x-robots-tag') ?? '')
    .split(/,(?=\s*[a-z-]+\s*:)/i)
    .map((directive) => scopedDirective(directive, token))
    .filter((directive): directive is string => directive !== null);
  return [...metaValues, ...headerValues].some((value) =>
    value
      .toLowerCase()
      .split(/[\s,]+/)
      .some((directive) => directive === 'nofollow' || directive === 'none'),
  );
}

/** X-Robots-Tag may name a crawler (`googlebot: nofollow`); other crawlers' lines are dropped. */
function scopedDirective(directive: string, token: string): string | null {
  const match = /^\s*([a-z_-]+)\s*:\s*(.*)$/i.exec(directive);
  if (!match) return directive;
  const agent = match[1]?.toLowerCase() ?? '';
  if (agent === token) return match[2] ?? '';
  // Directives such as `unavailable_after: <date>` have a colon but no agent.
  return KNOWN_DIRECTIVES.has(agent) ? directive : null;
}

const KNOWN_DIRECTIVES = new Set([
  'unavailable_after',
  'max-snippet',
  'max-image-preview',
  'max-video-preview',
]);
