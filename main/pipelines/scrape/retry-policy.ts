/**
 * When and how long to wait before fetching a page again: capped exponential backoff, and the
 * server's `Retry-After` header when it sends one.
 */

/** Retry settings of the fetcher. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  /** Delay before the first retry in ms; it doubles for each later retry. */
  baseDelayMs: number;
  /** Maximum delay in ms, for backoff and for a server's Retry-After alike. */
  maxDelayMs: number;
}

/** Returns whether an HTTP status is worth retrying: 408, 425, 429 and every 5xx except 501. */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 425 || status === 429) return true;
  return status >= 500 && status <= 599 && status !== 501;
}

/** Returns the backoff before retry number `retry` (1 for the first retry) in ms. */
export function backoffDelayMs(retry: number, options: RetryOptions): number {
  const exponent = Math.max(0, retry - 1);
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
}

/**
 * Parses a `Retry-After` value, either delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`), into ms from `now`. Returns null when the header is
 * missing or invalid; a date in the past gives 0.
 */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return null;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return null;
  return Math.max(0, time - now);
}
