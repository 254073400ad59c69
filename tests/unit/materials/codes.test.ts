import { describe, expect, it } from 'vitest';
import {
  findGtins,
  isValidGtin,
  parseLabelledCode,
  parseLeadingCode,
} from '../../../main/pipelines/pdf/materials/codes.ts';

describe('isValidGtin', () => {
  it.each([
    ['4006209600016', true],
    ['5901234123457', true],
    ['96385074', true],
    ['00012345600012', true],
    ['5901234123458', false],
    ['12345', false],
    ['590123412345a', false],
  ])('checks %s', (digits, valid) => {
    expect(isValidGtin(digits)).toBe(valid);
  });
});

describe('findGtins', () => {
  it('keeps leading zeros', () => {
    expect(findGtins('GTIN 00012345600012')).toEqual(['00012345600012']);
  });

  it('skips digit runs with a wrong check digit', () => {
    expect(findGtins('EAN 5901234123457, order 1234567890123')).toEqual(['5901234123457']);
  });

  it('skips prices and decimals', () => {
    expect(findGtins('16,25350473 and 12345670.5')).toEqual([]);
  });
});

describe('parseLabelledCode', () => {
  it.each([
    ['Referencia:  202204001  CUADRADO', '202204001'],
    ['SKU: AB-1234.', 'AB-1234'],
    ['Art.-Nr.: 1609801044', '1609801044'],
    ['Cikkszám: 814 123', '814'],
    ['Código: PT-6060-GR', 'PT-6060-GR'],
  ])('reads %j', (source, code) => {
    expect(parseLabelledCode(source)).toBe(code);
  });

  it.each(['Referencia', 'Type: porcelain', 'reference manual'])('ignores %j', (source) => {
    expect(parseLabelledCode(source)).toBeNull();
  });
});

describe('parseLeadingCode', () => {
  it.each([
    ['TA 30/100 talpas betoncső, csaphornyos illesztéssel', 'TA 30/100'],
    ['TO TA 40/200 L/I tokos–talpas betoncső', 'TO TA 40/200 L/I'],
    ['TO 30/60 L/I/CS csatlakozó közdarab', 'TO 30/60 L/I/CS'],
    ['LEF 10 1:1,5 szivárgó előfej', 'LEF 10 1:1,5'],
    ['ÁBE E 30/40-200 L A15 árokburkoló elem', 'ÁBE E 30/40-200 L A15'],
    ['AGY 100/25/12 L/G+H aknagyűrű', 'AGY 100/25/12 L/G+H'],
    ['AGY 100/100 /9 L aknagyűrű', 'AGY 100/100 /9 L'],
    ['SZGY 62,5/5 L szintbeállító gyűrű', 'SZGY 62,5/5 L'],
    ['AFE 120x120/100 L KN fenékelem', 'AFE 120x120/100 L KN'],
    ['TFE 30 támfal elem', 'TFE 30'],
    ['LOL SUPER 10/50 KF zápor túlfolyós olajleválasztó', 'LOL SUPER 10/50 KF'],
  ])('reads %j', (name, code) => {
    expect(parseLeadingCode(name)).toBe(code);
  });

  it.each([
    'Támidom 20',
    'Durisol zajárnyékoló blokkelem',
    'EUR raklap',
    'PISO PARED EGEO BLANCO CU',
    '300 mm magas keret',
  ])('ignores %j', (name) => {
    expect(parseLeadingCode(name)).toBeNull();
  });
});
