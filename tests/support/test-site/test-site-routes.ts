/**
 * The routes of the test site. Each entry's `behaviour` states what its path exercises, and the
 * crawl tests under tests/integration/scrape assert the outcome a crawl records for it.
 */

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

import { load } from 'cheerio';

import {
  adhesivesListingPage,
  baseDemoPage,
  catalogPage,
  homePage,
  memberPage,
  movedFinalPage,
  ogPaintPage,
  plainPage,
  sitemapOnlyPage,
  tileAdhesivePage,
  tileItemPage,
  tileListingPage,
} from './test-site-pages.ts';

/** Per-site state shared by the routes. */
export interface RouteContext {
  origin: string;
  crawlDelaySeconds: number;
  hugePageBytes: number;
  slowPageDelayMs: number;
  offsiteUrl: string | null;
  /** Requests per path so far, for routes that respond differently on a retry. */
  hits: Map<string, number>;
}

type Handler = (
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
  context: RouteContext,
) => void;

/** A path (exact, or a pattern) and what the site does there. */
interface Route {
  path: string | RegExp;
  behaviour: string;
  handle: Handler;
}

const HTML = 'text/html; charset=utf-8';
const FIXTURES = new URL('../../fixtures/html/', import.meta.url);
// Corpus pages link to paths of the shops they came from, which this site does not serve.
const NOFOLLOW = { 'x-robots-tag': 'nofollow' };

