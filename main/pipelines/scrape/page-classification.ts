/**
 * Page classification: what kind of page a response is and, when it yields no products, a
 * reason a person can act on (a bot challenge, a script-rendered page, a soft 404).
 */

import type { CheerioAPI } from 'cheerio';

import { cleanText } from './html-text.ts';

/** Kind of page a fetched response turned out to be. */
export type PageKind =
  | 'products'
  | 'no-products'
  | 'bot-challenge'
  | 'script-rendered'
  | 'not-found'
  | 'soft-404'
  | 'non-html'
  | 'http-error';

/** A page's kind and, for every kind but `products` and `no-products`, why. */
export interface PageClassification {
  kind: PageKind;
  reason: string | null;
}

/** Response facts that classification reads; `$` and `html` are null for an unparsed body. */
export interface ClassificationInput {
  httpStatus: number;
  headers: Headers;
  $: CheerioAPI | null;
  /** The decoded page source, searched for challenge and framework markers. */
  html: string | null;
  productCount: number;
}

/** Markers of bot-protection interstitials, by vendor, matched against the raw page. */
const CHALLENGE_MARKERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Cloudflare', /\/cdn-cgi\/challenge-platform\/|window\._cf_chl_opt|cf-browser-verification/],
  ['DataDome', /captcha-delivery\.com|geo\.captcha-delivery/],
  ['PerimeterX', /_pxCaptcha|px-captcha|perimeterx/i],
  ['Imperva', /_Incapsula_Resource|Incapsula incident ID/],
  ['Sucuri', /Sucuri WebSite Firewall/],
];
const CHALLENGE_TITLES =
  /^(just a moment\.\.\.|attention required! \| cloudflare|verifying you are human)/i;

/** Titles and headings of "page not found" pages, in the languages of the shops crawled. */
const NOT_FOUND_PHRASES = [
  '404',
  'not found',
  'page not found',
  'lehte ei leitud',
  'lehekülge ei leitud',
  'seite nicht gefunden',
  'страница не найдена',
  'sivua ei löytynyt',
  'lapa nav atrasta',
  'puslapis nerastas',
  'nie znaleziono',
  'stránka nenalezena',
  'az oldal nem található',
  'pagina non trovata',
  'página no encontrada',
  'page introuvable',
  'sidan hittades inte',
  'siden blev ikke fundet',
];

/** Markers of pages whose content a JavaScript framework renders in the browser. */
const SCRIPT_FRAMEWORK_MARKERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Next.js', /self\.__next_f|__NEXT_DATA__|\/_next\/static\//],
  ['Nuxt', /window\.__NUXT__|\/_nuxt\//],
  ['Angular', /\sng-version=|<app-root/],
  ['Gatsby', /id="___gatsby"/],
  ['SvelteKit', /__sveltekit_/],
];
const EMPTY_MOUNT_SELECTOR = '#root, #app, #__next, #___gatsby, [data-reactroot], app-root';
/** Below this much visible text, a page with scripts counts as an application shell. */
const MIN_STATIC_TEXT_LENGTH = 200;

/** Returns true for Content-Types the crawler parses as HTML; a missing type counts too. */
export function isHtmlContentType(contentType: string | null): boolean {
  if (!contentType) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'text/html' || type === 'application/xhtml+xml';
}

/** Reason recorded for a page whose Content-Type is not HTML. */
export function nonHtmlReason(contentType: string | null): string {
  return `non-HTML content (${contentType?.split(';')[0]?.trim()}); only HTML pages are crawled`;
}

/** Classifies a fetched page. */
export function classifyPage(input: ClassificationInput): PageClassification {
  const { httpStatus, headers, $, html, productCount } = input;
  const challenge = $ && html !== null ? challengeVendor($, html, headers) : null;
  if (challenge) {
    const reason = `blocked by a bot challenge (${challenge}); the site needs a browser session or an allow-listed crawler`;
    return { kind: 'bot-challenge', reason };
  }
  if (httpStatus === 404 || httpStatus === 410) {
    return { kind: 'not-found', reason: `not found (HTTP ${httpStatus})` };
  }
  if (httpStatus >= 400) return { kind: 'http-error', reason: `HTTP ${httpStatus}` };
  if (productCount > 0) return { kind: 'products', reason: null };
  if (!$ || html === null) return { kind: 'no-products', reason: null };
  const notFoundText = softNotFoundText($);
  if (notFoundText) {
    const reason = `soft 404: HTTP ${httpStatus}, but the page says "${notFoundText}"`;
    return { kind: 'soft-404', reason };
  }
  const framework = scriptRenderingMarker($, html);
  if (framework) {
    const reason = `script-rendered (${framework}): no products in the static HTML; they are probably loaded by JavaScript, so use the shop's feed or a browser-based import`;
    return { kind: 'script-rendered', reason };
  }
  return { kind: 'no-products', reason: null };
}

function challengeVendor($: CheerioAPI, html: string, headers: Headers): string | null {
  if (headers.get('cf-mitigated') === 'challenge') return 'Cloudflare';
  for (const [vendor, pattern] of CHALLENGE_MARKERS) {
    if (pattern.test(html)) return vendor;
  }
  const title = cleanText($('title').first().text());
  return CHALLENGE_TITLES.test(title) ? 'unknown vendor' : null;
}

/** Returns the not-found phrase a page's title or main heading consists of, or null. */
function softNotFoundText($: CheerioAPI): string | null {
  const texts = [$('title').first().text(), $('h1').first().text(), mainText($)]
    .map((text) => cleanText(text).toLowerCase())
    .filter((text) => text !== '' && text.length <= 120);
  for (const text of texts) {
    const phrase = NOT_FOUND_PHRASES.find((candidate) => containsPhrase(text, candidate));
    if (phrase) return text;
  }
  return null;
}

/** Visible text of short pages only; a long page that merely mentions "404" is not a 404. */
function mainText($: CheerioAPI): string {
  const body = $('body').clone();
  body.find('script, style, noscript, template, nav, header, footer').remove();
  const text = cleanText(body.text());
  return text.length <= 120 ? text : '';
}

function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

function scriptRenderingMarker($: CheerioAPI, html: string): string | null {
  for (const [framework, pattern] of SCRIPT_FRAMEWORK_MARKERS) {
    if (pattern.test(html)) return framework;
  }
  const hasScripts = $('script[src]').length > 0;
  const mount = $(EMPTY_MOUNT_SELECTOR).first();
  if (hasScripts && mount.length > 0 && cleanText(mount.text()) === '') return 'empty app root';
  const body = $('body').clone();
  body.find('script, style, noscript, template').remove();
  return hasScripts && cleanText(body.text()).length < MIN_STATIC_TEXT_LENGTH
    ? 'application shell'
    : null;
}
