import { describe, expect, it } from 'vitest';
import { findPriceTableRows } from '../../../main/pipelines/pdf/materials/price-table.ts';

// Page text as extractPageText lays it out: cells joined by two spaces, one row per line.
const PIPES = [
  'I.1.  Talpas betoncsövek',
  'Típus  Belső átmérő (mm)  Falvastagság (mm)  Hosszúság (mm)  kg/ db  Raklap  db/ raklap  Egységár (Ft/db) Jánossomorja Pécs',
  'TA 30/100 talpas betoncső  300  40  1 000  100  piros  9  6 400  6 400',
  'Talpas betoncső  TA 60/100 talpas betoncső  600  60  1 000  390  -  -  15 400  18 600',
  'AGY 100/25/9 L+H aknagyűrű',
  'csaphornyos illesztéssel,  1 000  90  250  190  piros  6  11 700  12 100',
  'hágcsóval',
  'AFE 100/120 L K fenékelem  1 000  150  1 200  2 500',
  'Támidom 20  6,5  EUR  120',
  'A megadott tömegadatok tájékoztató jellegűek.  Érvényes: 2024. március 1-től.',
].join('\n');

describe('findPriceTableRows', () => {
  const rows = findPriceTableRows(4, PIPES);

  it('finds the rows that have a type code', () => {
    expect(rows.map((row) => row.sku)).toEqual([
      'TA 30/100',
      'TA 60/100',
      'AGY 100/25/9 L+H',
      'AFE 100/120 L K',
    ]);
  });

  it('reads the prices after the pallet columns', () => {
    expect(rows[0]?.prices).toEqual([6400, 6400]);
    expect(rows[1]?.prices).toEqual([15400, 18600]);
  });

  it('takes the currency and unit from the header', () => {
    expect(rows[0]?.currency).toBe('HUF');
    expect(rows[0]?.perUnit).toBe('db');
  });

  it('counts the millimetre columns from the header', () => {
    expect(rows[0]?.measurements).toEqual(['300', '40', '1 000']);
    expect(rows[0]?.millimetres).toBe(true);
  });

  it('skips the group label of the left column', () => {
    expect(rows[1]?.name).toBe('TA 60/100 talpas betoncső');
  });

  it('joins a name wrapped around its numbers', () => {
    expect(rows[2]?.name).toBe('AGY 100/25/9 L+H aknagyűrű csaphornyos illesztéssel, hágcsóval');
    expect(rows[2]?.lineIndexes).toEqual([4, 5, 6]);
  });

  it('leaves a price empty when its cells are missing', () => {
    expect(rows[3]?.prices).toEqual([]);
  });

  it('records the section title', () => {
    expect(rows[0]?.section).toBe('Talpas betoncsövek');
  });

  it('finds nothing without a currency header', () => {
    const text = PIPES.split('\n')
      .filter((line) => !line.includes('Egységár'))
      .join('\n');
    expect(findPriceTableRows(4, text)).toEqual([]);
  });

  it('drops a page number that lands after the prices', () => {
    const text = [
      'Típus  Belső átmérő (mm)  Egységár (Ft/db)',
      'AGY 200/175 L/G aknagyűrű  2 000  453 700  17',
      'AGY 200/200 L/G aknagyűrű  2 000  509 800',
    ].join('\n');
    expect(findPriceTableRows(17, text)[0]?.prices).toEqual([453700]);
  });

  it('reads a euro table with a size column', () => {
    const text = [
      'Code  Size  Pieces per box  Price (€/m2)',
      'PT 60/60 porcelain tile  600 x 600  4  31,90',
      'PT 30/60 porcelain tile  300 x 600  8  27,50',
    ].join('\n');
    const euroRows = findPriceTableRows(1, text);
    expect(euroRows.map((row) => row.prices)).toEqual([[31.9], [27.5]]);
    expect(euroRows[0]?.currency).toBe('EUR');
    expect(euroRows[0]?.measurements).toEqual(['600 x 600']);
  });
});
