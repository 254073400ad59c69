import { describe, expect, it } from 'vitest';
import { fixture, importFeed } from './import-test-helpers.ts';

// Expected counts were taken from the files with Python (csv, json, xml.etree) and grep, not
// from this library: [file, materials, row failures, how the numbers were counted].
const FEEDS: ['xml' | 'csv' | 'json', string, number, number, string][] = [
  ['xml', 'material-kai-xml-import-test-sample.xml', 3, 0, '3 <producto>'],
  ['xml', 'bmecat-1.01-new-catalog-internal-dtd-subset.xml', 2, 0, '2 <ARTICLE>'],
  ['xml', 'bmecat-1.2-contorion-comma-decimal-prices.xml', 1, 0, '1 <ARTICLE>'],
  ['xml', 'bmecat-1.2-fischerwerke-nexmart-category-tree-crlf.xml', 1, 0, '1 <ARTICLE>'],
  ['xml', 'bmecat-1.2-update-prices-golden.xml', 1, 0, '1 <ARTICLE> in T_UPDATE_PRICES'],
  ['xml', 'bmecat-2005-weidmueller-1351590000.xml', 1, 0, '1 <PRODUCT>'],
  ['xml', 'bmecat-2005-weidmueller-1609801044-terminal-marker.xml', 1, 0, '1 <PRODUCT>'],
  ['xml', 'google-merchant-rss-pallmann-parquet-fr.xml', 305, 0, '305 <item>'],
  ['xml', 'google-merchant-atom-pallmann-parquet-fr.xml', 305, 0, '305 <entry>'],
  ['xml', 'icecat-product-8806088281285-fr-external-dtd.xml', 1, 0, '1 top-level <Product>'],
  ['xml', 'yml-catalog-shwei-sewing-machines-2012-ru.xml', 132, 0, '132 <offer>'],
  ['csv', 'balloon-shop-preisliste-semicolon-bom.csv', 429, 2, '431 rows, 384 and 431 blank'],
  ['csv', 'buildingwebsite-product-template-es-building.csv', 2, 0, '2 rows'],
  ['csv', 'datanorm4-articles-cp850.001', 1, 0, '1 A record'],
  ['csv', 'freudenhof-preisliste-excel-layout-de.csv', 137, 0, '137 non-blank rows after line 14'],
  ['csv', 'indiamart-scraped-products.csv', 10, 3, '13 rows, 3 without title'],
  ['csv', 'metallider-rebar-steel-products-bom-cyrillic.csv', 336, 0, '336 rows'],
  ['csv', 'pallmann-parquet-price-list-fr.csv', 149, 0, '149 rows'],
  ['csv', 'prestashop-products-import-semicolon.csv', 7, 0, '7 rows'],
  ['csv', 'shopify-admin-export-stoneflame-soapstone-multiline-pt.csv', 28, 0, '28 handles'],
  ['csv', 'shopify-product-template-excel-mangled-barcodes.csv', 3, 0, '3 handles'],
  ['csv', 'shopify-product-template-legacy-quoted-inches.csv', 2, 0, '2 handles'],
  ['csv', 'woocommerce-product-export-2024-bom.csv', 124, 0, '124 rows'],
  ['csv', 'woocommerce-sample-products-classic-commerce-fork.csv', 24, 0, '24 rows'],
  ['json', 'buildingwebsite-products-full-spc-pvc-es.json', 338, 0, '338 array elements'],
  ['json', 'regalith-marbles-small-array.json', 10, 0, '10 array elements'],
  ['json', 'shopify-storefront-products-bmc-uruguay-building.json', 30, 0, '30 products'],
  ['json', 'indiamart-scraped-products-nulls-dupes.jsonl', 20, 4, '24 lines, 4 title null'],
];

describe('corpus import', () => {
  it.each(FEEDS)('imports %s/%s', async (kind, name, materials, failures) => {
    const outcome = await importFeed(fixture(kind, name));
    expect(outcome.materials).toHaveLength(materials);
    expect(outcome.failures).toHaveLength(failures);
  });
});

