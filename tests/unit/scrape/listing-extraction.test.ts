import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import { extractListingProducts } from '../../../main/pipelines/scrape/listing-extraction.ts';
import { extractOpenGraphProduct } from '../../../main/pipelines/scrape/open-graph-extraction.ts';
import { loadFixture } from './html-fixtures.ts';

const PAGE = 'https://shop.example/listing';

describe('extractListingProducts', () => {
  it('finds the six Ehituskaup24 tiles', () => {
    const { $ } = loadFixture('ehituskaup24-search-results-makita-et.html');
    expect(extractListingProducts($, PAGE)).toHaveLength(6);
  });

  it('reads comma decimals before &nbsp;€', () => {
    const { $ } = loadFixture('ehituskaup24-search-results-makita-et.html');
    const [first] = extractListingProducts($, PAGE);
    expect(first).toMatchObject({
      name: 'Akulöökkruvikeeraja Makita TD110DSAJ 12V max, 2x2,0Ah Li-ion',
      price: 138.47,
      currency: 'EUR',
    });
  });

  it('prefers the special price over the old one', () => {
    const { $ } = loadFixture('ehituskaup24-search-results-makita-et.html');
    const prices = extractListingProducts($, PAGE).map((product) => product.price);
    expect(prices).not.toContain(173.6);
  });

  it('skips the 0,00 cart placeholders', () => {
    const { $ } = loadFixture('ehituskaup24-search-results-makita-et.html');
    expect(extractListingProducts($, PAGE).every((product) => (product.price ?? 0) > 0)).toBe(true);
  });

  it('links each tile to its product page', () => {
    const { $ } = loadFixture('ehituskaup24-search-results-makita-et.html');
    expect(extractListingProducts($, PAGE)[0]?.productUrl).toBe(
      'https://www.ehituskaup24.ee/ee/akulookkruvikeeraja-makita-td110dsaj-12v-max-2x2-0ah-li-ion.html',
    );
  });

  it('finds the thirty Geizhals rows', () => {
    const { $ } = loadFixture('geizhals-listing-trockner-windows-1252.html');
    expect(extractListingProducts($, PAGE)).toHaveLength(30);
  });

  it('reads Geizhals names with umlauts and € before the amount', () => {
    const { $ } = loadFixture('geizhals-listing-trockner-windows-1252.html');
    expect(extractListingProducts($, PAGE)[0]).toMatchObject({
      name: 'Gorenje DE83/GI Wärmepumpentrockner',
      price: 459.08,
      currency: 'EUR',
    });
  });

  it('finds the twelve Tooriistamaailm tiles', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    expect(extractListingProducts($, PAGE)).toHaveLength(12);
  });

  it('skips struck-out Tooriistamaailm prices', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    expect(extractListingProducts($, PAGE)[0]).toMatchObject({
      name: 'Ketassaag Makita SP6000J1',
      price: 375.9,
    });
  });

  it('reads a Tooriistamaailm price range', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    const sandpaper = extractListingProducts($, PAGE).find((product) =>
      product.name.startsWith('Lihvpaber'),
    );
    expect(sandpaper).toMatchObject({ price: 3.46, maxPrice: 4.15 });
  });

  it('uses the whole-tile link', () => {
    const { $ } = loadFixture('tooriistamaailm-brand-listing-jsonld-entities.html');
    expect(extractListingProducts($, PAGE)[0]?.productUrl).toBe(
      'https://shop.example/ketassaag-makita-sp6000j1',
    );
  });

  it('ignores a single priced block', () => {
    const $ = load(
      '<div class="promo"><a href="/deal">Deal of the day</a><span>9,99 €</span></div>',
    );
    expect(extractListingProducts($, PAGE)).toEqual([]);
  });

  it('finds nothing on a product-free page', () => {
    const { $ } = loadFixture('inserv-404-not-found-et.html');
    expect(extractListingProducts($, PAGE)).toEqual([]);
  });
});

describe('extractOpenGraphProduct', () => {
  const page = (tags: string) => load(`<html><head>${tags}</head></html>`);

  it('reads product tags', () => {
    const $ = page(`<meta property="og:type" content="product">
      <meta property="og:title" content="Paint 9 l">
      <meta property="product:price:amount" content="89.90">
      <meta property="product:price:currency" content="eur">
      <meta property="product:retailer_item_id" content="P-9">`);
    expect(extractOpenGraphProduct($, PAGE)).toMatchObject({
      name: 'Paint 9 l',
      price: 89.9,
      currency: 'EUR',
      sku: 'P-9',
    });
  });

  it('ignores pages that are not products', () => {
    const $ = page(
      '<meta property="og:type" content="website"><meta property="og:title" content="Home">',
    );
    expect(extractOpenGraphProduct($, PAGE)).toBeNull();
  });

  it('reads the door page tags', () => {
    const { $ } = loadFixture('dveri-alba-door-product-jsonld-aggregateoffer-ru.html');
    expect(extractOpenGraphProduct($, PAGE)?.name).toBe(
      'Межкомнатная дверь Альба купить в СПб | Магазин дверей',
    );
  });
});
