/**
 * Browser mode's HTTP server: the built renderer, tile images from the data folder, and the
 * contract over `/api/ws`. Every request needs the access token, from `?token=` or from the
 * cookie the first page load sets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WS_PATH } from '../../contract/websocket-protocol.ts';
import type { CoreApi } from '../api/core-api.ts';
import type { Logger } from '../log.ts';
import { presentedToken, TOKEN_COOKIE, tokenMatches } from './access-token.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { decodePath, sendFile } from './static-files.ts';
import { WebSocketEndpoint } from './websocket-endpoint.ts';

/** URL path prefix of data-folder files; `assetUrl` builds these. */
export const FILES_PREFIX = '/files/';

export interface BrowserServerOptions {
  api: CoreApi;
  logger: Logger;
  token: string;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** The core's data folder; only files inside it are served under `/files/`. */
  dataDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface BrowserServer {
  readonly port: number;
  /** The page URL including the token. */
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the URL of a data-folder file for the UI (the cookie carries the token). */
export function browserAssetUrl(relativePath: string): string {
  return FILES_PREFIX + relativePath.split('/').map(encodeURIComponent).join('/');
}

/** Starts listening and resolves once the port is bound. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const endpoint = new WebSocketEndpoint(options.api, options.logger.child({ component: 'ws' }));
  const server = createServer((request, response) => {
    handleRequest(options, request, response).catch((error: unknown) => {
      options.logger.error({ err: error, url: redactedUrl(request) }, 'HTTP request failed.');
      if (!response.headersSent) respond(response, 500, 'Internal error; see the log.');
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket, head) =>
    handleUpgrade(options, endpoint, request, socket, head),
  );

  await listen(server, options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostForUrl}:${port}/?token=${encodeURIComponent(options.token)}`;
  options.logger.info({ host: options.host, port }, 'Browser mode listening.');

  return {
    port,
    url,
    async close() {
      await endpoint.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      options.logger.info('Browser mode stopped.');
    },
  };
}

async function handleRequest(
  options: BrowserServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const token = presentedToken(url, request.headers.cookie);
  if (!token)
    return respond(response, 401, 'Missing access token; open the URL kai serve printed.');
  if (!tokenMatches(options.token, token)) {
    options.logger.warn({ path: url.pathname }, 'Request with a wrong access token rejected.');
    return respond(response, 403, 'Invalid access token; open the URL kai serve printed.');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return respond(response, 405, `Method ${request.method} is not allowed.`);
  }

  const path = decodePath(url.pathname);
  if (path === null) return respond(response, 400, 'Malformed percent-encoding in the path.');
  const headers = { ...SECURITY_HEADERS, 'Set-Cookie': tokenCookie(options.token) };
  const method = request.method;

  if (path.startsWith(FILES_PREFIX)) {
    const relative = path.slice(FILES_PREFIX.length);
    if (await sendFile(response, options.dataDir, relative, headers, method)) return;
    return respond(response, 404, 'File not found in the data folder.');
  }
  const page = path === '/' ? 'index.html' : path.slice(1);
  const pageHeaders = page === 'index.html' ? { ...headers, 'Cache-Control': 'no-store' } : headers;
  if (await sendFile(response, options.rendererDir, page, pageHeaders, method)) return;
  if (page === 'index.html') {
    return respond(response, 503, 'The renderer is not built; run npx electron-vite build.');
  }
  return respond(response, 404, 'Not found.');
}

function handleUpgrade(
  options: BrowserServerOptions,
  endpoint: WebSocketEndpoint,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== WS_PATH) {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    return;
  }
  const authorised =
    tokenMatches(options.token, presentedToken(url, request.headers.cookie)) &&
    originAllowed(request);
  if (!authorised) options.logger.warn('WebSocket with a missing or wrong token or origin closed.');
  endpoint.handleUpgrade(request, socket, head, authorised);
}

/** Rejects cross-site pages: a browser sends Origin, and it must name this server. */
function originAllowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

function respond(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
  });
  response.end(`${message}\n`);
}

function redactedUrl(request: IncomingMessage): string {
  return (request.url ?? '').replace(/token=[^&]*/, 'token=REDACTED');
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
