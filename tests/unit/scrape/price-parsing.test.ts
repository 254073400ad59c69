import { describe, expect, it } from 'vitest';

import {
  parseAmount,
  parsePriceText,
  parseSchemaPrice,
} from '../../../main/pipelines/scrape/price-parsing.ts';

describe('parsePriceText', () => {
  it.each([
    ['138,47\u00a0€', 138.47, null, 'EUR'],
    ['€ 459,08', 459.08, null, 'EUR'],
    ['ab € 459,08', 459.08, null, 'EUR'],
    ['From £5.29', 5.29, null, 'GBP'],
    ['5 490 ₽', 5490, null, 'RUB'],
    ['1.234,50 EUR', 1234.5, null, 'EUR'],
    ['$1,234.50', 1234.5, null, 'USD'],
    ['375.90€', 375.9, null, 'EUR'],
    ['3.46€ - 4.15€', 3.46, 4.15, 'EUR'],
    ['12 900 Ft', 12900, null, 'HUF'],
    ['18,50 EUR', 18.5, null, 'EUR'],
    ['1 299,00 руб.', 1299, null, 'RUB'],
  ])('parses %s', (text, amount, maxAmount, currency) => {
    expect(parsePriceText(text)).toEqual({ amount, maxAmount, currency });
  });

  it('requires a currency when asked', () => {
    expect(parsePriceText('-20%', true)).toBeNull();
  });

  it('ignores currency words inside other words', () => {
    expect(parsePriceText('EUROPA 12', true)).toBeNull();
  });

  it('returns null without a number', () => {
    expect(parsePriceText('Price on request €')).toBeNull();
  });
});

describe('parseSchemaPrice', () => {
  it.each([
    [119.99, 119.99, null],
    ['119.99 ', 119.99, null],
    ['1.234', 1.234, null],
    ['1.234,50', 1234.5, null],
    ['5490 - 11387', 5490, 11387],
  ])('parses %s', (value, amount, maxAmount) => {
    expect(parseSchemaPrice(value)).toMatchObject({ amount, maxAmount });
  });

  it.each([[null], [''], [Number.NaN], [{}]])('rejects %s', (value) => {
    expect(parseSchemaPrice(value)).toBeNull();
  });
});

describe('parseAmount', () => {
  it.each([
    ['1.234.567', 1234567],
    ['1,234', 1234],
    ['0,99', 0.99],
    ["12'500.00", 12500],
  ])('reads %s', (raw, expected) => {
    expect(parseAmount(raw)).toBe(expected);
  });
});
