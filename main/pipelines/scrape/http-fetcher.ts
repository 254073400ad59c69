/**
 * HTTP fetching for the crawler: redirects followed by hand with a cookie jar, retries with
 * backoff and Retry-After, a per-request time limit and a body size limit. Every request,
 * redirect hops and retries included, takes a slot from the host scheduler.
 */

import { setTimeout as sleep } from 'node:timers/promises';

import type { CookieJar } from './cookie-jar.ts';
import type { HostScheduler } from './host-scheduler.ts';
import {
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfterMs,
  type RetryOptions,
} from './retry-policy.ts';
import { FetchNetworkError, FetchTimeoutError, RedirectError } from './scrape-errors.ts';
import { hostKey } from './url-normalisation.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Settings shared by every request of one crawl. */
export interface FetcherOptions {
  userAgent: string;
  /** Time limit in ms for one request, from sending it to the last body byte. */
  timeoutMs: number;
  /** Body size limit in bytes; the fetcher stops reading past it. */
  maxBytes: number;
  maxRedirects: number;
  retry: RetryOptions;
  cookieJar: CookieJar;
  scheduler: HostScheduler;
  /** Aborts every request of the crawl. */
  signal?: AbortSignal;
}

/** Per-request hooks. */
export interface FetchRequestOptions {
  /** `Accept` header; HTML by default. */
  accept?: string;
  /**
   * Decides whether to follow a redirect to `url` (absolute, fragment removed). Returning a
   * reason stops the chain there and the response is returned as it is.
   */
  checkRedirect?: (url: string) => Promise<string | null> | string | null;
  /** Decides from the Content-Type whether the body is worth reading at all. */
  wantsBody?: (contentType: string | null) => boolean;
  /** Body size limit for this request, in place of the fetcher's `maxBytes`. */
  maxBytes?: number;
}

/** The response a fetch ended with, after redirects and retries. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Headers;
  contentType: string | null;
  body: Buffer;
  /** Body bytes read from the network; past `maxBytes` by at most one chunk. */
  bytes: number;
  /** The body was longer than `maxBytes` and reading stopped there. */
  truncated: boolean;
  /** `wantsBody` rejected the Content-Type, so the body was not read. */
  bodySkipped: boolean;
  /** URLs the chain was redirected to, in order. */
  redirects: string[];
  /** When `checkRedirect` stopped the chain: where it pointed and why it was not followed. */
  redirectStopped: { location: string; reason: string } | null;
  /** Attempts made, 1 when the first one succeeded. */
  attempts: number;
  /** Retry-After of the last response in ms, when it exceeded `retry.maxDelayMs`. */
  retryAfterTooLongMs: number | null;
}

/** Fetches pages under one crawl's politeness, cookie and retry settings. */
export class HttpFetcher {
  constructor(private readonly options: FetcherOptions) {}

