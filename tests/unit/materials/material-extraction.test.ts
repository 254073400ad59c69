import { beforeAll, describe, expect, it } from 'vitest';
import { extractMaterials } from '../../../main/pipelines/pdf/material-extraction.ts';
import type { MaterialDraft } from '../../../main/materials/material-draft.ts';
import { readPdfPages } from './pdf-pages.ts';

const EGEO = 'corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf';
const ADRIATICO = 'corona-tile-spec-sheet-adriatico-azul-20x20-es-en.pdf';
const LEIER = 'leier-arlista-2024-building-materials-price-list-hu.pdf';
const AKRUTI = 'akruti-plywood-catalogue-weasyprint-emoji.pdf';
const BUDMATERIALY = 'budmaterialy-price-list-excel-export-cyrillic.pdf';

const drafts = new Map<string, MaterialDraft[]>();
const pagesByFile = new Map<string, Array<{ pageNumber: number; text: string }>>();

beforeAll(async () => {
  for (const name of [EGEO, ADRIATICO, LEIER, AKRUTI, BUDMATERIALY]) {
    const pages = await readPdfPages(name);
    pagesByFile.set(name, pages);
    drafts.set(name, extractMaterials(pages, { filename: name }));
  }
});

function bySku(name: string, sku: string): MaterialDraft[] {
  return drafts.get(name)!.filter((draft) => draft.sku === sku);
}

describe('extractMaterials on a Corona data sheet', () => {
  it('finds one material per sheet', () => {
    expect(drafts.get(EGEO)).toHaveLength(1);
    expect(drafts.get(ADRIATICO)).toHaveLength(1);
  });

  it('reads the Egeo Blanco fields', () => {
    const [draft] = drafts.get(EGEO)!;
    expect(draft?.name).toBe('PISO PARED EGEO BLANCO CU');
    expect(draft?.sku).toBe('202204001');
    expect(draft?.dimensions).toBe('20.5 x 20.5 cm');
    expect(draft?.color).toBe('BLANCO / WHITE');
    expect(draft?.finish).toBe('Brillo / Mate');
    expect(draft?.thickness).toBe('6.1 ± 0.3');
    expect(draft?.pageNumber).toBe(1);
  });

  it('keeps the box figures as attributes', () => {
    const attributes = drafts.get(EGEO)![0]!.attributes;
    expect(attributes.m2PerBox).toBe(1.51);
    expect(attributes.unitsPerBox).toBe(36);
    expect(attributes.boxesPerPallet).toBe(80);
    expect(attributes.collection).toBe('CORONA 2008');
    expect(attributes.finishTerms).toEqual(['glossy', 'matte']);
  });

  it('reads the Adriatico Azul fields', () => {
    const [draft] = drafts.get(ADRIATICO)!;
    expect(draft?.name).toBe('PARED ADRIATICO AZUL CLARO CU');
    expect(draft?.sku).toBe('201103101');
    expect(draft?.dimensions).toBe('20.5 x 20.5 cm');
    expect(draft?.color).toBe('AZUL CLARO / LIGHT BLUE');
    expect(draft?.finish).toBe('Brillante / Glossy');
    expect(draft?.attributes.colorTerms).toEqual(['light blue']);
  });

  it('drops the #N/D collection', () => {
    expect(drafts.get(ADRIATICO)![0]!.attributes).not.toHaveProperty('collection');
  });

  it('invents no price', () => {
    expect(drafts.get(EGEO)![0]!.price).toBeNull();
    expect(drafts.get(EGEO)![0]!.currency).toBeNull();
  });
});