/** Every route of the site, in match order. */
export const TEST_SITE_ROUTES: readonly Route[] = [
  {
    path: '/robots.txt',
    behaviour:
      'KAI-Console group with Allow, Disallow, * and $ rules and a Crawl-delay; * group blocks all',
    handle: (_url, _request, response, context) =>
      send(response, 200, 'text/plain', robotsTxt(context)),
  },
  {
    path: '/sitemap.xml',
    behaviour: 'urlset: the home page and a page listed nowhere else',
    handle: (_url, _request, response, context) =>
      send(response, 200, 'application/xml', urlset(context, ['/', '/orphan/sitemap-only.html'])),
  },
  {
    path: '/sitemap-index.xml',
    behaviour: 'sitemap index (named in robots.txt) listing a plain and a gzip sitemap',
    handle: (_url, _request, response, context) =>
      send(
        response,
        200,
        'application/xml',
        sitemapIndex(context, ['/sitemap-products.xml', '/sitemap-misc.xml.gz']),
      ),
  },
  {
    path: '/sitemap-products.xml',
    behaviour: 'urlset of product pages that the home page also links',
    handle: (_url, _request, response, context) =>
      send(
        response,
        200,
        'application/xml',
        urlset(context, ['/products/dveri-alba.html', '/products/og-paint.html']),
      ),
  },
  {
    path: '/sitemap-misc.xml.gz',
    behaviour:
      'gzip urlset: a PDF robots.txt blocks with $, the same PDF with a query, and an off-site URL',
    handle: (_url, _request, response, context) => {
      const xml = urlset(context, ['/brochure.pdf', '/brochure.pdf?download=1']).replace(
        '</urlset>',
        '<url><loc>http://elsewhere.invalid/page.html</loc></url></urlset>',
      );
      send(response, 200, 'application/gzip', gzipSync(xml));
    },
  },
  {
    path: '/',
    behaviour: 'home: links every route, plus mailto:, javascript:, ftp:, tel: and off-site links',
    handle: (_url, _request, response, context) =>
      send(response, 200, HTML, homePage(context.offsiteUrl)),
  },
  {
    path: '/catalog/',
    behaviour: 'hub: a campaign-tagged duplicate link and an href with &amp;amp;',
    handle: (_url, _request, response) => send(response, 200, HTML, catalogPage()),
  },
  {
    path: '/catalog/tiles',
    behaviour: 'pagination loop: page 3 links itself; ?page=3&sort=default serves the same bytes',
    handle: (url, _request, response) => {
      const page = Math.min(3, Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1));
      send(response, 200, HTML, tileListingPage(page));
    },
  },
  {
    path: /^\/catalog\/tiles\/item-(\d+)\.html$/,
    behaviour: 'tile detail pages with JSON-LD and a SKU',
    handle: (url, _request, response) => {
      const number = Number(/item-(\d+)/.exec(url.pathname)?.[1]);
      send(response, 200, HTML, tileItemPage(number));
    },
  },
  {
    path: '/catalog/tiles/printable-guide.html',
    behaviour: 'allowed: robots.txt blocks only /catalog/*/print with a $ anchor',
    handle: (_url, _request, response) => send(response, 200, HTML, plainPage('Printable guide')),
  },
  {
    path: '/catalog/adhesives',
    behaviour:
      'listing tiles with "18,50 EUR" prices; reached via a query that keeps amp;type once',
    handle: (_url, _request, response) => send(response, 200, HTML, adhesivesListingPage()),
  },
  {
    path: /^\/catalog\/adhesives\/item-\d+$/,
    behaviour: 'plain pages behind the adhesive tiles',
    handle: (url, _request, response) =>
      send(response, 200, HTML, plainPage(`Adhesive details ${url.pathname.slice(-1)}`)),
  },
  fixtureRoute(
    '/products/dveri-alba.html',
    'dveri-alba-door-product-jsonld-aggregateoffer-ru.html',
    'JSON-LD AggregateOffer',
  ),
  fixtureRoute(
    '/products/petshop-flea-tablets.html',
    'extruct-petshop-product-microdata-gbp.html',
    'microdata AggregateOffer',
  ),
  fixtureRoute(
    '/products/acme-anvil.html',
    'extruct-schemaorg-product-microdata-minimal.html',
    'microdata Offer',
  ),
  {
    path: '/products/tile-adhesive.html',
    behaviour:
      'JSON-LD with a comment, trailing comma, @graph, @id brand and an offers array with a range',
    handle: (_url, _request, response) => send(response, 200, HTML, tileAdhesivePage()),
  },
  {
    path: '/products/og-paint.html',
    behaviour: 'Open Graph product tags only',
    handle: (_url, _request, response) => send(response, 200, HTML, ogPaintPage()),
  },
  fixtureRoute(
    '/articles/jsonld-comment.html',
    'extruct-jsonld-with-js-comment-invalid.html',
    'NewsArticle JSON-LD with // comments',
  ),
  fixtureRoute(
    '/listings/ehituskaup24-makita.html',
    'ehituskaup24-search-results-makita-et.html',
    '6 tiles, 138,47&nbsp;€ prices',
  ),
  {
    path: '/listings/geizhals-trockner.html',
    behaviour: 'windows-1252 listing served without a charset, so the meta tag decides',
    handle: (_url, _request, response) =>
      send(
        response,
        200,
        'text/html',
        fixture('geizhals-listing-trockner-windows-1252.html'),
        NOFOLLOW,
      ),
  },
  fixtureRoute(
    '/listings/tooriistamaailm-makita.html',
    'tooriistamaailm-brand-listing-jsonld-entities.html',
    '12 server-rendered tiles',
  ),
  {
    path: '/listings/tooriistamaailm-shell.html',
    behaviour:
      'the Tooriistamaailm page with its product grid removed: a Next.js page without products',
    handle: (_url, _request, response) =>
      send(response, 200, HTML, tooriistamaailmShell(), NOFOLLOW),
  },
  {
    path: '/blocked/k-rauta.html',
    behaviour: 'Cloudflare "Just a moment..." challenge, HTTP 403',
    handle: (_url, _request, response) =>
      send(response, 403, HTML, fixture('k-rauta-cloudflare-challenge-page.html'), NOFOLLOW),
  },
  fixtureRoute(
    '/missing/inserv.html',
    'inserv-404-not-found-et.html',
    'soft 404: HTTP 200 with "lehte ei leitud"',
  ),
  {
    path: '/private/open-house.html',
    behaviour: 'allowed by a longer Allow rule inside the disallowed /private/',
    handle: (_url, _request, response) => send(response, 200, HTML, plainPage('Open house')),
  },
  {
    path: '/guides/base-demo.html',
    behaviour: '<base href="/products/">, so its relative link resolves to /products/og-paint.html',
    handle: (_url, _request, response) => send(response, 200, HTML, baseDemoPage()),
  },
  redirectRoute('/moved/start', 301, '/moved/step-2', 'redirect chain, first hop'),
  redirectRoute('/moved/step-2', 302, '/moved/final.html', 'redirect chain, second hop'),
  {
    path: '/moved/final.html',
    behaviour: 'end of the redirect chain: a JSON-LD product',
    handle: (_url, _request, response) => send(response, 200, HTML, movedFinalPage()),
  },
  redirectRoute(
    '/old/adhesive',
    301,
    '/products/tile-adhesive.html',
    'redirect to a page the home page links',
  ),
  redirectRoute('/loop/a', 302, '/loop/b', 'redirect loop, first half'),
  redirectRoute('/loop/b', 302, '/loop/a', 'redirect loop, second half'),
  {
    path: /^\/hops\/\d+$/,
    behaviour: 'endless redirect chain /hops/0 -> /hops/1 -> ...',
    handle: (url, _request, response) => {
      const hop = Number(url.pathname.split('/')[2]);
      send(response, 302, 'text/plain', '', { location: `/hops/${hop + 1}` });
    },
  },
  {
    path: '/cookie-gate.html',
    behaviour: 'without cookie gate=passed: a redirect to itself that sets it; with it: a product',
    handle: (_url, request, response) => {
      if (/(^|;\s*)gate=passed(;|$)/.test(request.headers.cookie ?? '')) {
        send(response, 200, HTML, memberPage());
        return;
      }
      const cookie = 'gate=passed; Path=/; HttpOnly';
      send(response, 302, 'text/plain', '', {
        location: '/cookie-gate.html',
        'set-cookie': cookie,
      });
    },
  },
  {
    path: '/slow.html',
    behaviour: 'answers after slowPageDelayMs, beyond a short crawler time limit',
    handle: (_url, _request, response, context) => {
      const timer = setTimeout(
        () => send(response, 200, HTML, plainPage('Slow')),
        context.slowPageDelayMs,
      );
      response.on('close', () => clearTimeout(timer));
    },
  },
  {
    path: '/busy.html',
    behaviour: 'first request: 429 with Retry-After: 1; later requests: a plain page',
    handle: (url, _request, response, context) => {
      if (hit(context, url) === 1)
        send(response, 429, 'text/plain', 'slow down', { 'retry-after': '1' });
      else send(response, 200, HTML, plainPage('Busy'));
    },
  },
  {
    path: '/flaky.html',
    behaviour: 'first request: 500; later requests: a plain page',
    handle: (url, _request, response, context) => {
      if (hit(context, url) === 1) send(response, 500, 'text/plain', 'temporary failure');
      else send(response, 200, HTML, plainPage('Flaky'));
    },
  },
  {
    path: '/broken.html',
    behaviour: 'always 500',
    handle: (_url, _request, response) => send(response, 500, 'text/plain', 'permanent failure'),
  },
  {
    path: '/overloaded.html',
    behaviour: '503 with Retry-After: 3600, longer than any crawler cap',
    handle: (_url, _request, response) =>
      send(response, 503, 'text/plain', 'maintenance', { 'retry-after': '3600' }),
  },
  {
    path: '/huge.html',
    behaviour: 'streams hugePageBytes of HTML, more than the size limit',
    handle: (_url, _request, response, context) => streamHugePage(response, context.hugePageBytes),
  },
  {
    path: '/download',
    behaviour: 'application/pdf without a file extension in the URL',
    handle: (_url, _request, response) =>
      send(response, 200, 'application/pdf', '%PDF-1.4\n%%EOF\n'),
  },
  {
    path: /^\/brochure\.pdf$/,
    behaviour: 'a PDF; only the URL with a query may be fetched',
    handle: (_url, _request, response) =>
      send(response, 200, 'application/pdf', '%PDF-1.4\n%%EOF\n'),
  },
  {
    path: '/orphan/sitemap-only.html',
    behaviour: 'a product page listed only in /sitemap.xml',
    handle: (_url, _request, response) => send(response, 200, HTML, sitemapOnlyPage()),
  },
];

