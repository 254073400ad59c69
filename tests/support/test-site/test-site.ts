/**
 * A local shop for crawler tests, on 127.0.0.1 with a random port. It serves the corpus HTML
 * fixtures and small pages that exercise robots.txt, sitemaps, redirects, cookies, retries,
 * timeouts, size limits and deduplication, and records every request it receives.
 * `TEST_SITE_ROUTES` in test-site-routes.ts lists what each path does.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleTestSiteRequest, type RouteContext } from './test-site-routes.ts';

/** One request the site received. */
export interface RecordedRequest {
  method: string;
  /** Path and query exactly as the client sent them. */
  path: string;
  userAgent: string | null;
  cookie: string | null;
  /** `performance.now()` when the request arrived, in ms. */
  receivedAt: number;
}

/** Settings of a test site. */
export interface TestSiteOptions {
  /** Crawl-delay in seconds in the KAI-Console group of robots.txt. Default 0.05. */
  crawlDelaySeconds?: number;
  /** Size of /huge.html in bytes. Default 6 MiB, above the crawler's 5 MiB default limit. */
  hugePageBytes?: number;
  /** Delay in ms before /slow.html responds. Default 5000. */
  slowPageDelayMs?: number;
  /** Base URL of another server that the home page links to, to prove scope is kept. */
  offsiteUrl?: string;
}

/** A running test site. */
export interface TestSite {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request received so far, in arrival order; the array is live. */
  requests: RecordedRequest[];
  /** Stops the server and drops open connections (slow and huge responses included). */
  close: () => Promise<void>;
}

/** Starts a test site on 127.0.0.1 with a random free port. */
export async function startTestSite(options: TestSiteOptions = {}): Promise<TestSite> {
  const requests: RecordedRequest[] = [];
  const context: RouteContext = {
    origin: '',
    crawlDelaySeconds: options.crawlDelaySeconds ?? 0.05,
    hugePageBytes: options.hugePageBytes ?? 6 * 1024 * 1024,
    slowPageDelayMs: options.slowPageDelayMs ?? 5000,
    offsiteUrl: options.offsiteUrl ?? null,
    hits: new Map(),
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      userAgent: request.headers['user-agent'] ?? null,
      cookie: request.headers.cookie ?? null,
      receivedAt: performance.now(),
    });
    handleTestSiteRequest(request, response, context).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`test site error: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  context.origin = `http://127.0.0.1:${port}`;
  return {
    url: context.origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
