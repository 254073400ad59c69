import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import { extractLinks, isNofollow } from '../../../main/pipelines/scrape/link-extraction.ts';
import { loadFixture } from './html-fixtures.ts';

const PAGE = 'https://shop.example/guides/index.html';
const TOKEN = 'KAI-Console';

function links(html: string, headers = new Headers()): string[] {
  return extractLinks(load(html), PAGE, headers, TOKEN);
}

describe('extractLinks', () => {
  it('resolves against base href', () => {
    expect(links('<base href="/products/"><a href="paint.html">x</a>')).toEqual([
      'https://shop.example/products/paint.html',
    ]);
  });

  it('decodes &amp;amp; once', () => {
    expect(links('<a href="/a?brand=k&amp;amp;type=flex">x</a>')).toEqual([
      'https://shop.example/a?amp;type=flex&brand=k',
    ]);
  });

  it('decodes &amp; to a separator', () => {
    expect(links('<a href="/a?b=2&amp;a=1">x</a>')).toEqual(['https://shop.example/a?a=1&b=2']);
  });

  it('drops non-http links', () => {
    const html =
      '<a href="mailto:a@b.c">m</a><a href="javascript:void(0)">j</a><a href="ftp://x/y">f</a><a href="tel:1">t</a>';
    expect(links(html)).toEqual([]);
  });

  it('drops file downloads', () => {
    expect(links('<a href="/price-list.pdf">p</a><a href="/img/a.JPG">i</a>')).toEqual([]);
  });

  it('deduplicates tracking variants', () => {
    expect(
      links('<a href="/a?utm_source=x">1</a><a href="/a#top">2</a><a href="/a">3</a>'),
    ).toEqual(['https://shop.example/a']);
  });

  it('follows rel=next link elements', () => {
    expect(links('<head><link rel="next" href="?page=2"></head>')).toEqual([
      'https://shop.example/guides/index.html?page=2',
    ]);
  });

  it('resolves Tooriistamaailm root-relative links', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    expect(
      extractLinks($, 'https://www.tooriistamaailm.ee/brand/makita', new Headers(), TOKEN),
    ).toContain('https://www.tooriistamaailm.ee/ketassaag-makita-sp6000j1');
  });

  it('returns nothing for a nofollow page', () => {
    expect(links('<meta name="robots" content="INDEX, NOFOLLOW"><a href="/a">a</a>')).toEqual([]);
  });
});

describe('isNofollow', () => {
  it.each([
    ['nofollow', true],
    ['noindex, nofollow', true],
    ['none', true],
    ['noindex', false],
    ['googlebot: nofollow', false],
    ['KAI-Console: nofollow', true],
    ['unavailable_after: 25 Jun 2030 15:00:00 PST, nofollow', true],
  ])('reads X-Robots-Tag %s', (value, expected) => {
    expect(isNofollow(load('<p>x</p>'), new Headers({ 'x-robots-tag': value }), TOKEN)).toBe(
      expected,
    );
  });

  it('reads a meta tag named after the crawler', () => {
    expect(
      isNofollow(load('<meta name="kai-console" content="nofollow">'), new Headers(), TOKEN),
    ).toBe(true);
  });

  it('honours the Geizhals meta robots', () => {
    expect(
      isNofollow(
        loadFixture('geizhals-listing-trockner-windows-1252.html').$,
        new Headers(),
        TOKEN,
      ),
    ).toBe(true);
  });
});
