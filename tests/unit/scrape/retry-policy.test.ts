import { describe, expect, it } from 'vitest';

import {
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfterMs,
} from '../../../main/pipelines/scrape/retry-policy.ts';

const OPTIONS = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelayMs', () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1000],
    [9, 1000],
  ])('waits before retry %i', (retry, expected) => {
    expect(backoffDelayMs(retry, OPTIONS)).toBe(expected);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    [null, null],
  ])('parses %s', (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [408, true],
    [501, false],
    [404, false],
    [403, false],
    [200, false],
  ])('classifies %i', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});
