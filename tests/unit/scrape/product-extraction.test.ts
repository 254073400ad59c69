import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import { extractProducts } from '../../../main/pipelines/scrape/product-extraction.ts';
import { loadFixture } from './html-fixtures.ts';

const PAGE = 'https://shop.example/p';

describe('extractProducts', () => {
  it.each([
    ['dveri-alba-door-product-jsonld-aggregateoffer-ru.html', 'json-ld', 1],
    ['extruct-petshop-product-microdata-gbp.html', 'microdata', 1],
    ['extruct-schemaorg-product-microdata-minimal.html', 'microdata', 1],
    ['ehituskaup24-search-results-makita-et.html', 'listing', 6],
    ['geizhals-listing-trockner-windows-1252.html', 'listing', 30],
    ['tooriistamaailm-brand-listing-jsonld-entities.html', 'listing', 12],
  ])('reads %s', (file, method, count) => {
    const { $ } = loadFixture(file);
    const { products } = extractProducts($, PAGE);
    expect(products.map((product) => product.method)).toEqual(Array(count).fill(method));
  });

  it.each([
    ['k-rauta-cloudflare-challenge-page.html'],
    ['inserv-404-not-found-et.html'],
    ['extruct-jsonld-with-js-comment-invalid.html'],
  ])('finds nothing in %s', (file) => {
    expect(extractProducts(loadFixture(file).$, PAGE).products).toEqual([]);
  });

  it('prefers JSON-LD over Open Graph', () => {
    const { $ } = loadFixture('dveri-alba-door-product-jsonld-aggregateoffer-ru.html');
    expect(extractProducts($, PAGE).products[0]?.name).toBe('Межкомнатная дверь Альба');
  });

  it('falls back to Open Graph', () => {
    const $ =
      load(`<head><meta property="og:type" content="product"><meta property="og:title" content="Nail">
      <meta property="product:price:amount" content="0.02"><meta property="product:price:currency" content="EUR"></head>`);
    expect(extractProducts($, PAGE).products[0]?.method).toBe('open-graph');
  });

  it('merges microdata that JSON-LD lacks', () => {
    const $ =
      load(`<script type="application/ld+json">{"@type":"Product","name":"A","sku":"1"}</script>
      <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">B</span></div>
      <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">A</span><meta itemprop="sku" content="1"></div>`);
    expect(extractProducts($, PAGE).products.map((product) => product.name)).toEqual(['A', 'B']);
  });

  it('reads pet-shop breadcrumbs from markup', () => {
    const { $ } = loadFixture('extruct-petshop-product-microdata-gbp.html');
    expect(extractProducts($, PAGE).breadcrumbs).toContain('Cat Flea & Tick');
  });

  it('reads Geizhals breadcrumbs', () => {
    const { $ } = loadFixture('geizhals-listing-trockner-windows-1252.html');
    expect(extractProducts($, PAGE).breadcrumbs).toEqual([
      'Geizhals (Österreich)',
      'Haushalt',
      'Waschen & Trocknen',
    ]);
  });
});
