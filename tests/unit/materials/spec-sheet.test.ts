import { describe, expect, it } from 'vitest';
import { readSpecSheet } from '../../../main/pipelines/pdf/materials/spec-sheet.ts';

const SHEET = [
  'PORCELANATO GRIS 60X60',
  'C:\\Imagenes\\porcelanato-gris.jpgReferencia: 7701234',
  'Formato:  60X60 cm  CUADRADO',
  'Color:  GRIS OSCURO\\DARK GREY',
  'Colección:  #N/D',
  'ACABADO |FINISH  Mate / Matte',
  'ESPESOR NOMINAL',
  '9,5 mm',
  'M2 POR CAJA  1,44',
  'UNIDADES | PIECES  4',
].join('\n');

describe('readSpecSheet', () => {
  const sheet = readSpecSheet(1, SHEET);

  it('reads a label glued to a file path', () => {
    expect(sheet?.reference).toBe('7701234');
  });

  it('reads the size and the colour', () => {
    expect(sheet?.dimensions?.text).toBe('60 x 60 cm');
    expect(sheet?.color).toBe('GRIS OSCURO / DARK GREY');
  });

  it('reads a bilingual finish label', () => {
    expect(sheet?.finish).toBe('Mate / Matte');
  });

  it('reads a value from the next line', () => {
    expect(sheet?.thickness?.text).toBe('9.5 mm');
  });

  it('drops spreadsheet error values', () => {
    expect(sheet?.collection).toBeNull();
  });

  it('keeps box figures as extras', () => {
    expect(sheet?.extras).toEqual({ m2PerBox: 1.44, unitsPerBox: 4 });
  });

  it('takes the heading above the fields as title', () => {
    expect(sheet?.title).toBe('PORCELANATO GRIS 60X60');
  });

  it('needs a reference or a size with colour or finish', () => {
    expect(readSpecSheet(1, 'Color: blanco\nEl color presentado es una aproximación.')).toBeNull();
    expect(readSpecSheet(1, 'Formato: 30x60 cm\nColor: blanco')).not.toBeNull();
  });
});
