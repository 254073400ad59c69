import { describe, expect, it } from 'vitest';
import { emptyMapping, parseFeedMapping } from '../../../main/pipelines/import/feed-mapping.ts';
import { previewFeed } from '../../../main/pipelines/import/feed-preview.ts';
import {
  normalizeFieldName,
  scoreFieldName,
  type TargetField,
} from '../../../main/pipelines/import/mapping-dictionary.ts';
import { proposeMapping } from '../../../main/pipelines/import/mapping-proposal.ts';
import { profileFields } from '../../../main/pipelines/import/field-profile.ts';
import { caught, fixture } from './import-test-helpers.ts';

describe('scoreFieldName', () => {
  const exact: [string, TargetField][] = [
    ['nombre', 'name'],
    ['fabricante', 'manufacturer'],
    ['precio', 'price'],
    ['imagen_url', 'image_urls'],
    ['Bezeichnung', 'name'],
    ['Artikelnummer', 'sku'],
    ['Preis', 'price'],
    ['prix', 'price'],
    ['désignation', 'name'],
    ['prezzo', 'price'],
    ['preço', 'price'],
    ['наименование', 'name'],
    ['цена', 'price'],
    ['ár', 'price'],
    ['megnevezés', 'name'],
    ['Cikkszám', 'sku'],
    ['Farbe', 'color'],
    ['épaisseur', 'thickness'],
    ['g:image_link', 'image_urls'],
    ['ARTICLE_DETAILS.MANUFACTURER_NAME', 'manufacturer'],
    ['currencyId', 'currency'],
  ];

  it.each(exact)('maps %s to %s', (name, target) => {
    expect(scoreFieldName(target, name)).toBe(1);
  });

  it('matches a synonym inside names', () => {
    expect(scoreFieldName('price', 'Price per box')).toBe(0.8);
  });

  it('matches German compound endings', () => {
    expect(scoreFieldName('price', 'Listenpreis')).toBe(1);
    expect(scoreFieldName('price', 'Aktionspreis')).toBe(0.7);
  });

  it('weakens matches with penalty words', () => {
    expect(scoreFieldName('price', 'prix_achat_ht')).toBeLessThan(
      scoreFieldName('price', 'prix_vente_ht'),
    );
    expect(scoreFieldName('manufacturer', 'grupo_fabricante')).toBeLessThan(0.5);
  });

  it('normalises case, accents, prefixes and camelCase', () => {
    expect(normalizeFieldName('g:basePrice')).toBe('base price');
    expect(normalizeFieldName('Supplier.@Name')).toBe('supplier name');
    expect(normalizeFieldName('Maße')).toBe('masse');
  });
});

describe('proposeMapping', () => {
  it('maps the Spanish sample catalogue', async () => {
    const preview = await previewFeed(fixture('xml', 'material-kai-xml-import-test-sample.xml'));
    const sources = Object.fromEntries(
      Object.entries(preview.proposedMapping.fields).map(([target, m]) => [target, m.source]),
    );
    expect(sources).toMatchObject({
      name: 'nombre',
      manufacturer: 'fabricante',
      price: 'precio',
      image_urls: 'imagen_url',
      sku: 'codigo_producto',
      dimensions: 'dimensiones',
      finish: 'acabado',
    });
  });

  it('maps a Hungarian price list', async () => {
    const preview = await previewFeed(fixture('csv', 'kai-hungarian-price-list.csv'));
    const { fields } = preview.proposedMapping;
    expect([fields.sku.source, fields.name.source, fields.price.source]).toEqual([
      'Cikkszám',
      'Megnevezés',
      'Ár',
    ]);
    expect([fields.manufacturer.source, fields.image_urls.source]).toEqual(['Gyártó', 'Kép']);
  });

  it('maps a Russian price list', async () => {
    const preview = await previewFeed(fixture('csv', 'kai-russian-price-list.csv'));
    const { fields } = preview.proposedMapping;
    expect([fields.sku.source, fields.name.source, fields.price.source]).toEqual([
      'Артикул',
      'Наименование',
      'Цена',
    ]);
  });

  it('finds images and barcodes by value', () => {
    const profiles = profileFields([
      {
        rowNumber: 1,
        fields: { a: 'Tile', x1: 'https://cdn.example/p1.jpg', x2: '4006209796856' },
      },
      {
        rowNumber: 2,
        fields: { a: 'Brick', x1: 'https://cdn.example/p2.png', x2: '3250614315336' },
      },
    ]);
    const mapping = proposeMapping(profiles);
    expect(mapping.fields.image_urls.source).toBe('x1');
    expect(mapping.fields.barcode.source).toBe('x2');
  });

  it('uses each source once', async () => {
    const preview = await previewFeed(fixture('csv', 'indiamart-scraped-products.csv'));
    const sources = Object.values(preview.proposedMapping.fields)
      .map((m) => m.source)
      .filter((source) => source !== null);
    expect(new Set(sources.map(String)).size).toBe(sources.length);
  });

  it('uses the only text as name', async () => {
    const preview = await previewFeed(fixture('csv', 'balloon-shop-preisliste-semicolon-bom.csv'));
    expect(preview.proposedMapping.fields.name.source).toBe('description_en');
    expect(preview.proposedMapping.options.defaultCurrency).toBe('EUR');
  });

  it('leaves weak candidates unmapped', () => {
    const mapping = proposeMapping(profileFields([{ rowNumber: 1, fields: { foo: 'bar' } }]));
    expect(Object.values(mapping.fields).every((m) => m.source === null)).toBe(true);
  });

  it('joins width and length columns', async () => {
    const preview = await previewFeed(
      fixture('csv', 'buildingwebsite-product-template-es-building.csv'),
    );
    expect(preview.proposedMapping.fields.dimensions.source).toEqual(['width_cm', 'length_cm']);
  });

  it('bounds every confidence to 0-1', async () => {
    const preview = await previewFeed(fixture('csv', 'prestashop-products-import-semicolon.csv'));
    const confidences = Object.values(preview.proposedMapping.fields).map((m) => m.confidence);
    expect(confidences.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(Object.keys(preview.proposedMapping.fields)).toHaveLength(16);
  });
});

describe('parseFeedMapping', () => {
  it('accepts a JSON round trip', async () => {
    const preview = await previewFeed(
      fixture('xml', 'google-merchant-rss-pallmann-parquet-fr.xml'),
    );
    const stored = JSON.parse(JSON.stringify(preview.proposedMapping)) as unknown;
    expect(parseFeedMapping(stored)).toEqual(preview.proposedMapping);
  });

  it('fills fields a stored template omits', () => {
    const parsed = parseFeedMapping({
      version: 1,
      fields: { name: { source: 'title', confidence: 1 } },
    });
    expect(parsed.fields.price).toEqual({ source: null, confidence: 0 });
    expect(parsed.options.decimalSeparator).toBe('.');
  });

  it('rejects an unknown target field', async () => {
    const mapping = {
      ...emptyMapping(),
      fields: { ...emptyMapping().fields, weight: { source: 'w', confidence: 1 } },
    };
    const error = await caught(async () => parseFeedMapping(mapping));
    expect(error.code).toBe('invalid_mapping');
  });

  it('rejects a confidence above 1', async () => {
    const mapping = emptyMapping();
    mapping.fields.name = { source: 'title', confidence: 2 };
    const error = await caught(async () => parseFeedMapping(mapping));
    expect(error.message).toContain('fields.name.confidence');
  });
});
