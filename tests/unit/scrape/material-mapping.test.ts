import { describe, expect, it } from 'vitest';

import type { MaterialDraft } from '../../../main/materials/material-draft.ts';
import {
  matchesCategories,
  productKey,
  toMaterialDraft,
} from '../../../main/pipelines/scrape/material-mapping.ts';
import { emptyCandidate } from '../../../main/pipelines/scrape/product-candidate.ts';

function draft(overrides: Partial<MaterialDraft> = {}): MaterialDraft {
  const candidate = {
    ...emptyCandidate('listing', 'Tile adhesive 25 kg'),
    price: 18.9,
    currency: 'EUR',
  };
  return {
    ...toMaterialDraft(candidate, 'https://shop.example/catalog/adhesives?page=1'),
    ...overrides,
  };
}

describe('toMaterialDraft', () => {
  it('maps the candidate fields', () => {
    const candidate = {
      ...emptyCandidate('json-ld', 'Board'),
      sku: 'B-1',
      brand: 'Knauf',
      category: 'Boards',
      price: 7.2,
      currency: 'EUR',
      productUrl: 'https://shop.example/board',
    };
    expect(toMaterialDraft(candidate, 'https://shop.example/list')).toMatchObject({
      name: 'Board',
      sku: 'B-1',
      manufacturer: 'Knauf',
      category: 'Boards',
      price: 7.2,
      currency: 'EUR',
      confidence: 0.95,
      sourceUrl: 'https://shop.example/list',
      attributes: { extraction: 'json-ld', productUrl: 'https://shop.example/board' },
    });
  });

  it('leaves empty attributes out', () => {
    expect(Object.keys(draft().attributes)).toEqual(['extraction']);
  });

  it('rates listing heuristics lower', () => {
    expect(draft().confidence).toBe(0.6);
  });
});

describe('productKey', () => {
  it('uses the SKU when present', () => {
    expect(productKey(draft({ sku: 'ABC-1' }))).toBe('sku:abc-1');
  });

  it('falls back to name, price and URL', () => {
    expect(productKey(draft())).toBe(
      'name:tile adhesive 25 kg|18.9|https://shop.example/catalog/adhesives?page=1',
    );
  });

  it('prefers the product URL over the page', () => {
    const linked = draft({ attributes: { productUrl: 'https://shop.example/p/1?utm_source=x' } });
    expect(productKey(linked)).toBe('name:tile adhesive 25 kg|18.9|https://shop.example/p/1');
  });

  it('tells two prices apart', () => {
    expect(productKey(draft())).not.toBe(productKey(draft({ price: 19.9 })));
  });
});

describe('matchesCategories', () => {
  it('keeps everything without categories', () => {
    expect(matchesCategories(draft(), [], [])).toBe(true);
  });

  it('matches the URL path', () => {
    expect(matchesCategories(draft(), [], ['adhesive'])).toBe(true);
  });

  it('matches breadcrumb text', () => {
    expect(
      matchesCategories(
        draft({ sourceUrl: 'https://shop.example/p' }),
        ['Home', 'Fliesen'],
        ['fliesen'],
      ),
    ).toBe(true);
  });

  it('matches the product category', () => {
    expect(
      matchesCategories(
        draft({ sourceUrl: 'https://shop.example/p', category: 'Wärmedämmung' }),
        [],
        ['warmedammung'],
      ),
    ).toBe(true);
  });

  it('rejects other categories', () => {
    expect(matchesCategories(draft(), ['Home', 'Adhesives'], ['paint', 'tiles'])).toBe(false);
  });

  it('ignores blank words', () => {
    expect(matchesCategories(draft(), [], ['  '])).toBe(false);
  });
});
