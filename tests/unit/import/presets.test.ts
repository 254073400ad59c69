import { describe, expect, it } from 'vitest';
import { previewFeed } from '../../../main/pipelines/import/feed-preview.ts';
import { caught, fixture, importFeed } from './import-test-helpers.ts';

describe('preset detection', () => {
  const cases: [string, 'xml' | 'csv' | 'json', string | null][] = [
    ['bmecat-1.01-new-catalog-internal-dtd-subset.xml', 'xml', 'bmecat'],
    ['bmecat-1.2-contorion-comma-decimal-prices.xml', 'xml', 'bmecat'],
    ['bmecat-2005-weidmueller-1609801044-terminal-marker.xml', 'xml', 'bmecat'],
    ['google-merchant-rss-pallmann-parquet-fr.xml', 'xml', 'google_merchant'],
    ['google-merchant-atom-pallmann-parquet-fr.xml', 'xml', 'google_merchant'],
    ['kai-google-merchant-custom-prefix.xml', 'xml', 'google_merchant'],
    ['icecat-product-8806088281285-fr-external-dtd.xml', 'xml', 'icecat'],
    ['shopify-admin-export-stoneflame-soapstone-multiline-pt.csv', 'csv', 'shopify_csv'],
    ['shopify-product-template-legacy-quoted-inches.csv', 'csv', 'shopify_csv'],
    ['woocommerce-product-export-2024-bom.csv', 'csv', 'woocommerce_csv'],
    ['woocommerce-sample-products-classic-commerce-fork.csv', 'csv', 'woocommerce_csv'],
    ['datanorm4-articles-cp850.001', 'csv', 'datanorm'],
    ['material-kai-xml-import-test-sample.xml', 'xml', null],
    ['prestashop-products-import-semicolon.csv', 'csv', null],
    ['shopify-storefront-products-bmc-uruguay-building.json', 'json', null],
  ];

  it.each(cases)('recognises %s', async (name, kind, preset) => {
    expect((await previewFeed(fixture(kind, name))).preset?.id ?? null).toBe(preset);
  });
});

describe('BMEcat preset', () => {
  it('reads ids and comma prices', async () => {
    // One ARTICLE with a net_customer price 10.5 and a net_list price written "17,5".
    const { materials } = await importFeed(
      fixture('xml', 'bmecat-1.2-contorion-comma-decimal-prices.xml'),
    );
    expect(materials).toHaveLength(1);
    expect(materials[0]).toMatchObject({
      sku: '12345',
      name: 'Test Article',
      price: 17.5,
      currency: 'EUR',
    });
    const prices = materials[0]?.attributes['prices'] as { amount: number }[];
    expect(prices.map((p) => p.amount)).toEqual([10.5, 17.5]);
  });

  it('falls back to header currency', async () => {
    // Two ARTICLEs; Dennis's prices carry no PRICE_CURRENCY and the header says DEM.
    const { materials } = await importFeed(
      fixture('xml', 'bmecat-1.01-new-catalog-internal-dtd-subset.xml'),
    );
    expect(materials.map((m) => [m.sku, m.price, m.currency])).toEqual([
      ['54-Charlie-R', 20, 'DEM'],
      ['54-Dennis-B', 20, 'DEM'],
    ]);
    expect(materials[0]?.color).toBe('Rot');
  });

  it('reads BMEcat 2005 in catalogue language', async () => {
    const { materials } = await importFeed(
      fixture('xml', 'bmecat-2005-weidmueller-1609801044-terminal-marker.xml'),
    );
    expect(materials[0]).toMatchObject({
      sku: '1609801044',
      name: 'Klemmenmarkierung',
      manufacturer: 'Weidmueller Group',
      price: null,
      attributes: { barcode: '4008190397111' },
    });
  });

  it('reads nested BMEcat 2005 features', async () => {
    // 347 FEATURE elements, 337 of them inside FEATURE_GROUP; group headers carry no value.
    const { materials } = await importFeed(
      fixture('xml', 'bmecat-2005-weidmueller-1351590000.xml'),
    );
    expect(materials[0]?.name).toBe('Überspannungsableiter (Energietechnik/Stromversorgung)');
    expect((materials[0]?.attributes['features'] as unknown[]).length).toBeGreaterThan(50);
  });

  it('reads the fischer article', async () => {
    // One ARTICLE with six image MIME entries and one PDF data sheet.
    const { materials } = await importFeed(
      fixture('xml', 'bmecat-1.2-fischerwerke-nexmart-category-tree-crlf.xml'),
    );
    expect(materials).toHaveLength(1);
    expect(materials[0]).toMatchObject({ sku: '079685', price: 17.779, manufacturer: 'fischer' });
    expect(materials[0]?.attributes['imageUrls']).toHaveLength(6);
  });

  it('marks price updates as partial', async () => {
    const { materials } = await importFeed(fixture('xml', 'bmecat-1.2-update-prices-golden.xml'));
    expect(materials[0]).toMatchObject({ sku: '1000', price: 1499.5, currency: 'EUR', name: '' });
    expect(materials[0]?.attributes['updateOnly']).toEqual(['price', 'currency']);
  });
});