  /**
   * Fetches `url`, retrying on 429, retryable 5xx statuses, timeouts and network failures.
   * Throws FetchTimeoutError or FetchNetworkError when the last attempt fails that way,
   * RedirectError for a loop or too many hops, and the signal's reason when the crawl aborts.
   */
  async fetch(url: string, request: FetchRequestOptions = {}): Promise<FetchedPage> {
    const { retry } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      const isLastAttempt = attempt > retry.maxRetries;
      let page: FetchedPage;
      try {
        page = await this.fetchFollowingRedirects(url, request, attempt);
      } catch (error) {
        if (isLastAttempt || !isRetryableError(error)) throw error;
        await this.waitBeforeRetry(backoffDelayMs(attempt, retry));
        continue;
      }
      if (isLastAttempt || !isRetryableStatus(page.status)) return page;
      const retryAfterMs = parseRetryAfterMs(page.headers.get('retry-after'));
      if (retryAfterMs !== null && retryAfterMs > retry.maxDelayMs) {
        return { ...page, retryAfterTooLongMs: retryAfterMs };
      }
      // Retry-After holds back the whole host, because the server asked for less traffic.
      const delayMs = retryAfterMs ?? backoffDelayMs(attempt, retry);
      this.options.scheduler.deferHost(hostKey(page.finalUrl), delayMs);
      await this.waitBeforeRetry(0);
    }
  }

  private async waitBeforeRetry(delayMs: number): Promise<void> {
    if (delayMs > 0) await sleep(delayMs, undefined, { signal: this.options.signal });
    this.options.signal?.throwIfAborted();
  }

  private async fetchFollowingRedirects(
    url: string,
    request: FetchRequestOptions,
    attempt: number,
  ): Promise<FetchedPage> {
    const { cookieJar, maxRedirects } = this.options;
    const redirects: string[] = [];
    const requestsSent = new Set<string>();
    let current = url;
    for (;;) {
      // The same URL with the same cookies again would get the same response, so it is a loop. A
      // self-redirect that set a cookie is a different request and is followed.
      const requestKey = `${current}\n${cookieJar.cookieHeaderFor(current) ?? ''}`;
      if (requestsSent.has(requestKey)) {
        throw new RedirectError('redirect_loop', url, `The redirects loop back to ${current}.`);
      }
      requestsSent.add(requestKey);
      const inFlight = await this.send(current, request);
      const location = redirectTarget(inFlight.response, current);
      if (location === undefined) {
        return this.readPage(url, current, inFlight, request, { redirects, attempt });
      }
      await discardBody(inFlight);
      const { response } = inFlight;
      if (location === null) {
        const problem = `It redirects to ${response.headers.get('location')}, which is not an http or https URL.`;
        throw new RedirectError('redirect_unsupported', url, problem);
      }
      if (redirects.length >= maxRedirects) {
        const problem = `It redirects more than ${maxRedirects} times.`;
        throw new RedirectError('too_many_redirects', url, problem);
      }
      const stopReason = location === current ? null : await request.checkRedirect?.(location);
      if (stopReason) {
        const page = emptyPage(url, current, response, { redirects, attempt });
        return { ...page, redirectStopped: { location, reason: stopReason } };
      }
      redirects.push(location);
      current = location;
    }
  }

  /** Sends one GET request inside a host slot; the slot is freed once headers arrive. */
  private async send(url: string, request: FetchRequestOptions): Promise<InFlightResponse> {
    const { scheduler, signal, userAgent, cookieJar, timeoutMs } = this.options;
    const release = await scheduler.acquire(hostKey(url), signal);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signals = signal ? [signal, timeout.signal] : [timeout.signal];
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: request.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    };
    const cookie = cookieJar.cookieHeaderFor(url);
    if (cookie) headers.cookie = cookie;
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        headers,
        signal: AbortSignal.any(signals),
      });
      cookieJar.storeFromResponse(url, response.headers.getSetCookie());
      return { response, timeoutSignal: timeout.signal, finish: () => clearTimeout(timer) };
    } catch (error) {
      clearTimeout(timer);
      throw this.describeFailure(url, error, timeout.signal);
    } finally {
      release();
    }
  }

  private async readPage(
    requestedUrl: string,
    finalUrl: string,
    inFlight: InFlightResponse,
    request: FetchRequestOptions,
    chain: { redirects: string[]; attempt: number },
  ): Promise<FetchedPage> {
    const { response } = inFlight;
    const page = emptyPage(requestedUrl, finalUrl, response, chain);
    try {
      if (request.wantsBody && !request.wantsBody(page.contentType)) {
        await response.body?.cancel();
        return { ...page, bodySkipped: true };
      }
      const { body, bytesRead, truncated } = await readLimited(
        response,
        request.maxBytes ?? this.options.maxBytes,
      );
      return { ...page, body, bytes: bytesRead, truncated };
    } catch (error) {
      throw this.describeFailure(finalUrl, error, inFlight.timeoutSignal);
    } finally {
      inFlight.finish();
    }
  }

  private describeFailure(url: string, error: unknown, timeoutSignal: AbortSignal): unknown {
    if (this.options.signal?.aborted) return this.options.signal.reason;
    if (timeoutSignal.aborted) return new FetchTimeoutError(url, this.options.timeoutMs);
    return new FetchNetworkError(url, error);
  }
}

/** A response whose body may still be streaming, with its request's time limit. */
interface InFlightResponse {
  response: Response;
  timeoutSignal: AbortSignal;
  /** Clears the time limit once the body is read or discarded. */
  finish: () => void;
}

/**
 * Returns the absolute redirect target without its fragment, null when it is not http(s), or
 * undefined when the response is not a redirect.
 */
function redirectTarget(response: Response, currentUrl: string): string | null | undefined {
  const location = response.headers.get('location');
  if (!REDIRECT_STATUSES.has(response.status) || location === null) return undefined;
  try {
    const target = new URL(location, currentUrl);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
    target.hash = '';
    return target.href;
  } catch {
    return null;
  }
}

function emptyPage(
  requestedUrl: string,
  finalUrl: string,
  response: Response,
  chain: { redirects: string[]; attempt: number },
): FetchedPage {
  return {
    requestedUrl,
    finalUrl,
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type'),
    body: Buffer.alloc(0),
    bytes: 0,
    truncated: false,
    bodySkipped: false,
    redirects: chain.redirects,
    redirectStopped: null,
    attempts: chain.attempt,
    retryAfterTooLongMs: null,
  };
}

async function discardBody(inFlight: InFlightResponse): Promise<void> {
  try {
    await inFlight.response.body?.cancel();
  } finally {
    inFlight.finish();
  }
}

async function readLimited(
  response: Response,
  maxBytes: number,
): Promise<{ body: Buffer; bytesRead: number; truncated: boolean }> {
  if (!response.body) return { body: Buffer.alloc(0), bytesRead: 0, truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return {
        body: Buffer.concat(chunks).subarray(0, maxBytes),
        bytesRead: total,
        truncated: true,
      };
    }
  }
  return { body: Buffer.concat(chunks), bytesRead: total, truncated: false };
}

function isRetryableError(error: unknown): boolean {
  return error instanceof FetchTimeoutError || error instanceof FetchNetworkError;
}
