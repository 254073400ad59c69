import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import {
  classifyPage,
  isHtmlContentType,
  nonHtmlReason,
} from '../../../main/pipelines/scrape/page-classification.ts';
import { extractProducts } from '../../../main/pipelines/scrape/product-extraction.ts';
import { loadFixture } from './html-fixtures.ts';

function classifyFixture(name: string, httpStatus = 200, headers = new Headers()) {
  const { $, html } = loadFixture(name);
  const productCount = extractProducts($, 'https://shop.example/').products.length;
  return classifyPage({ httpStatus, headers, $, html, productCount });
}

function classifyHtml(html: string, httpStatus = 200) {
  const $ = load(html);
  const productCount = extractProducts($, 'https://shop.example/').products.length;
  return classifyPage({ httpStatus, headers: new Headers(), $, html, productCount });
}

describe('classifyPage', () => {
  it('flags the K-Rauta Cloudflare challenge', () => {
    expect(classifyFixture('k-rauta-cloudflare-challenge-page.html')).toEqual({
      kind: 'bot-challenge',
      reason:
        'blocked by a bot challenge (Cloudflare); the site needs a browser session or an allow-listed crawler',
    });
  });

  it('flags the challenge behind HTTP 403', () => {
    expect(classifyFixture('k-rauta-cloudflare-challenge-page.html', 403).kind).toBe(
      'bot-challenge',
    );
  });

  it('flags a cf-mitigated header', () => {
    const headers = new Headers({ 'cf-mitigated': 'challenge' });
    expect(
      classifyPage({
        httpStatus: 403,
        headers,
        $: load('<p>x</p>'),
        html: '<p>x</p>',
        productCount: 0,
      }).kind,
    ).toBe('bot-challenge');
  });

  it('flags the inserv page as a soft 404', () => {
    expect(classifyFixture('inserv-404-not-found-et.html')).toEqual({
      kind: 'soft-404',
      reason: 'soft 404: HTTP 200, but the page says "lehte ei leitud"',
    });
  });

  it('reports a real 404', () => {
    expect(classifyFixture('inserv-404-not-found-et.html', 404)).toEqual({
      kind: 'not-found',
      reason: 'not found (HTTP 404)',
    });
  });

  it('reports other HTTP errors', () => {
    expect(classifyHtml('<p>Forbidden</p>', 403)).toEqual({
      kind: 'http-error',
      reason: 'HTTP 403',
    });
  });

  it('flags the Tooriistamaailm page without its grid', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    $('#brand-products-section').remove();
    expect(classifyHtml($.html()).kind).toBe('script-rendered');
  });

  it('names the framework of a script-rendered page', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    $('#brand-products-section').remove();
    expect(classifyHtml($.html()).reason).toMatch(
      /^script-rendered \(Next\.js\): no products in the static HTML/,
    );
  });

  it('keeps the Tooriistamaailm page with its tiles a listing', () => {
    expect(classifyFixture('tooriistamaailm-brand-listing-jsonld-entities.html').kind).toBe(
      'products',
    );
  });

  it('flags an empty app root', () => {
    const html = '<html><body><div id="root"></div><script src="/app.js"></script></body></html>';
    expect(classifyHtml(html).reason).toMatch(/^script-rendered \(empty app root\)/);
  });

  it('classifies a listing as products', () => {
    expect(classifyFixture('geizhals-listing-trockner-windows-1252.html').kind).toBe('products');
  });

  it('leaves a plain article as no-products', () => {
    expect(classifyFixture('extruct-jsonld-with-js-comment-invalid.html')).toEqual({
      kind: 'no-products',
      reason: null,
    });
  });

  it('does not call a long page mentioning 404 a soft 404', () => {
    const body = `<h1>Drill bits</h1><p>${'Our range of drill bits, including model 404. '.repeat(10)}</p>`;
    expect(
      classifyHtml(`<html><head><title>Drill bits</title></head><body>${body}</body></html>`).kind,
    ).toBe('no-products');
  });
});

describe('isHtmlContentType', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/xhtml+xml', true],
    [null, true],
    ['application/pdf', false],
    ['text/plain', false],
    ['image/jpeg', false],
  ])('classifies %s', (contentType, expected) => {
    expect(isHtmlContentType(contentType)).toBe(expected);
  });

  it('names the type in the reason', () => {
    expect(nonHtmlReason('application/pdf; q=1')).toBe(
      'non-HTML content (application/pdf); only HTML pages are crawled',
    );
  });
});