/** Dispatches a request to its route; unknown paths get a 404 page. */
export async function handleTestSiteRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouteContext,
): Promise<void> {
  const url = new URL(request.url ?? '/', context.origin);
  const route = TEST_SITE_ROUTES.find((candidate) =>
    typeof candidate.path === 'string'
      ? candidate.path === url.pathname
      : candidate.path.test(url.pathname),
  );
  if (!route) {
    send(response, 404, HTML, plainPage('Page not found'));
    return;
  }
  route.handle(url, request, response, context);
}

function fixtureRoute(path: string, file: string, behaviour: string): Route {
  return {
    path,
    behaviour: `corpus page ${file}: ${behaviour}`,
    handle: (_url, _request, response) => send(response, 200, HTML, fixture(file), NOFOLLOW),
  };
}

function redirectRoute(path: string, status: number, location: string, behaviour: string): Route {
  return {
    path,
    behaviour,
    handle: (_url, _request, response) => send(response, status, 'text/plain', '', { location }),
  };
}

const fixtureCache = new Map<string, Buffer>();

function fixture(file: string): Buffer {
  let bytes = fixtureCache.get(file);
  if (!bytes) {
    bytes = readFileSync(new URL(file, FIXTURES));
    fixtureCache.set(file, bytes);
  }
  return bytes;
}

