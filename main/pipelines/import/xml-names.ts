/**
 * Field names for namespaced XML. Known namespaces get a fixed prefix whatever prefix the file
 * declares, so `<google:price xmlns:google="http://base.google.com/ns/1.0">` and `<g:price>`
 * both become the field `g:price`, and BMEcat or Atom elements lose their default namespace.
 */

/** Namespace URI of Google Merchant (Google Base) feed elements. */
export const GOOGLE_BASE_NAMESPACE = 'http://base.google.com/ns/1.0';
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** True for the namespace URIs of BMEcat 1.x and 2005 (`http://www.bmecat.org/...`). */
export function isBmecatNamespace(uri: string): boolean {
  return uri.startsWith('http://www.bmecat.org/');
}

function knownPrefix(uri: string): string | undefined {
  if (uri === GOOGLE_BASE_NAMESPACE) return 'g';
  if (uri === ATOM_NAMESPACE || isBmecatNamespace(uri)) return '';
  if (uri === XML_NAMESPACE) return 'xml';
  if (uri === XSI_NAMESPACE) return 'xsi';
  return undefined;
}

/** Returns the field name of an element or attribute from its namespace URI and local name. */
export function canonicalName(uri: string, prefix: string, local: string): string {
  const fixed = knownPrefix(uri);
  if (fixed !== undefined) return fixed ? `${fixed}:${local}` : local;
  if (!uri) return local;
  return prefix ? `${prefix}:${local}` : local;
}

/** A compiled record path such as `rss/channel/item`. */
export interface RecordPathMatcher {
  readonly pattern: string;
  readonly depth: number;
  matches(stack: readonly string[]): boolean;
}

/**
 * Compiles a slash-separated record path. A segment may be `*` (any element) or list
 * alternatives separated by `|`; names are the canonical field names described above.
 */
export function compileRecordPath(pattern: string): RecordPathMatcher {
  const segments = pattern
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment === '*' ? null : new Set(segment.split('|'))));
  return {
    pattern,
    depth: segments.length,
    matches(stack) {
      if (stack.length !== segments.length) return false;
      return segments.every((segment, i) => segment === null || segment.has(stack[i] ?? ''));
    },
  };
}
