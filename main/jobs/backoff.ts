/** Retry delay settings: the delay doubles per attempt from `baseMs`, capped at `maxMs`. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Returns the delay before retry number `retryCount` (1 for the first retry): capped
 * exponential backoff with "equal jitter", so the delay is at least half the capped value
 * and retries of many jobs that failed together spread out.
 */
export function retryDelayMs(
  retryCount: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, retryCount - 1);
  const capped = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(capped / 2 + random() * (capped / 2));
}
