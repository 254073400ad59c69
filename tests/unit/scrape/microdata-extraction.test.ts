import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';

import { extractMicrodata } from '../../../main/pipelines/scrape/microdata-extraction.ts';
import { loadFixture } from './html-fixtures.ts';

const PAGE = 'https://shop.example/products/anvil.html';

describe('extractMicrodata', () => {
  it('reads the minimal schema.org Product', () => {
    const { $ } = loadFixture('extruct-schemaorg-product-microdata-minimal.html');
    const [product] = extractMicrodata($, PAGE).products;
    expect(product).toMatchObject({
      name: 'Executive Anvil',
      brand: 'ACME',
      mpn: '925872',
      price: 119.99,
      currency: 'USD',
    });
  });

  it('trims whitespace inside the image URL', () => {
    const { $ } = loadFixture('extruct-schemaorg-product-microdata-minimal.html');
    expect(extractMicrodata($, PAGE).products[0]?.imageUrls).toEqual([
      'https://shop.example/products/anvil_executive.jpg',
    ]);
  });

  it('keeps nested seller names out of the product', () => {
    const { $ } = loadFixture('extruct-schemaorg-product-microdata-minimal.html');
    expect(extractMicrodata($, PAGE).products[0]?.name).toBe('Executive Anvil');
  });

  it('reads the pet-shop AggregateOffer', () => {
    const { $ } = loadFixture('extruct-petshop-product-microdata-gbp.html');
    const [product] = extractMicrodata($, PAGE).products;
    expect(product).toMatchObject({
      price: 5.29,
      maxPrice: 9.56,
      currency: 'GBP',
      brand: 'Johnsons',
    });
  });

  it('decodes the pet-shop name entities once', () => {
    const { $ } = loadFixture('extruct-petshop-product-microdata-gbp.html');
    expect(extractMicrodata($, PAGE).products[0]?.name).toBe(
      'Johnsons 4 Fleas Cats & Kittens Tablets',
    );
  });

  it('lists the pet-shop pack offers', () => {
    const { $ } = loadFixture('extruct-petshop-product-microdata-gbp.html');
    const skus = extractMicrodata($, PAGE).products[0]?.offers.map((offer) => offer.sku);
    expect(skus).toEqual(['CS20858_1', 'CS20858_2']);
  });

  it('finds exactly one pet-shop product', () => {
    const { $ } = loadFixture('extruct-petshop-product-microdata-gbp.html');
    expect(extractMicrodata($, PAGE).products).toHaveLength(1);
  });

  it('reads values by element type', () => {
    const $ = load(`<div itemscope itemtype="https://schema.org/Product">
      <span itemprop="name">Brick</span>
      <a itemprop="url" href="/brick">link</a>
      <data itemprop="sku" value="BR-1">brick one</data>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
        <span itemprop="price" content="0.85">0,85 €</span>
        <meta itemprop="priceCurrency" content="EUR">
        <link itemprop="availability" href="https://schema.org/InStock">
      </div>
    </div>`);
    const [product] = extractMicrodata($, PAGE).products;
    expect(product).toMatchObject({
      sku: 'BR-1',
      price: 0.85,
      currency: 'EUR',
      availability: 'InStock',
      productUrl: 'https://shop.example/brick',
    });
  });

  it('reads a microdata BreadcrumbList', () => {
    const $ = load(`<ol itemscope itemtype="https://schema.org/BreadcrumbList">
      <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">Home</span></li>
      <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><span itemprop="name">Bricks</span></li>
    </ol>`);
    expect(extractMicrodata($, PAGE).breadcrumbs).toEqual(['Home', 'Bricks']);
  });
});
