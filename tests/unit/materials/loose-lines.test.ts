import { describe, expect, it } from 'vitest';
import { findLooseLines } from '../../../main/pipelines/pdf/materials/loose-lines.ts';

describe('findLooseLines', () => {
  it('reads a product line with size, code and price', () => {
    const [line] = findLooseLines(2, 'Porcelain tile 60x60 cm PT-6060-GR  12,90 €/m2', new Set());
    expect(line?.name).toBe('Porcelain tile 60x60 cm PT-6060-GR');
    expect(line?.sku).toBe('PT-6060-GR');
    expect(line?.dimensions?.text).toBe('60 x 60 cm');
    expect(line?.price.amount).toBe(12.9);
    expect(line?.price.perUnit).toBe('m2');
    expect(line?.pageNumber).toBe(2);
  });

  it('keeps an EAN as a string', () => {
    const [line] = findLooseLines(1, 'Tile adhesive C2TE 25 kg 5901234123457  9 900 Ft', new Set());
    expect(line?.gtin).toBe('5901234123457');
  });

  it.each([
    ['a template row', 'товар 1  цена'],
    ['a price without a code or size', 'Barna, Antracit Piros Sárga 300 Ft/db'],
    ['a heading', 'Our Products'],
    ['a size without a price', 'Porcelain tile 60x60 cm'],
  ])('ignores %s', (_case, text) => {
    expect(findLooseLines(1, text, new Set())).toEqual([]);
  });

  it('skips lines already read as table rows', () => {
    expect(findLooseLines(1, 'Tile 60x60 cm  12,90 €', new Set([0]))).toEqual([]);
  });
});
