import { describe, expect, it } from 'vitest';
import { profileFields } from '../../../main/pipelines/import/field-profile.ts';
import type { FeedRecord } from '../../../main/pipelines/import/feed-types.ts';
import { previewFeed } from '../../../main/pipelines/import/feed-preview.ts';
import { fixture } from './import-test-helpers.ts';

function record(rowNumber: number, fields: Record<string, unknown>): FeedRecord {
  return { rowNumber, fields };
}

describe('profileFields', () => {
  const records = [
    record(1, { sku: '001', color: 'white', tags: ['a', 'b'] }),
    record(2, { sku: '002', color: '' }),
    record(3, { sku: '003', color: 'white' }),
    record(4, { sku: '004', color: 'grey' }),
  ];
  const profiles = profileFields(records);
  const byPath = (path: string) => profiles.find((p) => p.path === path);

  it('lists fields in first-seen order', () => {
    expect(profiles.map((p) => p.path)).toEqual(['sku', 'color', 'tags']);
  });

  it('computes fill rates', () => {
    expect(byPath('color')?.fillRate).toBe(0.75);
    expect(byPath('tags')?.fillRate).toBe(0.25);
  });

  it('keeps the first distinct samples', () => {
    expect(byPath('color')?.samples).toEqual(['white', 'grey']);
  });

  it('flags codes with leading zeros', () => {
    expect(byPath('sku')?.flags).toContain('leading_zeros');
  });

  it('marks multi-valued fields', () => {
    expect(byPath('tags')?.multiValued).toBe(true);
  });

  it('keeps at most five samples', () => {
    const many = Array.from({ length: 8 }, (_, i) => record(i + 1, { n: `v${i}` }));
    expect(profileFields(many)[0]?.samples).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
  });
});

describe('previewFeed profiles', () => {
  it('flags Excel scientific barcodes', async () => {
    const preview = await previewFeed(
      fixture('csv', 'shopify-product-template-excel-mangled-barcodes.csv'),
    );
    const barcode = preview.fields.find((field) => field.path === 'Variant Barcode');
    expect(barcode?.flags).toContain('excel_scientific_notation');
  });

  it('limits the profiled records', async () => {
    const preview = await previewFeed(
      fixture('csv', 'metallider-rebar-steel-products-bom-cyrillic.csv'),
      {
        profileRecords: 50,
      },
    );
    expect(preview.recordsProfiled).toBe(50);
  });

  it('profiles 500 records by default', async () => {
    // The balloon list has 431 data rows, fewer than the default.
    const preview = await previewFeed(fixture('csv', 'balloon-shop-preisliste-semicolon-bom.csv'));
    expect(preview.recordsProfiled).toBe(431);
  });

  it('detects comma decimals', async () => {
    const preview = await previewFeed(fixture('csv', 'freudenhof-preisliste-excel-layout-de.csv'));
    expect(preview.fields.find((f) => f.path === 'Preis Euro')?.decimalSeparator).toBe(',');
  });
});
