/**
 * Character-encoding detection and decoding for fetched HTML, following the order of the
 * WHATWG HTML encoding sniffing algorithm: byte order mark, then the Content-Type header, then a
 * `<meta charset>` or `http-equiv` prescan, then a UTF-8 validity check with windows-1252 as the
 * fallback.
 */

import iconv from 'iconv-lite';

/** Source of a decoded page's encoding. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'sniffed';

/** A decoded document and the encoding used. */
export interface DecodedText {
  text: string;
  /** Canonical iconv-lite name, e.g. `utf-8`, `windows-1252`. */
  charset: string;
  source: CharsetSource;
}

/**
 * The HTML standard prescans the first 1,024 bytes for a meta charset. Saved pages and some
 * shops put long comments or scripts before it, so the prescan reads further.
 */
const META_PRESCAN_BYTES = 4096;

// The WHATWG Encoding Standard decodes these labels as windows-1252.
const WINDOWS_1252_ALIASES = new Set([
  'ascii',
  'us-ascii',
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'cp1252',
  'x-cp1252',
  'cp819',
  'ibm819',
]);

/** Detects the encoding of `bytes` and decodes them. The BOM, when present, is not in `text`. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): DecodedText {
  const { charset, source } = detectCharset(bytes, contentType);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // iconv-lite strips a BOM that matches the encoding by default.
  return { text: iconv.decode(buffer, charset), charset, source };
}

/** Detects the encoding of an HTML document. */
export function detectCharset(
  bytes: Uint8Array,
  contentType: string | null,
): { charset: string; source: CharsetSource } {
  const fromBom = charsetFromBom(bytes);
  if (fromBom) return { charset: fromBom, source: 'bom' };
  const fromHeader = resolveCharsetLabel(charsetFromContentType(contentType));
  if (fromHeader) return { charset: fromHeader, source: 'header' };
  const fromMeta = resolveCharsetLabel(charsetFromMeta(bytes));
  // A meta tag cannot declare UTF-16: the bytes it was read from were ASCII-compatible.
  if (fromMeta)
    return { charset: fromMeta.startsWith('utf-16') ? 'utf-8' : fromMeta, source: 'meta' };
  return { charset: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', source: 'sniffed' };
}

/** Returns the `charset` parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2] ?? null;
}

/**
 * Maps a charset label to a name iconv-lite decodes, or null for unknown labels. Latin-1 and
 * ASCII labels map to windows-1252, as the Encoding Standard requires.
 */
export function resolveCharsetLabel(label: string | null): string | null {
  if (!label) return null;
  const lower = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(lower)) return 'windows-1252';
  if (lower === 'utf8' || lower === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(lower) ? lower : null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** Finds `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of withoutComments.match(/<meta\b[^>]*>/gi) ?? []) {
    const attributes = parseTagAttributes(tag);
    const direct = attributes.get('charset');
    if (direct) return direct;
    const content = attributes.get('content');
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type' && content) {
      const fromContent = charsetFromContentType(`;${content}`);
      if (fromContent) return fromContent;
    }
  }
  return null;
}

function parseTagAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s=/<>"']+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const match of tag.replace(/^<meta\b/i, '').matchAll(pattern)) {
    const name = match[1]?.toLowerCase();
    if (!name || attributes.has(name)) continue;
    attributes.set(name, (match[3] ?? match[4] ?? match[5] ?? '').trim());
  }
  return attributes;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
