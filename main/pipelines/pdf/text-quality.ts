/**
 * Heuristics for text that pdfjs extracted but that is not what the page shows: a font
 * without a usable ToUnicode map gives codes that decode to the wrong characters.
 */

/** Pages with fewer non-space characters than this are too short to judge. */
const MIN_CHARS = 20;

/**
 * Characters of Latin-1 Supplement that real text rarely has in bulk: the C1 controls and the
 * symbols U+00A1-U+00BF plus × and ÷. Legitimate ones (°, ±, ², ½) appear once in a while,
 * but GBK or Shift-JIS bytes read as Latin-1 give them on every other character.
 */
function isLatin1Symbol(code: number): boolean {
  return (code >= 0x80 && code <= 0xbf) || code === 0xd7 || code === 0xf7;
}

/** Private use area and the replacement character: glyphs with no known meaning. */
function isUnmapped(code: number): boolean {
  return (code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || (code < 0x20 && code !== 0x09);
}

/**
 * Returns why `text` looks garbled, or null when it looks like real text.
 *
 * NOTE: only unmapped glyphs and CJK read as Latin-1 are caught. A font whose codes map to
 * the wrong ASCII letters (the figure labels on page 13 of the two-column pdf.js test paper)
 * passes as real text.
 */
export function detectGarbledText(text: string): string | null {
  let total = 0;
  let latin1 = 0;
  let symbols = 0;
  let unmapped = 0;
  for (const char of text) {
    if (/\s/.test(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    total += 1;
    if (code >= 0x80 && code <= 0xff) latin1 += 1;
    if (isLatin1Symbol(code)) symbols += 1;
    if (isUnmapped(code)) unmapped += 1;
  }
  if (total < MIN_CHARS) return null;
  const percent = (n: number): number => Math.round((100 * n) / total);
  if (unmapped / total > 0.1) {
    return `garbled text: ${percent(unmapped)}% of the characters are control, private-use or replacement characters, so a font has no usable ToUnicode map`;
  }
  if (latin1 / total > 0.3 && symbols / total > 0.1) {
    return `garbled text: ${percent(latin1)}% of the characters are Latin-1 letters and symbols such as "¹º×÷½", which is what CJK text looks like when a font has no usable ToUnicode map`;
  }
  return null;
}
