import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../main/jobs/backoff.ts';

describe('retry backoff', () => {
  const options = { baseMs: 1_000, maxMs: 10_000 };

  it.each([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [3, 2_000, 4_000],
    [4, 4_000, 8_000],
    [5, 5_000, 10_000],
    [9, 5_000, 10_000],
  ])('keeps retry %i between %i and %i ms', (retry, low, high) => {
    expect(retryDelayMs(retry, options, () => 0)).toBe(low);
    expect(retryDelayMs(retry, options, () => 1)).toBe(high);
  });

  it('spreads delays with jitter', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, options)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
