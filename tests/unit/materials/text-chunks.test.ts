import { describe, expect, it } from 'vitest';
import { chunkPages } from '../../../main/pipelines/pdf/text-chunks.ts';

const SENTENCE = 'Porcelain tiles are fired at high temperature. ';
const PARAGRAPH = SENTENCE.repeat(8).trim();

describe('chunkPages', () => {
  it('keeps a short page in one chunk', () => {
    const chunks = chunkPages([{ pageNumber: 3, text: '  Short page.  ' }]);
    expect(chunks).toEqual([
      { chunkIndex: 0, pageNumber: 3, text: 'Short page.', charStart: 2, charEnd: 13 },
    ]);
  });

  it('returns no chunks for blank pages', () => {
    expect(chunkPages([{ pageNumber: 1, text: ' \n\n ' }])).toEqual([]);
  });

  it('never crosses pages', () => {
    const pages = [1, 2, 3].map((pageNumber) => ({ pageNumber, text: PARAGRAPH }));
    const chunks = chunkPages(pages, { maxChars: 150, overlapChars: 20 });
    for (const chunk of chunks) {
      const page = pages.find((candidate) => candidate.pageNumber === chunk.pageNumber)!;
      expect(page.text.slice(chunk.charStart, chunk.charEnd)).toBe(chunk.text);
    }
    expect(new Set(chunks.map((chunk) => chunk.pageNumber))).toEqual(new Set([1, 2, 3]));
  });

  it('numbers chunks across the document', () => {
    const pages = [1, 2].map((pageNumber) => ({ pageNumber, text: PARAGRAPH }));
    const chunks = chunkPages(pages, { maxChars: 150, overlapChars: 20 });
    expect(chunks.map((chunk) => chunk.chunkIndex)).toEqual(chunks.map((_, i) => i));
  });

  it('respects maxChars', () => {
    const chunks = chunkPages([{ pageNumber: 1, text: PARAGRAPH.repeat(5) }], {
      maxChars: 200,
      overlapChars: 30,
    });
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((chunk) => chunk.text.length))).toBeLessThanOrEqual(200);
  });

  it('splits at a paragraph break first', () => {
    const first = SENTENCE.repeat(3).trim();
    const text = `${first}\n\n${SENTENCE.repeat(3).trim()}`;
    const [chunk] = chunkPages([{ pageNumber: 1, text }], { maxChars: 200, overlapChars: 0 });
    expect(chunk?.text).toBe(first);
  });

  it('splits at a sentence end without paragraphs', () => {
    const chunks = chunkPages([{ pageNumber: 1, text: PARAGRAPH }], {
      maxChars: 120,
      overlapChars: 0,
    });
    for (const chunk of chunks) expect(chunk.text.endsWith('.')).toBe(true);
  });

  it('overlaps consecutive chunks', () => {
    const chunks = chunkPages([{ pageNumber: 1, text: PARAGRAPH }], {
      maxChars: 120,
      overlapChars: 60,
    });
    for (let i = 1; i < chunks.length; i += 1) {
      expect(chunks[i]!.charStart).toBeLessThan(chunks[i - 1]!.charEnd);
      expect(chunks[i]!.charStart).toBeGreaterThan(chunks[i - 1]!.charStart);
    }
  });

  it('starts an overlap at a sentence start', () => {
    const chunks = chunkPages([{ pageNumber: 1, text: PARAGRAPH }], {
      maxChars: 120,
      overlapChars: 60,
    });
    for (const chunk of chunks) expect(chunk.text.startsWith('Porcelain')).toBe(true);
  });

  it('cuts a word longer than maxChars', () => {
    const text = 'x'.repeat(250);
    const chunks = chunkPages([{ pageNumber: 1, text }], { maxChars: 100, overlapChars: 10 });
    expect(chunks.map((chunk) => chunk.text.length)).toEqual([100, 100, 50]);
  });

  it('returns the same chunks on a rerun', () => {
    const pages = [{ pageNumber: 1, text: `${PARAGRAPH}\n\n${PARAGRAPH}` }];
    expect(chunkPages(pages)).toEqual(chunkPages(pages));
  });

  it.each([
    [{ maxChars: 0 }],
    [{ maxChars: 100, overlapChars: 100 }],
    [{ overlapChars: -1 }],
    [{ maxChars: 10.5 }],
  ])('rejects options %j', (options) => {
    expect(() => chunkPages([{ pageNumber: 1, text: 'a' }], options)).toThrow(RangeError);
  });
});
