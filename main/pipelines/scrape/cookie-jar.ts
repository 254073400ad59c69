/**
 * A per-crawl cookie jar with the RFC 6265 rules a crawler needs: domain and path matching,
 * host-only cookies, Max-Age and Expires, and Secure. Some shops respond to the first request with
 * a redirect to the same URL that sets a session cookie, and serve the page only when the
 * cookie comes back.
 */

interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  /** Milliseconds since the epoch, or null for a session cookie. */
  expiresAt: number | null;
}

/** Cookies collected during one crawl. Never persisted. */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the cookies of the `Set-Cookie` headers of a response to `requestUrl`. */
  storeFromResponse(requestUrl: string, setCookieHeaders: readonly string[]): void {
    const url = new URL(requestUrl);
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, url, this.now());
      if (!cookie) continue;
      const id = `${cookie.domain};${cookie.path};${cookie.name}`;
      if (cookie.expiresAt !== null && cookie.expiresAt <= this.now()) this.cookies.delete(id);
      else this.cookies.set(id, cookie);
    }
  }

  /** Returns the `Cookie` request header value for `requestUrl`, or null when none apply. */
  cookieHeaderFor(requestUrl: string): string | null {
    const url = new URL(requestUrl);
    const host = url.hostname;
    const now = this.now();
    const matching = [...this.cookies.values()].filter(
      (cookie) =>
        (cookie.expiresAt === null || cookie.expiresAt > now) &&
        (cookie.hostOnly ? host === cookie.domain : domainMatches(host, cookie.domain)) &&
        pathMatches(url.pathname, cookie.path) &&
        (!cookie.secure || url.protocol === 'https:'),
    );
    // RFC 6265 section 5.4: longer paths first.
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? null : matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** Number of cookies stored, expired ones included until they are next replaced. */
  get size(): number {
    return this.cookies.size;
  }
}

function parseSetCookie(header: string, url: URL, now: number): StoredCookie | null {
  const [pair = '', ...attributeParts] = header.split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return null;
  const cookie: StoredCookie = {
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    domain: url.hostname,
    hostOnly: true,
    path: defaultPath(url.pathname),
    secure: false,
    expiresAt: null,
  };
  let maxAgeSeen = false;
  for (const part of attributeParts) {
    const [rawKey = '', ...rest] = part.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'domain' && value !== '') {
      const domain = value.replace(/^\./, '').toLowerCase();
      // A server may only set cookies for its own domain or a parent of it.
      if (!domainMatches(url.hostname, domain)) return null;
      cookie.domain = domain;
      cookie.hostOnly = false;
    } else if (key === 'path' && value.startsWith('/')) {
      cookie.path = value;
    } else if (key === 'secure') {
      cookie.secure = true;
    } else if (key === 'max-age' && /^-?\d+$/.test(value)) {
      maxAgeSeen = true;
      cookie.expiresAt = now + Number(value) * 1000;
    } else if (key === 'expires' && !maxAgeSeen) {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expiresAt = time;
    }
  }
  return cookie;
}

function domainMatches(host: string, domain: string): boolean {
  // RFC 6265 section 5.1.3: an IP address only matches itself.
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host === domain;
  return host === domain || host.endsWith(`.${domain}`);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf('/');
  return lastSlash <= 0 ? '/' : requestPath.slice(0, lastSlash);
}
