import iconv from 'iconv-lite';
import { feedInputError } from './feed-errors.ts';
import { guessSingleByteEncoding } from './single-byte-scoring.ts';

/** Origin of the chosen encoding. */
export type EncodingSource = 'bom' | 'declaration' | 'option' | 'detected';

/** The encoding a feed is decoded with. */
export interface EncodingInfo {
  /** Canonical lower-case name as iconv-lite and TextDecoder accept it, e.g. `utf-8`, `cp850`. */
  name: string;
  source: EncodingSource;
  /** 0-1; 1 for a BOM or an explicit option, lower for heuristics. */
  confidence: number;
  /** Bytes of byte-order mark at the start of the file (skipped when decoding). */
  bomLength: number;
}

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  latin1: 'iso-8859-1',
  l1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  cp1252: 'windows-1252',
  cp1251: 'windows-1251',
  cp1250: 'windows-1250',
  ibm850: 'cp850',
  '850': 'cp850',
  ibm437: 'cp437',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
};

/** Maps an encoding label (`UTF8`, `Latin1`, `IBM850`) to its canonical name, or null. */
export function normalizeEncodingName(label: string): string | null {
  const lower = label.trim().toLowerCase();
  const name = ALIASES[lower] ?? lower;
  return iconv.encodingExists(name) ? name : null;
}

/** Returns the encoding named by a byte-order mark at the start of `sample`. */
export function detectBom(sample: Uint8Array): { name: string; length: number } | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { name: 'utf-8', length: 3 };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { name: 'utf-16le', length: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { name: 'utf-16be', length: 2 };
  return null;
}

/** Recognises UTF-16 without a BOM from the zero bytes of ASCII characters. */
export function sniffUtf16(sample: Uint8Array): string | null {
  const pairs = Math.min(64, Math.floor(sample.length / 2));
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZeros++;
    if (sample[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.7 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros === 0) return 'utf-16be';
  return null;
}

/** Returns the `encoding` pseudo-attribute of an XML declaration at the start of `head`. */
export function readXmlDeclaredEncoding(head: string): string | null {
  const match = /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1] ?? null;
}

/** True when `sample` is valid UTF-8, allowing a sequence cut off at its end. */
export function isValidUtf8Prefix(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export interface EncodingHints {
  /** An explicit encoding from the caller; wins over everything but must exist. */
  option?: string;
  /** Encoding named inside the file (XML declaration). */
  declared?: string | null;
  /** Encoding preferred when the single-byte heuristic cannot tell candidates apart. */
  preferredSingleByte?: string;
}

/** Chooses the encoding of a feed from its first bytes and the hints. */
export function detectEncoding(
  sample: Uint8Array,
  source: string,
  hints: EncodingHints = {},
): EncodingInfo {
  const bom = detectBom(sample);
  const bomLength = bom?.length ?? 0;
  if (hints.option) return fromOption(hints.option, source, bom);
  if (bom) return { name: bom.name, source: 'bom', confidence: 1, bomLength };
  const utf16 = sniffUtf16(sample);
  if (utf16) return { name: utf16, source: 'detected', confidence: 0.9, bomLength: 0 };
  const declared = hints.declared ? normalizeEncodingName(hints.declared) : null;
  if (declared) return { name: declared, source: 'declaration', confidence: 0.9, bomLength: 0 };
  return guessEncoding(sample, hints.preferredSingleByte);
}

function fromOption(
  option: string,
  source: string,
  bom: { name: string; length: number } | null,
): EncodingInfo {
  const name = normalizeEncodingName(option);
  if (!name) {
    throw feedInputError(
      'unknown_encoding',
      source,
      undefined,
      `The encoding "${option}" is not known.`,
      'Use a standard name such as utf-8, windows-1252, iso-8859-1, cp850 or windows-1251.',
    );
  }
  // A BOM of the same encoding is still skipped; any other leading bytes are content.
  const bomLength = bom && bom.name === name ? bom.length : 0;
  return { name, source: 'option', confidence: 1, bomLength };
}

function guessEncoding(sample: Uint8Array, preferred: string | undefined): EncodingInfo {
  if (isValidUtf8Prefix(sample)) {
    const ascii = sample.every((byte) => byte < 0x80);
    // NOTE: an all-ASCII sample cannot show whether later bytes are UTF-8. A later non-UTF-8
    // byte then fails decoding with its offset instead of being guessed here.
    return { name: 'utf-8', source: 'detected', confidence: ascii ? 0.6 : 0.95, bomLength: 0 };
  }
  const guess = guessSingleByteEncoding(sample, preferred);
  const margin = guess.score - guess.runnerUpScore;
  let confidence = 0.4;
  if (margin > 0) confidence = 0.6;
  if (margin >= 10) confidence = 0.8;
  return { name: guess.encoding, source: 'detected', confidence, bomLength: 0 };
}
