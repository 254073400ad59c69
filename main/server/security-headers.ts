/**
 * Security headers of browser mode. The Content-Security-Policy matches the `<meta>` policy
 * in `renderer/index.html` (which the Electron window uses) and adds the directives that
 * only work as a header (`frame-ancestors`).
 */

/** The renderer's policy; keep in step with `renderer/index.html`. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers sent with every browser-mode response. No CORS headers: only same-origin use. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${RENDERER_CSP}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The page URL carries the access token, so no Referer may leave the page.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