describe('corpus values', () => {
  it('maps the Spanish sample', async () => {
    const { materials } = await importFeed(
      fixture('xml', 'material-kai-xml-import-test-sample.xml'),
    );
    expect(materials[0]).toMatchObject({
      name: 'Porcelain Tile Harmony Nova',
      manufacturer: 'Harmony Ceramics',
      price: 45.5,
      currency: 'EUR',
      dimensions: '60x60 cm',
    });
    expect(materials[0]?.attributes['imageUrls']).toHaveLength(3);
    // The second product has no grupo_fabricante, which must not break the others.
    expect(materials[1]?.manufacturer).toBe('WallArt Studios');
  });

  it('reads YML offers in roubles', async () => {
    const { materials } = await importFeed(
      fixture('xml', 'yml-catalog-shwei-sewing-machines-2012-ru.xml'),
    );
    expect(materials[0]).toMatchObject({
      name: 'Bernina Bernette E56',
      price: 6480,
      currency: 'RUB',
    });
    expect(String(materials[0]?.attributes['description'])).toContain('Электромеханическая');
  });

  it('keeps Cyrillic codes as text', async () => {
    const { materials } = await importFeed(
      fixture('csv', 'metallider-rebar-steel-products-bom-cyrillic.csv'),
    );
    expect(materials[0]).toMatchObject({
      name: 'Арматура А500C ф 10 Северсталь',
      sku: '00181',
      price: 30,
    });
    expect(materials[0]?.attributes['barcode']).toBe('2000000001975');
    expect(materials.filter((m) => m.sku?.startsWith('0'))).toHaveLength(335);
  });

  it('reads Freudenhof comma decimals', async () => {
    const { materials } = await importFeed(
      fixture('csv', 'freudenhof-preisliste-excel-layout-de.csv'),
    );
    expect(materials[0]).toMatchObject({
      name: 'Eier, Größe L    (63- 73g)',
      price: 0.57,
      currency: 'EUR',
    });
  });

  it('reads the Pallmann net price', async () => {
    const { materials } = await importFeed(fixture('csv', 'pallmann-parquet-price-list-fr.csv'));
    expect(materials[0]).toMatchObject({
      sku: '012621',
      name: '750 X 200 corindon gr 16/10p',
      price: 122.08,
    });
  });

  it('fails balloon rows without description', async () => {
    const { failures } = await importFeed(
      fixture('csv', 'balloon-shop-preisliste-semicolon-bom.csv'),
    );
    expect(failures.map((f) => f.line)).toEqual([385, 432]);
  });

  it('reads nested metric dimensions from JSON', async () => {
    const { materials } = await importFeed(
      fixture('json', 'buildingwebsite-products-full-spc-pvc-es.json'),
    );
    expect(materials[0]).toMatchObject({
      price: 68.69,
      dimensions: '60 x 300 cm',
      thickness: '0.08 mm',
    });
  });

  it('keeps the CSV integer price', async () => {
    // The CSV writes basePrice 68690 where the JSON export of the same product has 68.69.
    const { materials } = await importFeed(
      fixture('csv', 'buildingwebsite-product-template-es-building.csv'),
    );
    expect(materials[0]?.price).toBe(68690);
  });

  it('reads Shopify storefront JSON', async () => {
    const { materials } = await importFeed(
      fixture('json', 'shopify-storefront-products-bmc-uruguay-building.json'),
    );
    expect(materials[0]).toMatchObject({
      name: 'Embudo Conector de Bajada PVC para Canaleta (100mm)',
      price: 18.73,
      manufacturer: 'BMC URUGUAY',
    });
    expect(String(materials[0]?.attributes['description'])).toContain('<p><code>');
  });

  it('fails scraped lines without title', async () => {
    const { failures } = await importFeed(
      fixture('json', 'indiamart-scraped-products-nulls-dupes.jsonl'),
    );
    expect(failures.every((f) => f.field === 'title')).toBe(true);
  });

  it('keeps relative image paths', async () => {
    const { materials } = await importFeed(fixture('json', 'regalith-marbles-small-array.json'));
    expect(materials[0]?.attributes['imageUrls']).toEqual(['images/image1.png']);
  });

  it('splits Python-style image lists', async () => {
    const { materials } = await importFeed(fixture('csv', 'indiamart-scraped-products.csv'));
    const images = materials[0]?.attributes['imageUrls'] as string[];
    expect(images.length).toBeGreaterThan(1);
    expect(images.every((url) => url.startsWith('https://'))).toBe(true);
  });
});
