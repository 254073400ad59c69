import { describe, expect, it } from 'vitest';
import {
  findCurrencyCode,
  findPrices,
  parsePrice,
} from '../../../main/pipelines/pdf/materials/prices.ts';

describe('parsePrice', () => {
  it.each([
    ['1.234,50 €', 1234.5, 'EUR', null],
    ['€ 12,90', 12.9, 'EUR', null],
    ['12,90€/m2', 12.9, 'EUR', 'm2'],
    ['12 900 Ft', 12900, 'HUF', null],
    ['12 900 HUF', 12900, 'HUF', null],
    ['HUF 12 900', 12900, 'HUF', null],
    ['300 Ft/db', 300, 'HUF', 'db'],
    ['Zöld 1 500 Ft/db', 1500, 'HUF', 'db'],
    ['2 400 Ft/m2', 2400, 'HUF', 'm2'],
    ['1 520 000 Ft', 1520000, 'HUF', null],
    ['$1,234.50', 1234.5, 'USD', null],
    ['Price: EUR 19.99', 19.99, 'EUR', null],
    ['£5.29', 5.29, 'GBP', null],
    ['1500,- Ft', 1500, 'HUF', null],
    ['450 руб.', 450, 'RUB', null],
    ['25 zł', 25, 'PLN', null],
  ])('parses %j', (source, amount, currency, perUnit) => {
    const price = parsePrice(source);
    expect(price?.amount).toBe(amount);
    expect(price?.currency).toBe(currency);
    expect(price?.perUnit).toBe(perUnit);
  });

  it.each([
    ['a bare number', '12 900'],
    ['a template word', 'товар 1  цена'],
    ['a dimension', '60x60 cm'],
    ['a code', 'TA 30/100'],
    ['a currency header', 'Egységár (Ft/db)'],
    ['a word that contains a marker', 'Ftesting 12'],
  ])('ignores %s', (_case, source) => {
    expect(parsePrice(source)).toBeNull();
  });

  it('does not join a count to the next price', () => {
    expect(parsePrice('piros  9  6 400 Ft')?.amount).toBe(6400);
  });

  it('finds prices in order', () => {
    const prices = findPrices('was € 15,00 now 12,90 € or 4 900 Ft');
    expect(prices.map((price) => [price.amount, price.currency])).toEqual([
      [15, 'EUR'],
      [12.9, 'EUR'],
      [4900, 'HUF'],
    ]);
  });
});

describe('findCurrencyCode', () => {
  it.each([
    ['Egységár (Ft/db) adott', 'HUF'],
    ['Precio (€/m2)', 'EUR'],
    ['Price in USD', 'USD'],
    ['Typ', null],
  ])('reads %j', (source, code) => {
    expect(findCurrencyCode(source)).toBe(code);
  });
});
