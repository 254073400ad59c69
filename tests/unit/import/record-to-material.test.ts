import { describe, expect, it } from 'vitest';
import { emptyMapping, type FeedMapping } from '../../../main/pipelines/import/feed-mapping.ts';
import type { FeedRecord } from '../../../main/pipelines/import/feed-types.ts';
import {
  applyMapping,
  UPDATE_ONLY_FIELD,
} from '../../../main/pipelines/import/record-to-material.ts';

function mappingOf(
  sources: Partial<Record<keyof FeedMapping['fields'], string | string[]>>,
): FeedMapping {
  const mapping = emptyMapping();
  for (const [target, source] of Object.entries(sources)) {
    mapping.fields[target as keyof FeedMapping['fields']] = { source, confidence: 1 };
  }
  return mapping;
}

function record(fields: Record<string, unknown>): FeedRecord {
  return { rowNumber: 7, line: 9, fields };
}

const mapping = mappingOf({
  name: 'title',
  sku: 'code',
  price: 'price',
  currency: 'cur',
  image_urls: ['image', 'more'],
  dimensions: ['w_cm', 'l_cm'],
  thickness: 'thickness',
  stock: 'qty',
  barcode: 'ean',
  product_url: 'link',
});

describe('applyMapping', () => {
  it('builds a material with normalised values', () => {
    const result = applyMapping(
      record({
        title: ' Oak parquet ',
        code: '00181',
        price: '1.234,50 €',
        image: 'https://cdn.example/a.jpg, https://cdn.example/b.jpg',
        more: ['https://cdn.example/b.jpg', 'https://cdn.example/c.jpg'],
        w_cm: '60',
        l_cm: '120',
        thickness: '14',
        thicknessUnit: 'mm',
        qty: '25',
        ean: '4006209796856',
        link: 'https://shop.example/oak',
        extra: 'kept',
      }),
      mapping,
    );
    expect(result).toMatchObject({
      material: {
        name: 'Oak parquet',
        sku: '00181',
        price: 1234.5,
        currency: 'EUR',
        dimensions: '60 x 120 cm',
        thickness: '14 mm',
        sourceUrl: 'https://shop.example/oak',
        attributes: {
          imageUrls: [
            'https://cdn.example/a.jpg',
            'https://cdn.example/b.jpg',
            'https://cdn.example/c.jpg',
          ],
          stock: 25,
          barcode: '4006209796856',
          sourceFields: { extra: 'kept', thicknessUnit: 'mm' },
        },
      },
    });
  });

  it('prefers the currency column', () => {
    const result = applyMapping(record({ title: 'Tile', price: '12 990', cur: 'HUF' }), mapping);
    expect(result).toMatchObject({ material: { price: 12990, currency: 'HUF' } });
  });

  it('fails a record without a name', () => {
    expect(applyMapping(record({ title: '  ', price: '1' }), mapping)).toEqual({
      failure: {
        rowNumber: 7,
        line: 9,
        field: 'title',
        reason: 'The product name is empty.',
        rawValue: '',
      },
    });
  });

  it('fails a non-numeric price', () => {
    const result = applyMapping(record({ title: 'Tile', price: 'on request' }), mapping);
    expect(result).toMatchObject({ failure: { field: 'price', rawValue: 'on request' } });
  });

  it('turns reader issues into failures', () => {
    const issue = {
      field: 'row',
      reason: 'The row has 2 fields but the header has 3.',
      rawValue: 'a,b',
    };
    expect(applyMapping({ ...record({}), issue }, mapping)).toEqual({
      failure: { rowNumber: 7, line: 9, ...issue },
    });
  });

  it('keeps availability text as text', () => {
    const result = applyMapping(record({ title: 'Tile', qty: 'in_stock' }), mapping);
    expect(result).toMatchObject({ material: { attributes: { availability: 'in_stock' } } });
  });

  it('warns about Excel scientific notation', () => {
    const result = applyMapping(record({ title: 'Shirt', ean: '4.6347E+11' }), mapping);
    const warnings = 'material' in result ? result.material.attributes['warnings'] : undefined;
    expect(warnings).toEqual([expect.stringContaining('ean: "4.6347E+11"')]);
  });

  it('keeps JSON number prices', () => {
    const commaMapping = {
      ...mapping,
      options: { decimalSeparator: ',' as const, defaultCurrency: null },
    };
    const result = applyMapping(record({ title: 'Tile', price: 1.234 }), commaMapping);
    expect(result).toMatchObject({ material: { price: 1.234 } });
  });

  it('allows nameless price updates', () => {
    const result = applyMapping(
      record({ code: '1000', price: '1499.5', [UPDATE_ONLY_FIELD]: ['price', 'currency'] }),
      mapping,
    );
    expect(result).toMatchObject({
      material: { name: '', sku: '1000', attributes: { updateOnly: ['price', 'currency'] } },
    });
  });

  it('rates complete records higher', () => {
    const full = applyMapping(record({ title: 'Tile', code: 'T1', price: '2' }), mapping);
    const bare = applyMapping(record({ title: 'Tile' }), mapping);
    const confidence = (r: typeof full) => ('material' in r ? r.material.confidence : 0);
    expect(confidence(full)).toBeGreaterThan(confidence(bare));
  });
});
