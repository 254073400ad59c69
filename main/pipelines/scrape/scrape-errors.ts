/**
 * Typed errors of the scrape library. Transient ones (timeouts, network failures) are worth
 * another attempt; input errors (a redirect loop, an invalid start URL) are not.
 */

import { InputError, TransientError } from '../../jobs/job-errors.ts';

/** A request that did not finish within the per-page time limit. */
export class FetchTimeoutError extends TransientError {
  override name = 'FetchTimeoutError';

  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super('fetch_timeout', `Fetching ${url} timed out after ${timeoutMs} ms.`);
  }
}

/** A connection that failed before a response arrived: refused, reset, DNS failure. */
export class FetchNetworkError extends TransientError {
  override name = 'FetchNetworkError';

  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? describeCause(cause) : String(cause);
    super('fetch_network', `Fetching ${url} failed: ${detail}.`, { cause });
  }
}

/** A redirect chain the fetcher gave up on: a loop, too many hops or an unsupported target. */
export class RedirectError extends InputError {
  override name = 'RedirectError';

  constructor(
    code: 'redirect_loop' | 'too_many_redirects' | 'redirect_unsupported',
    source: string,
    problem: string,
  ) {
    super(code, {
      source,
      problem,
      fix: 'Open the URL in a browser to check where it leads, then start the crawl from the final page.',
    });
  }
}

/** A start URL that is not an absolute http or https URL. */
export class InvalidStartUrlError extends InputError {
  override name = 'InvalidStartUrlError';

  constructor(url: string) {
    super('invalid_start_url', {
      source: url,
      problem: 'The start URL is not an absolute http or https URL.',
      fix: 'Enter a full address such as https://shop.example/catalog.',
    });
  }
}

function describeCause(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return error.message;
}
