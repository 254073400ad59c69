/**
 * Splits page text into overlapping chunks for search and embeddings. A chunk never spans two
 * pages, so every chunk cites one page. The output depends only on the input text and options,
 * so a rerun produces the same chunks and can upsert them by (pageNumber, chunkIndex).
 */

/** One chunk of one page. */
export interface TextChunk {
  /** 0-based position of the chunk in the whole document. */
  chunkIndex: number;
  pageNumber: number;
  /** Exactly `pageText.slice(charStart, charEnd)`. */
  text: string;
  /** Offset in the page text, in UTF-16 code units (JavaScript string indices). */
  charStart: number;
  /** Exclusive end offset in the page text. */
  charEnd: number;
}

/** Chunk size limits, in characters (UTF-16 code units). */
export interface ChunkOptions {
  /** Upper bound on a chunk's length. Default 1200. */
  maxChars?: number;
  /** How far a chunk reaches back into the previous one. Default 150. */
  overlapChars?: number;
}

interface Breaks {
  paragraph: number[];
  sentence: number[];
  line: number[];
  word: number[];
}

/**
 * Chunks each page on its own. A chunk ends at the last paragraph break in the second half of
 * the size window, else the last sentence end there, else the last line break there, else the
 * last space, else at `maxChars` exactly. The next chunk starts at the first sentence start,
 * else word start, at or after `overlapChars` before that end.
 */
export function chunkPages(
  pages: ReadonlyArray<{ pageNumber: number; text: string }>,
  options: ChunkOptions = {},
): TextChunk[] {
  const maxChars = options.maxChars ?? 1200;
  const overlapChars = options.overlapChars ?? 150;
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw new RangeError(`maxChars must be a positive integer, got ${maxChars}.`);
  }
  if (!Number.isInteger(overlapChars) || overlapChars < 0 || overlapChars >= maxChars) {
    throw new RangeError(`overlapChars must be an integer in [0, maxChars), got ${overlapChars}.`);
  }

  const chunks: TextChunk[] = [];
  for (const page of pages) {
    for (const [charStart, charEnd] of chunkSpans(page.text, maxChars, overlapChars)) {
      chunks.push({
        chunkIndex: chunks.length,
        pageNumber: page.pageNumber,
        text: page.text.slice(charStart, charEnd),
        charStart,
        charEnd,
      });
    }
  }
  return chunks;
}

function chunkSpans(text: string, maxChars: number, overlapChars: number): Array<[number, number]> {
  const breaks = findBreaks(text);
  const spans: Array<[number, number]> = [];
  let start = skipSpace(text, 0);
  while (start < text.length) {
    const end = chooseEnd(text, breaks, start, maxChars);
    const trimmedEnd = trimEnd(text, start, end);
    if (trimmedEnd > start) spans.push([start, trimmedEnd]);
    if (end >= text.length) break;
    start = skipSpace(text, nextStart(breaks, start, end, overlapChars));
  }
  return spans;
}

function chooseEnd(text: string, breaks: Breaks, start: number, maxChars: number): number {
  const limit = start + maxChars;
  if (limit >= text.length) return text.length;
  const halfway = start + Math.floor(maxChars / 2);
  for (const candidates of [breaks.paragraph, breaks.sentence, breaks.line]) {
    const end = lastBetween(candidates, halfway, limit);
    if (end !== null) return end;
  }
  return lastBetween(breaks.word, start + 1, limit) ?? limit;
}

function nextStart(breaks: Breaks, start: number, end: number, overlapChars: number): number {
  if (overlapChars === 0) return end;
  const from = Math.max(start + 1, end - overlapChars);
  return firstBetween(breaks.sentence, from, end) ?? firstBetween(breaks.word, from, end) ?? end;
}

// Each list contains the offsets where a chunk may end (the next chunk may start there too).
function findBreaks(text: string): Breaks {
  const collect = (pattern: RegExp): number[] =>
    [...text.matchAll(pattern)].map((match) => match.index + match[0].length);
  return {
    paragraph: collect(/\n[^\S\n]*\n\s*/g),
    sentence: collect(/[.!?…:;](?=\s)\s*/g),
    line: collect(/\n\s*/g),
    word: collect(/\s+/g),
  };
}

function lastBetween(sorted: number[], low: number, high: number): number | null {
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const value = sorted[i]!;
    if (value <= high && value > low) return value;
    if (value <= low) break;
  }
  return null;
}

function firstBetween(sorted: number[], low: number, high: number): number | null {
  for (const value of sorted) {
    if (value >= low && value < high) return value;
    if (value >= high) break;
  }
  return null;
}

function skipSpace(text: string, index: number): number {
  let position = index;
  while (position < text.length && /\s/.test(text[position]!)) position += 1;
  return position;
}

function trimEnd(text: string, start: number, end: number): number {
  let position = end;
  while (position > start && /\s/.test(text[position - 1]!)) position -= 1;
  return position;
}
