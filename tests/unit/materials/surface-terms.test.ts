import { describe, expect, it } from 'vitest';
import {
  findColors,
  findFinishes,
  parseColor,
  parseFinish,
} from '../../../main/pipelines/pdf/materials/surface-terms.ts';

describe('parseFinish', () => {
  it.each([
    ['matte porcelain', 'matte'],
    ['Acabado mate', 'matte'],
    ['Brillante / Glossy', 'glossy'],
    ['brillo', 'glossy'],
    ['acabado Semi brillante', 'semi-gloss'],
    ['Polished Carrara', 'polished'],
    ['pulido', 'polished'],
    ['satin finish', 'satin'],
    ['Travertine tumbled', 'tumbled'],
    ['honed limestone', 'honed'],
    ['acid washing', 'acid washed'],
    ['Acid washed marble', 'acid washed'],
    ['egy oldalon seprűzött felület', 'brushed'],
    ['fényes felület', 'glossy'],
  ])('reads %j', (source, name) => {
    expect(parseFinish(source)?.name).toBe(name);
  });

  it('keeps the source spelling', () => {
    expect(parseFinish('Acabado Brillante')?.text).toBe('Brillante');
  });

  it('lists each finish once', () => {
    expect(findFinishes('Brillo/Mate, mate').map((term) => term.name)).toEqual(['glossy', 'matte']);
  });

  it.each(['the material is used', 'Mated pairs', 'matériel'])('ignores %j', (source) => {
    expect(parseFinish(source)).toBeNull();
  });
});

describe('parseColor', () => {
  it.each([
    ['BLANCO\\WHITE', 'white'],
    ['AZUL CLARO\\LIGHT BLUE', 'light blue'],
    ['light blue', 'light blue'],
    ['gris oscuro', 'dark grey'],
    ['natúr szürke színben', 'grey'],
    ['világos barna', 'light brown'],
    ['Antracit', 'anthracite'],
    ['Matt black', 'black'],
    ['Beige', 'beige'],
  ])('reads %j', (source, name) => {
    expect(parseColor(source)?.name).toBe(name);
  });

  it('keeps the shade as written', () => {
    expect(parseColor('AZUL CLARO')?.text).toBe('AZUL CLARO');
  });

  it('lists each colour once', () => {
    expect(findColors('BLANCO\\WHITE').map((term) => term.name)).toEqual(['white']);
  });

  it.each(['Referencia 202204001', 'concrete pipe', 'Grisaille'])('ignores %j', (source) => {
    expect(parseColor(source)).toBeNull();
  });
});