describe('extractMaterials on the Leier price list', () => {
  it('finds many priced materials', () => {
    const priced = drafts.get(LEIER)!.filter((draft) => draft.price !== null);
    expect(priced.length).toBeGreaterThanOrEqual(300);
  });

  it('gives every material a code and a page', () => {
    for (const draft of drafts.get(LEIER)!) {
      expect(draft.sku).not.toBeNull();
      expect(draft.pageNumber).toBeGreaterThanOrEqual(4);
      expect(draft.pageNumber).toBeLessThanOrEqual(23);
    }
  });

  it('prices everything in HUF', () => {
    const currencies = new Set(drafts.get(LEIER)!.map((draft) => draft.currency));
    currencies.delete(null);
    expect([...currencies]).toEqual(['HUF']);
  });

  it.each([
    ['TA 30/100', 4, 6400, '300 x 40 x 1000 mm', [6400, 6400]],
    ['TO 60/200 L/I', 4, 45800, '600 x 100 x 2000 mm', [45800, 54400]],
    ['LEF 10 1:1,5', 4, 37800, '100 x 320 x 350 x 530 x 80 mm', [37800, 38900]],
    ['CSE 100 KG', 8, 3300, '100 mm', [3300, 3300]],
    ['AGY 80/25/9 L', 8, 7100, '800 x 90 x 250 mm', [7100, 8600]],
    ['AGY 100/25/9 L', 8, 8400, '1000 x 90 x 250 mm', [8400]],
    ['AFE 120x120/100 L KN', 11, 255400, '1500 x 1500 mm', [255400]],
    ['LKCS S20', 21, 9400, '100 x 41 x 29', [9400]],
  ])('reads row %s', (sku, pageNumber, price, dimensions, prices) => {
    const [draft] = bySku(LEIER, sku);
    expect(draft?.pageNumber).toBe(pageNumber);
    expect(draft?.price).toBe(price);
    expect(draft?.dimensions).toBe(dimensions);
    expect(draft?.attributes.prices).toEqual(prices);
  });

  it('joins a name wrapped above its numbers', () => {
    const [draft] = bySku(LEIER, 'AGY 100/25/9 L+H');
    expect(draft?.name).toBe('AGY 100/25/9 L+H aknagyűrű csaphornyos illesztéssel, hágcsóval');
    expect(draft?.price).toBe(11700);
  });

  it('takes the category from the section title', () => {
    expect(bySku(LEIER, 'TA 30/100')[0]?.category).toBe('Talpas betoncsövek');
  });

  it('leaves a missing price empty', () => {
    const [draft] = bySku(LEIER, 'AFE 100/120 L K');
    expect(draft).toBeDefined();
    expect(draft?.price).toBeNull();
    expect(draft?.currency).toBeNull();
  });

  it('reads the Durisol block with its colour', () => {
    const [draft] = bySku(LEIER, 'DSi 25/13 - N');
    expect(draft?.price).toBe(1900);
    expect(draft?.dimensions).toBe('50 x 25 x 25');
    expect(draft?.color).toBe('grey');
    expect(draft?.pageNumber).toBe(23);
  });

  it('takes no pallet colour for a product colour', () => {
    expect(bySku(LEIER, 'TA 30/100')[0]?.color).toBeNull();
  });

  it('reads the per-metre unit', () => {
    expect(bySku(LEIER, 'LKCS S20')[0]?.attributes.priceUnit).toBe('fm');
  });

  it('scores priced rows higher than unpriced rows', () => {
    const priced = bySku(LEIER, 'AFE 100/100 L K')[0]!;
    const unpriced = bySku(LEIER, 'AFE 100/120 L K')[0]!;
    expect(priced.confidence).toBeGreaterThan(unpriced.confidence);
  });

  it('returns the same drafts on a rerun', () => {
    const again = extractMaterials(pagesByFile.get(LEIER)!, { filename: LEIER });
    expect(again).toEqual(drafts.get(LEIER));
  });
});

describe('extractMaterials on documents without product records', () => {
  it('finds nothing in a catalogue without codes or prices', () => {
    expect(drafts.get(AKRUTI)).toEqual([]);
  });

  it('finds nothing in an empty price template', () => {
    expect(drafts.get(BUDMATERIALY)).toEqual([]);
  });
});
