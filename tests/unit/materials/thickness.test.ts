import { describe, expect, it } from 'vitest';
import { parseThickness } from '../../../main/pipelines/pdf/materials/thickness.ts';

describe('parseThickness', () => {
  it.each([
    ['8 mm', '8 mm', 8, 'mm'],
    ['8mm', '8 mm', 8, 'mm'],
    ['espesor 8,5 mm', '8.5 mm', 8.5, 'mm'],
    ['Espesor: 10mm', '10 mm', 10, 'mm'],
    ['Vastagság (mm): 12', '12 mm', 12, 'mm'],
    ['vastagság 6 cm', '6 cm', 6, 'cm'],
    ['Thickness 9.5 mm', '9.5 mm', 9.5, 'mm'],
    ['ESPESOR NOMINAL  6.1 ± 0.3', '6.1 ± 0.3', 6.1, null],
    ['6.1 ± 0.3', '6.1 ± 0.3', 6.1, null],
    ['10 mm thick', '10 mm', 10, 'mm'],
    ['e=9 mm', '9 mm', 9, 'mm'],
  ])('parses %j', (source, text, value, unit) => {
    const thickness = parseThickness(source);
    expect(thickness?.text).toBe(text);
    expect(thickness?.value).toBe(value);
    expect(thickness?.unit).toBe(unit);
  });

  it('keeps the tolerance', () => {
    expect(parseThickness('6.1 ± 0.3')?.tolerance).toBe(0.3);
  });

  it.each([
    ['a lone number', '300'],
    ['a dimension', '600 x 1200 mm'],
    ['a label without a value', 'Falvastagság (mm)'],
    ['a length in running text', 'length 2000 mm'],
  ])('ignores %s', (_case, source) => {
    expect(parseThickness(source)).toBeNull();
  });
});
