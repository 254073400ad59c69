import { describe, expect, it } from 'vitest';
import {
  guessDecimalSeparator,
  normalizeCurrencyCode,
  parseDecimal,
  parsePrice,
} from '../../../main/pipelines/import/value-normalization.ts';
import {
  classifyValue,
  isExcelScientific,
  isValidGtin,
  splitReferenceList,
} from '../../../main/pipelines/import/value-patterns.ts';

describe('parsePrice', () => {
  const cases: [string, number, string | null][] = [
    ['€45.50', 45.5, 'EUR'],
    ['63.60 EUR', 63.6, 'EUR'],
    ['1.234,50 €', 1234.5, 'EUR'],
    ['0,57', 0.57, null],
    ['12 990 Ft', 12990, 'HUF'],
    ['1 200 руб.', 1200, 'RUB'],
    ['950,50 ₽', 950.5, 'RUB'],
    ['R$ 39,90', 39.9, 'BRL'],
    ['$12.99', 12.99, 'USD'],
    ['£7', 7, 'GBP'],
    ['49,90 zł', 49.9, 'PLN'],
    ['12,- EUR', 12, 'EUR'],
    ['6480', 6480, null],
  ];

  it.each(cases)('reads %s', (text, amount, currency) => {
    expect(parsePrice(text)).toEqual({ amount, currency });
  });

  it('falls back to the default currency', () => {
    expect(parsePrice('17,5', { defaultCurrency: 'EUR' })).toEqual({
      amount: 17.5,
      currency: 'EUR',
    });
  });

  it('returns null for empty text', () => {
    expect(parsePrice('  ')).toBeNull();
  });

  it.each(['from 12 €', '10-20 EUR', 'on request'])('rejects %s', (text) => {
    expect(parsePrice(text)).toHaveProperty('error');
  });
});

describe('parseDecimal', () => {
  const cases: [string, '.' | ',', number][] = [
    ['17.779', '.', 17.779],
    ['1.234', ',', 1234],
    ['1,234', '.', 1234],
    ['1,25', '.', 1.25],
    ['1,234,567.89', '.', 1234567.89],
    ['1.234.567,89', ',', 1234567.89],
    ["1'234.50", '.', 1234.5],
    [',8', '.', 0.8],
  ];

  it.each(cases)('reads %s with file decimal %s', (text, separator, expected) => {
    expect(parseDecimal(text, separator)).toBe(expected);
  });

  it('returns null for text', () => {
    expect(parseDecimal('12 Stk')).toBeNull();
  });
});

describe('guessDecimalSeparator', () => {
  it('detects comma decimals', () => {
    expect(guessDecimalSeparator(['0,57', '2,50', '1,7'])).toBe(',');
  });

  it('detects dot decimals', () => {
    expect(guessDecimalSeparator(['61.04', '122.08', '146.5'])).toBe('.');
  });
});

describe('normalizeCurrencyCode', () => {
  it('maps RUR to RUB', () => {
    expect(normalizeCurrencyCode('RUR')).toBe('RUB');
  });

  it('keeps historic currency codes', () => {
    expect(normalizeCurrencyCode('DEM')).toBe('DEM');
  });

  it('rejects unknown codes', () => {
    expect(normalizeCurrencyCode('XYZ')).toBeNull();
  });
});

describe('value patterns', () => {
  it.each(['4006209796856', '3250614315336', '87126709'])('accepts the GTIN %s', (code) => {
    expect(isValidGtin(code)).toBe(true);
  });

  it.each(['4006209796857', '12345678901234', '00181'])('rejects the GTIN %s', (code) => {
    expect(isValidGtin(code)).toBe(false);
  });

  it.each(['4.6347E+11', '3.65275E+11', '1.22328e+11'])('flags %s as Excel notation', (value) => {
    expect(isExcelScientific(value)).toBe(true);
  });

  it('ignores ordinary decimals', () => {
    expect(isExcelScientific('4.6347')).toBe(false);
  });

  it('classifies image URLs', () => {
    expect(classifyValue('https://example.com/harmony-nova-1.jpg?v=2')).toBe('image_url');
  });

  it('classifies a price with a currency', () => {
    expect(classifyValue('€45.50')).toBe('price');
  });

  it('splits a Python-style list of URLs', () => {
    expect(splitReferenceList("['https://a.example/1.jpg', 'https://a.example/2.jpg']")).toEqual([
      'https://a.example/1.jpg',
      'https://a.example/2.jpg',
    ]);
  });

  it('splits a comma-separated image list', () => {
    expect(splitReferenceList('https://a.example/1.jpg, https://a.example/2.jpg')).toHaveLength(2);
  });

  it('keeps URLs with pipes whole', () => {
    const url = 'https://www.example.com/p.html?tags=rk:B|plc:1|dt:0';
    expect(splitReferenceList(url)).toEqual([url]);
  });
});
