import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import { extractJsonLd } from '../../../main/pipelines/scrape/json-ld-extraction.ts';
import { loadFixture } from './html-fixtures.ts';

const PAGE = 'https://shop.example/p/1';

function extract(...blocks: unknown[]) {
  const scripts = blocks.map(
    (block) =>
      `<script type="application/ld+json">${typeof block === 'string' ? block : JSON.stringify(block)}</script>`,
  );
  return extractJsonLd(load(`<html><head>${scripts.join('')}</head></html>`), PAGE);
}

describe('extractJsonLd', () => {
  it('reads an AggregateOffer range', () => {
    const { $ } = loadFixture('dveri-alba-door-product-jsonld-aggregateoffer-ru.html');
    const [product] = extractJsonLd($, PAGE).products;
    expect(product).toMatchObject({
      name: 'Межкомнатная дверь Альба',
      price: 5490,
      maxPrice: 11387,
      currency: 'RUB',
    });
  });

  it('reads the category of the door', () => {
    const { $ } = loadFixture('dveri-alba-door-product-jsonld-aggregateoffer-ru.html');
    expect(extractJsonLd($, PAGE).products[0]?.category).toBe('Межкомнатные двери');
  });

  it('survives a JS comment in JSON-LD', () => {
    const { $ } = loadFixture('extruct-jsonld-with-js-comment-invalid.html');
    expect(extractJsonLd($, PAGE)).toMatchObject({
      blockCount: 1,
      invalidBlockCount: 0,
      products: [],
    });
  });

  it('counts unparsable blocks', () => {
    expect(extract('{"@type": "Product", "name": ').invalidBlockCount).toBe(1);
  });

  it('decodes entities in JSON-LD strings once', () => {
    const result = extract({ '@type': 'Product', name: 'M&uuml;&uuml;gi &amp;auml; &nbsp;x' });
    expect(result.products[0]?.name).toBe('Müügi &auml; x');
  });

  it('finds products in @graph', () => {
    const result = extract({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebPage' }, { '@type': 'Product', name: 'A' }],
    });
    expect(result.products.map((p) => p.name)).toEqual(['A']);
  });

  it('finds products in a top-level array', () => {
    const result = extract([
      { '@type': 'Product', name: 'A' },
      { '@type': 'Product', name: 'B' },
    ]);
    expect(result.products.map((p) => p.name)).toEqual(['A', 'B']);
  });

  it('finds products in an ItemList', () => {
    const result = extract({
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, item: { '@type': 'Product', name: 'Listed' } },
      ],
    });
    expect(result.products[0]?.name).toBe('Listed');
  });

  it('expands ProductGroup variants', () => {
    const result = extract({
      '@type': 'ProductGroup',
      name: 'Paint',
      hasVariant: [
        { '@type': 'Product', name: 'Paint 1 l', sku: 'P1' },
        { '@type': 'Product', name: 'Paint 3 l', sku: 'P3' },
      ],
    });
    expect(result.products.map((p) => p.sku)).toEqual(['P1', 'P3']);
  });

  it('resolves @id references', () => {
    const result = extract({
      '@graph': [
        { '@id': '#brand', '@type': 'Brand', name: 'Kiilto' },
        { '@id': '#offer', '@type': 'Offer', price: '9.90', priceCurrency: 'eur' },
        {
          '@type': 'Product',
          name: 'Glue',
          brand: { '@id': '#brand' },
          offers: { '@id': '#offer' },
        },
      ],
    });
    expect(result.products[0]).toMatchObject({ brand: 'Kiilto', price: 9.9, currency: 'EUR' });
  });

  it('takes the lowest of an offers array', () => {
    const result = extract({
      '@type': 'Product',
      name: 'Board',
      offers: [
        { '@type': 'Offer', price: 12, priceCurrency: 'EUR', sku: 'B-1' },
        { '@type': 'Offer', price: '10.5', priceCurrency: 'EUR', sku: 'B-2' },
      ],
    });
    expect(result.products[0]).toMatchObject({ price: 10.5, maxPrice: 12 });
  });

  it('lists each offer', () => {
    const result = extract({
      '@type': 'Product',
      name: 'Board',
      offers: [
        { '@type': 'Offer', price: 12, sku: 'B-1' },
        { '@type': 'Offer', price: 10, sku: 'B-2' },
      ],
    });
    expect(result.products[0]?.offers.map((offer) => offer.sku)).toEqual(['B-1', 'B-2']);
  });

  it('reads a price range string', () => {
    const result = extract({
      '@type': 'Product',
      name: 'X',
      offers: { '@type': 'Offer', price: '16.50 - 17.40' },
    });
    expect(result.products[0]).toMatchObject({ price: 16.5, maxPrice: 17.4 });
  });

  it('reads priceSpecification', () => {
    const result = extract({
      '@type': 'Product',
      name: 'X',
      offers: {
        '@type': 'Offer',
        priceSpecification: { '@type': 'UnitPriceSpecification', price: 4.5, priceCurrency: 'EUR' },
      },
    });
    expect(result.products[0]).toMatchObject({ price: 4.5, currency: 'EUR' });
  });

  it('accepts full type URLs and type arrays', () => {
    const result = extract({ '@type': ['http://schema.org/Product', 'Thing'], name: 'Typed' });
    expect(result.products).toHaveLength(1);
  });

  it('skips products without a name', () => {
    expect(extract({ '@type': 'Product', sku: 'NONAME' }).products).toEqual([]);
  });

  it('resolves relative image URLs', () => {
    const result = extract({
      '@type': 'Product',
      name: 'X',
      image: ['/img/a.jpg', { url: 'b.jpg' }],
    });
    expect(result.products[0]?.imageUrls).toEqual([
      'https://shop.example/img/a.jpg',
      'https://shop.example/p/b.jpg',
    ]);
  });

  it('reads BreadcrumbList names in order', () => {
    const result = extract({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 2, name: 'Tiles' },
        { '@type': 'ListItem', position: 1, name: 'Home' },
      ],
    });
    expect(result.breadcrumbs).toEqual(['Home', 'Tiles']);
  });

  it('decodes the Tooriistamaailm description once', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    const brand = JSON.parse($('script[type="application/ld+json"]').first().text()) as {
      description: string;
    };
    const result = extract({ '@type': 'Product', name: 'Makita', description: brand.description });
    expect(result.products[0]?.description).toMatch(
      /^1915\.aastal asutatud elektrimootorite müügi- ja remondifirmast/,
    );
  });
});
