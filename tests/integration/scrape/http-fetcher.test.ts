import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CookieJar } from '../../../main/pipelines/scrape/cookie-jar.ts';
import { HostScheduler } from '../../../main/pipelines/scrape/host-scheduler.ts';
import { HttpFetcher, type FetcherOptions } from '../../../main/pipelines/scrape/http-fetcher.ts';
import {
  FetchNetworkError,
  FetchTimeoutError,
  RedirectError,
} from '../../../main/pipelines/scrape/scrape-errors.ts';
import { startTestSite, type TestSite } from '../../support/test-site/test-site.ts';

let site: TestSite;

beforeAll(async () => {
  site = await startTestSite({ hugePageBytes: 2 * 1024 * 1024, slowPageDelayMs: 3000 });
});

afterAll(async () => {
  await site.close();
});

function fetcher(overrides: Partial<FetcherOptions> = {}): HttpFetcher {
  return new HttpFetcher({
    userAgent: 'KAI-Console/0.1.0',
    timeoutMs: 2000,
    maxBytes: 1024 * 1024,
    maxRedirects: 10,
    retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 2000 },
    cookieJar: new CookieJar(),
    scheduler: new HostScheduler(2, 0),
    ...overrides,
  });
}

function requestsFor(path: string) {
  return site.requests.filter((request) => request.path === path);
}

describe('HttpFetcher redirects', () => {
  it('follows a redirect chain', async () => {
    const page = await fetcher().fetch(`${site.url}/moved/start`);
    expect({ status: page.status, finalUrl: page.finalUrl, redirects: page.redirects }).toEqual({
      status: 200,
      finalUrl: `${site.url}/moved/final.html`,
      redirects: [`${site.url}/moved/step-2`, `${site.url}/moved/final.html`],
    });
  });

  it('detects a redirect loop', async () => {
    await expect(fetcher().fetch(`${site.url}/loop/a`)).rejects.toMatchObject({
      name: 'RedirectError',
      code: 'redirect_loop',
    });
  });

  it('stops after maxRedirects', async () => {
    const error = await fetcher({ maxRedirects: 3 })
      .fetch(`${site.url}/hops/100`)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectError);
  });

  it('requests at most maxRedirects hops', async () => {
    await fetcher({ maxRedirects: 3 })
      .fetch(`${site.url}/hops/200`)
      .catch(() => undefined);
    const hops = site.requests.filter((request) => /^\/hops\/20\d$/.test(request.path));
    expect(hops.map((request) => request.path)).toEqual([
      '/hops/200',
      '/hops/201',
      '/hops/202',
      '/hops/203',
    ]);
  });

  it('passes the cookie gate on the second request', async () => {
    const page = await fetcher().fetch(`${site.url}/cookie-gate.html`);
    expect(page.status).toBe(200);
  });

  it('sends the cookie it was given', () => {
    expect(requestsFor('/cookie-gate.html').map((request) => request.cookie)).toEqual([
      null,
      'gate=passed',
    ]);
  });

  it('lets checkRedirect stop a chain', async () => {
    const page = await fetcher().fetch(`${site.url}/old/adhesive`, {
      checkRedirect: () => 'already known',
    });
    expect(page.redirectStopped).toEqual({
      location: `${site.url}/products/tile-adhesive.html`,
      reason: 'already known',
    });
  });
});

describe('HttpFetcher retries', () => {
  it('waits for Retry-After seconds on 429', async () => {
    const page = await fetcher().fetch(`${site.url}/busy.html`);
    const [first, second] = requestsFor('/busy.html');
    expect({ status: page.status, attempts: page.attempts }).toEqual({ status: 200, attempts: 2 });
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('recovers from a 500', async () => {
    const page = await fetcher().fetch(`${site.url}/flaky.html`);
    expect({ status: page.status, attempts: page.attempts }).toEqual({ status: 200, attempts: 2 });
  });

  it('returns a permanent 500 after the last retry', async () => {
    const page = await fetcher().fetch(`${site.url}/broken.html`);
    expect({
      status: page.status,
      attempts: page.attempts,
      requests: requestsFor('/broken.html').length,
    }).toEqual({
      status: 500,
      attempts: 3,
      requests: 3,
    });
  });

  it('backs off exponentially between retries', () => {
    const [first, second, third] = requestsFor('/broken.html').map((request) => request.receivedAt);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(9);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(19);
  });

  it('does not wait for a Retry-After beyond the cap', async () => {
    const page = await fetcher().fetch(`${site.url}/overloaded.html`);
    expect({
      retryAfterTooLongMs: page.retryAfterTooLongMs,
      requests: requestsFor('/overloaded.html').length,
    }).toEqual({
      retryAfterTooLongMs: 3_600_000,
      requests: 1,
    });
  });

  it('times out a slow page on every attempt', async () => {
    const slow = fetcher({
      timeoutMs: 150,
      retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 100 },
    });
    await expect(slow.fetch(`${site.url}/slow.html`)).rejects.toBeInstanceOf(FetchTimeoutError);
    expect(requestsFor('/slow.html')).toHaveLength(2);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = fetcher({ retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 10 } });
    await expect(refused.fetch(`http://127.0.0.1:${port}/`)).rejects.toBeInstanceOf(
      FetchNetworkError,
    );
  });
});

describe('HttpFetcher limits', () => {
  it('stops reading an oversized page', async () => {
    const page = await fetcher({ maxBytes: 256 * 1024 }).fetch(`${site.url}/huge.html`);
    expect({ truncated: page.truncated, bodyLength: page.body.length }).toEqual({
      truncated: true,
      bodyLength: 256 * 1024,
    });
  });

  it('reads at most one chunk past the limit', async () => {
    const page = await fetcher({ maxBytes: 256 * 1024 }).fetch(`${site.url}/huge.html`);
    expect(page.bytes).toBeLessThan(256 * 1024 + 128 * 1024);
  });

  it('skips an unwanted body', async () => {
    const page = await fetcher().fetch(`${site.url}/download?id=7`, { wantsBody: () => false });
    expect({
      bodySkipped: page.bodySkipped,
      bytes: page.bytes,
      contentType: page.contentType,
    }).toEqual({
      bodySkipped: true,
      bytes: 0,
      contentType: 'application/pdf',
    });
  });

  it('sends the user agent', () => {
    expect(new Set(site.requests.map((request) => request.userAgent))).toEqual(
      new Set(['KAI-Console/0.1.0']),
    );
  });

  it('rejects with the abort reason', async () => {
    const controller = new AbortController();
    const pending = fetcher({ signal: controller.signal }).fetch(`${site.url}/slow.html`);
    setTimeout(() => controller.abort(new Error('stopped by test')), 50);
    await expect(pending).rejects.toThrow('stopped by test');
  });
});

describe('HttpFetcher Retry-After dates', () => {
  let server: Server;
  const arrivals: number[] = [];

  beforeAll(async () => {
    server = createServer((_request, response) => {
      arrivals.push(Date.now());
      if (arrivals.length === 1) {
        const retryAt = new Date(Date.now() + 2000).toUTCString();
        response.writeHead(503, { 'retry-after': retryAt });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<p>back</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('waits until an HTTP-date', async () => {
    const { port } = server.address() as AddressInfo;
    const page = await fetcher().fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    // HTTP-dates have whole seconds, so a date 2 s ahead is between 1 and 2 s away.
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });
});
