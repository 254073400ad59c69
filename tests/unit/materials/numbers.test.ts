import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '../../../main/pipelines/pdf/materials/numbers.ts';

describe('parseLocaleNumber', () => {
  it.each([
    ['1.234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['12 900', 12900],
    ['1 520 000', 1520000],
    ['12\u00a0900', 12900],
    ['12,90', 12.9],
    ['19,8', 19.8],
    ['1.234', 1234],
    ['1,234', 1234],
    ["1'234.50", 1234.5],
    ['6.5', 6.5],
    ['300', 300],
  ])('parses %s', (raw, expected) => {
    expect(parseLocaleNumber(raw)).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '12.', '12 34', '1.23.4', '€12'])('rejects %j', (raw) => {
    expect(parseLocaleNumber(raw)).toBeNull();
  });
});
