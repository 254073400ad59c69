import iconv from 'iconv-lite';
import type { EncodingInfo } from './encoding-detection.ts';
import { feedInputError, type FeedLocation } from './feed-errors.ts';
import { guessSingleByteEncoding } from './single-byte-scoring.ts';
import { findInvalidUtf8, incompleteUtf8TailLength } from './utf8-validation.ts';

/** A decoder that reports the first invalid byte instead of writing U+FFFD. */
interface StrictDecoder {
  /** Decodes the next chunk; returns the index of the first invalid byte in it when one occurs. */
  write(chunk: Buffer): { text: string; invalidAt?: number; exact: boolean };
  /** Flushes; returns `incomplete` when the file ends inside a multi-byte character. */
  end(): { text: string; incomplete: boolean };
}

/**
 * Decodes a byte stream with the chosen encoding. Invalid bytes raise an InputError naming the
 * byte offset, the line and a likely encoding; nothing is silently replaced with U+FFFD.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Buffer>,
  encoding: EncodingInfo,
  source: string,
): AsyncGenerator<string> {
  const decoder = createStrictDecoder(encoding.name);
  let offset = 0;
  let lines = 1;
  let skip = encoding.bomLength;
  for await (const raw of chunks) {
    const chunk = skip > 0 ? raw.subarray(Math.min(skip, raw.length)) : raw;
    const start = offset + (raw.length - chunk.length);
    skip = Math.max(0, skip - raw.length);
    offset += raw.length;
    const { text, invalidAt, exact } = decoder.write(chunk);
    if (invalidAt !== undefined) {
      const where = { byteOffset: start + invalidAt, line: lines + countNewlines(text) };
      throw invalidByteError(source, encoding, chunk, invalidAt, where, exact);
    }
    lines += countNewlines(text);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail.incomplete) {
    throw feedInputError(
      'truncated_character',
      source,
      { byteOffset: offset, line: lines },
      `The file ends in the middle of a ${encoding.name} character, so it is probably truncated.`,
      'Download or export the file again and check that it is complete.',
    );
  }
  if (tail.text) yield tail.text;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function invalidByteError(
  source: string,
  encoding: EncodingInfo,
  chunk: Buffer,
  index: number,
  where: FeedLocation,
  exact: boolean,
) {
  const byte = chunk[index] ?? 0;
  const window = chunk.subarray(Math.max(0, index - 2048), index + 2048);
  const likely = guessSingleByteEncoding(window).encoding;
  const declared = encoding.source === 'declaration' ? ` although the file declares it` : '';
  const approx = exact ? '' : ' (offset of the chunk containing it)';
  return feedInputError(
    'invalid_encoding',
    source,
    where,
    `Byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} is not valid ` +
      `${encoding.name}${declared}${approx}.`,
    `Pass the encoding option (the bytes look like ${likely}) or re-export the file as UTF-8.`,
  );
}

function createStrictDecoder(name: string): StrictDecoder {
  if (name === 'utf-8') return createUtf8Decoder();
  if (name === 'utf-16le' || name === 'utf-16be') return createUtf16Decoder(name);
  return createIconvDecoder(name);
}

function createUtf8Decoder(): StrictDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Buffer = Buffer.alloc(0);
  return {
    write(chunk) {
      const bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const cut = bytes.length - incompleteUtf8TailLength(bytes);
      const complete = bytes.subarray(0, cut);
      pending = Buffer.from(bytes.subarray(cut));
      try {
        return { text: decoder.decode(complete), exact: true };
      } catch {
        const bad = findInvalidUtf8(complete);
        const text = decoder.decode(complete.subarray(0, bad));
        // The index is relative to `chunk`; bytes carried over from the last chunk come first.
        return { text, invalidAt: Math.max(0, bad - (bytes.length - chunk.length)), exact: true };
      }
    },
    end() {
      return { text: '', incomplete: pending.length > 0 };
    },
  };
}

function createUtf16Decoder(name: 'utf-16le' | 'utf-16be'): StrictDecoder {
  const decoder = new TextDecoder(name, { fatal: true, ignoreBOM: true });
  return {
    write(chunk) {
      try {
        return { text: decoder.decode(chunk, { stream: true }), exact: false };
      } catch {
        // NOTE: TextDecoder does not say where the unpaired surrogate is, so the error cites
        // the start of the chunk that contains it.
        return { text: '', invalidAt: 0, exact: false };
      }
    },
    end() {
      try {
        return { text: decoder.decode(), incomplete: false };
      } catch {
        return { text: '', incomplete: true };
      }
    },
  };
}

function createIconvDecoder(name: string): StrictDecoder {
  const decoder = iconv.getDecoder(name);
  // In a single-byte code page every byte is one character, so a U+FFFD in the output sits at
  // the same index as the undefined byte. Multi-byte code pages only give the chunk.
  const allBytes = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
  const singleByte = iconv.decode(allBytes, name).length === 256;
  return {
    write(chunk) {
      const text = decoder.write(chunk);
      const bad = text.indexOf('\uFFFD');
      if (bad === -1) return { text, exact: true };
      return { text: text.slice(0, bad), invalidAt: singleByte ? bad : 0, exact: singleByte };
    },
    end() {
      const text = decoder.end() ?? '';
      return { text, incomplete: text.includes('\uFFFD') };
    },
  };
}