function tooriistamaailmShell(): string {
  const $ = load(fixture('tooriistamaailm-brand-listing-jsonld-entities.html').toString('utf8'));
  $('#brand-products-section').remove();
  return $.html();
}

function robotsTxt(context: RouteContext): string {
  return `# Every other crawler is kept out, so a crawler that wrongly falls back to * finds nothing.
User-agent: *
Disallow: /

User-agent: KAI-Console
Allow: /private/open-house.html
Disallow: /private/
Disallow: /*session=
Disallow: /*.pdf$
Disallow: /catalog/*/print$
Crawl-delay: ${context.crawlDelaySeconds}

Sitemap: ${context.origin}/sitemap-index.xml
`;
}

function urlset(context: RouteContext, paths: string[]): string {
  const entries = paths.map((path) => `<url><loc>${escapeXml(context.origin + path)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</urlset>`;
}

function sitemapIndex(context: RouteContext, paths: string[]): string {
  const entries = paths.map(
    (path) => `<sitemap><loc>${escapeXml(context.origin + path)}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function hit(context: RouteContext, url: URL): number {
  const count = (context.hits.get(url.pathname) ?? 0) + 1;
  context.hits.set(url.pathname, count);
  return count;
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': contentType, ...headers });
  response.end(body);
}

/** Writes the huge page in 64 KiB chunks, respecting backpressure and stopping on disconnect. */
function streamHugePage(response: ServerResponse, totalBytes: number): void {
  response.writeHead(200, { 'content-type': HTML });
  const chunk = Buffer.alloc(64 * 1024, '<p>filler text for the size limit</p>\n');
  let sent = 0;
  const writeMore = (): void => {
    while (sent < totalBytes && !response.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
      sent += piece.length;
      if (!response.write(piece)) {
        response.once('drain', writeMore);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  response.write('<!DOCTYPE html><html><head><title>Huge</title></head><body>');
  writeMore();
}
