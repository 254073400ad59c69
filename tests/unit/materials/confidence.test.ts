import { describe, expect, it } from 'vitest';
import { scoreConfidence } from '../../../main/pipelines/pdf/materials/confidence.ts';

describe('scoreConfidence', () => {
  it.each([
    [{}, 0.2],
    [{ sku: 'TA 30/100' }, 0.42],
    [{ sku: 'TA 30/100', price: 6400, dimensions: '300 x 40 x 1000 mm' }, 0.78],
    [
      {
        sku: 'X',
        price: 1,
        dimensions: '1 x 1',
        color: 'grey',
        finish: 'matte',
        thickness: '8 mm',
      },
      1,
    ],
    [{ sku: null, price: undefined, color: '' }, 0.2],
  ])('scores %j', (fields, expected) => {
    expect(scoreConfidence(fields)).toBe(expected);
  });
});
