import { describe, expect, it } from 'vitest';
import type { MaterialDraft } from '../../../main/materials/material-draft.ts';
import { productKey } from '../../../main/pipelines/import/product-key.ts';

const base: MaterialDraft = {
  name: 'Oak parquet',
  sku: null,
  category: 'Flooring',
  materialType: 'wood',
  dimensions: '190 x 1900 mm',
  thickness: '14 mm',
  finish: 'oiled',
  color: 'natural',
  price: 45,
  currency: 'EUR',
  manufacturer: 'FloorMaster',
  confidence: 1,
  attributes: {},
};

describe('productKey', () => {
  it('uses source and SKU', () => {
    expect(productKey('floormaster-feed', { ...base, sku: 'FM-OAK-003' })).toBe(
      'sku:floormaster-feed:FM-OAK-003',
    );
  });

  it('hashes fields without SKU', () => {
    expect(productKey('feed', base)).toMatch(/^hash:feed:[0-9a-f]{32}$/);
  });

  it('ignores price changes', () => {
    expect(productKey('feed', { ...base, price: 50 })).toBe(productKey('feed', base));
  });

  it('ignores case and spacing', () => {
    expect(productKey('feed', { ...base, name: '  OAK   Parquet ' })).toBe(
      productKey('feed', base),
    );
  });

  it('changes with the dimensions', () => {
    expect(productKey('feed', { ...base, dimensions: '190 x 2200 mm' })).not.toBe(
      productKey('feed', base),
    );
  });

  it('separates sources with equal SKUs', () => {
    const material = { ...base, sku: '100' };
    expect(productKey('a', material)).not.toBe(productKey('b', material));
  });
});
