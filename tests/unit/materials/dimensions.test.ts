import { describe, expect, it } from 'vitest';
import {
  findDimensions,
  parseDimensions,
} from '../../../main/pipelines/pdf/materials/dimensions.ts';

describe('parseDimensions', () => {
  it.each([
    ['60x60 cm', '60 x 60 cm', [60, 60], 'cm'],
    ['600 x 1200 mm', '600 x 1200 mm', [600, 1200], 'mm'],
    ['19,8X19,8', '19.8 x 19.8', [19.8, 19.8], null],
    ['20.5X20.5 cm', '20.5 x 20.5 cm', [20.5, 20.5], 'cm'],
    ['Formato: 20.5X20.5 Cm CUADRADO', '20.5 x 20.5 cm', [20.5, 20.5], 'cm'],
    ['30×60', '30 x 60', [30, 60], null],
    ['Ø 100 mm', 'Ø 100 mm', [100], 'mm'],
    ['DN 300', 'DN 300', [300], null],
    ['250x120x65 mm', '250 x 120 x 65 mm', [250, 120, 65], 'mm'],
    ['brick 250 x 120 x 65mm.', '250 x 120 x 65 mm', [250, 120, 65], 'mm'],
    ['1500 x 1500', '1500 x 1500', [1500, 1500], null],
    ['12" x 24"', '12 x 24 in', [12, 24], 'in'],
    ['Aknaelemek 150×150-es méretben', '150 x 150', [150, 150], null],
  ])('normalises %j', (source, text, values, unit) => {
    const dimensions = parseDimensions(source);
    expect(dimensions?.text).toBe(text);
    expect(dimensions?.values).toEqual(values);
    expect(dimensions?.unit).toBe(unit);
  });

  it.each([
    ['a price', '1.234,50 €'],
    ['a price with a unit', '12,90 €/m2'],
    ['a type code with a slash', 'AFE 120x120/100 L KN'],
    ['a slash code', 'TA 30/100'],
    ['a chamfer angle', '5x45°'],
    ['four parts', '2x3x4x5'],
    ['a lone factor', '12x'],
    ['a date', '2024.03.01'],
    ['an EAN', '5901234123457'],
  ])('ignores %s', (_case, source) => {
    expect(parseDimensions(source)).toBeNull();
  });

  it('marks diameters', () => {
    expect(parseDimensions('Ø 100 mm')?.kind).toBe('diameter');
    expect(parseDimensions('60x60 cm')?.kind).toBe('size');
  });

  it('finds dimensions in order', () => {
    const found = findDimensions('Ø 50 mm pipe, then 60x60 cm and 30×60 cm tiles');
    expect(found.map((dimensions) => dimensions.text)).toEqual([
      'Ø 50 mm',
      '60 x 60 cm',
      '30 x 60 cm',
    ]);
  });
});