describe('Google Merchant preset', () => {
  it('reads all 305 RSS items', async () => {
    // 305 <item> elements, counted with ElementTree.
    const { materials, failures } = await importFeed(
      fixture('xml', 'google-merchant-rss-pallmann-parquet-fr.xml'),
    );
    expect(materials).toHaveLength(305);
    expect(failures).toHaveLength(0);
    expect(materials[0]).toMatchObject({
      name: 'Disque Ø150 - Grain 80 Carbure Silicium (Réf: 041060)',
      price: 63.6,
      currency: 'EUR',
      manufacturer: 'Pallmann',
    });
  });

  it('reads all 305 Atom entries', async () => {
    // 305 <entry> elements; the Atom feed prices the first disc at 1.27 EUR.
    const { materials } = await importFeed(
      fixture('xml', 'google-merchant-atom-pallmann-parquet-fr.xml'),
    );
    expect(materials).toHaveLength(305);
    expect(materials[0]?.price).toBe(1.27);
  });

  it('joins main and additional images', async () => {
    const { materials } = await importFeed(fixture('xml', 'kai-google-merchant-custom-prefix.xml'));
    expect(materials[0]?.attributes['imageUrls']).toEqual([
      'https://example.com/gt-1.jpg',
      'https://example.com/gt-1-b.jpg',
    ]);
  });
});

describe('Shopify preset', () => {
  it('groups rows by Handle', async () => {
    // 101 rows with 28 distinct handles; the other 73 rows only add images.
    const { materials, failures } = await importFeed(
      fixture('csv', 'shopify-admin-export-stoneflame-soapstone-multiline-pt.csv'),
    );
    expect(materials).toHaveLength(28);
    expect(failures).toHaveLength(0);
    const images = materials.map((m) => (m.attributes['imageUrls'] as string[]).length);
    expect(images.reduce((sum, n) => sum + n, 0)).toBe(101);
    expect(images[0]).toBe(7);
  });

  it('keeps multi-line HTML bodies intact', async () => {
    const { materials } = await importFeed(
      fixture('csv', 'shopify-admin-export-stoneflame-soapstone-multiline-pt.csv'),
    );
    const body = String(materials[0]?.attributes['description']);
    expect(body.startsWith('<p>Este é um conjunto versátil')).toBe(true);
    expect(body).toContain('\n');
  });

  it('collects variants under one product', async () => {
    // example-shirt has 12 variant rows, example-pants 3 plus an image-only row.
    const { materials } = await importFeed(
      fixture('csv', 'shopify-product-template-excel-mangled-barcodes.csv'),
    );
    expect(materials.map((m) => (m.attributes['variants'] as unknown[]).length)).toEqual([
      12, 3, 1,
    ]);
    expect((materials[1]?.attributes['imageUrls'] as string[]).length).toBe(4);
    expect(materials[0]).toMatchObject({ sku: 'SRT_COT_111', price: 25, manufacturer: 'Acme' });
  });

  it('flags the Excel-mangled barcodes', async () => {
    const { materials } = await importFeed(
      fixture('csv', 'shopify-product-template-excel-mangled-barcodes.csv'),
    );
    expect(materials[0]?.attributes['barcode']).toBe('3.65275E+11');
    expect(materials[0]?.attributes['warnings']).toContainEqual(
      expect.stringContaining('Variant Barcode'),
    );
  });

  it('inherits option names', async () => {
    const { materials } = await importFeed(
      fixture('csv', 'shopify-product-template-legacy-quoted-inches.csv'),
    );
    const variants = materials[1]?.attributes['variants'] as Record<string, string>[];
    expect(variants.map((v) => v['Option1 Value'])).toEqual([
      'Lithograph - Height: 9" x Width: 12"',
      'Small',
      'Medium',
    ]);
    expect(variants.every((v) => v['Option1 Name'] === 'Size')).toBe(true);
  });
});

describe('WooCommerce preset', () => {
  it('reads parents and variations', async () => {
    // 124 rows: 66 simple, 28 variation, 12 variable, 8 downloadable, 6 grouped, 4 external.
    const { materials } = await importFeed(
      fixture('csv', 'woocommerce-product-export-2024-bom.csv'),
    );
    expect(materials).toHaveLength(124);
  });

  it('inherits the parent category', async () => {
    const { materials } = await importFeed(
      fixture('csv', 'woocommerce-product-export-2024-bom.csv'),
    );
    const red = materials.find((m) => m.sku === 'woo-vneck-tee-red');
    expect(red).toMatchObject({ category: 'Clothing > Tshirts', price: 20, color: 'Red' });
    expect(red?.attributes['parent']).toBe('woo-vneck-tee');
  });

  it('reads the ClassicCommerce sample', async () => {
    // 24 rows; cc-hoodie-red is a variation of cc-hoodie, which is listed before it.
    const { materials } = await importFeed(
      fixture('csv', 'woocommerce-sample-products-classic-commerce-fork.csv'),
    );
    expect(materials).toHaveLength(24);
    expect(materials.find((m) => m.sku === 'cc-hoodie-red')?.category).toBe('Clothing > Hoodies');
  });
});

describe('Icecat preset', () => {
  it('reads a data-sheet as one product', async () => {
    const { materials } = await importFeed(
      fixture('xml', 'icecat-product-8806088281285-fr-external-dtd.xml'),
    );
    expect(materials).toHaveLength(1);
    expect(materials[0]).toMatchObject({
      name: 'Samsung Galaxy S7 SM-G930F SIM unique 4G 32Go Noir',
      sku: 'SM-G930FZKAPHN',
      manufacturer: 'Samsung',
      attributes: { barcode: '8806088281285' },
    });
    expect(materials[0]?.attributes['imageUrls']).toHaveLength(7);
  });

  it('rejects a product-not-found response', async () => {
    const error = await caught(() =>
      importFeed(fixture('xml', 'icecat-product-not-found-error.xml')),
    );
    expect(error.code).toBe('feed_error_response');
    expect(error.message).toContain('not present in the Icecat database');
  });
});
