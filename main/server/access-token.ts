/** The random token that guards browser mode, and its constant-time check. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Cookie that carries the token after the first page load, for assets and the socket. */
export const TOKEN_COOKIE = 'kai_token';

/** Creates a token of 32 random bytes, base64url-encoded. */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares a presented token with the expected one in constant time. Both are hashed first
 * so that inputs of different lengths take the same time as well.
 */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}

/** Reads the token from the `token` query parameter or, failing that, the token cookie. */
export function presentedToken(url: URL, cookieHeader: string | undefined): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}
