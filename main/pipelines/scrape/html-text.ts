/** Text helpers for values taken out of HTML. */

import { load } from 'cheerio';

/** Collapses runs of whitespace, no-break spaces included, to one space and trims. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007]+/g, ' ').trim();
}

/**
 * Decodes HTML character references in `text` once, exactly as a browser decodes the content of
 * a `<textarea>` (an RCDATA element: references decoded, tags left as text). Use it only on text
 * the HTML parser did not already decode, such as JSON-LD strings, whose `<script>` content the
 * parser leaves raw: `&uuml;` becomes `ü`, and `&amp;auml;` becomes `&auml;`.
 */
export function decodeHtmlEntitiesOnce(text: string): string {
  if (!text.includes('&')) return text;
  // The parser drops one newline right after <textarea>, so a leading one is added for it.
  const escapedEnd = text.replace(/<\/textarea/gi, '&lt;/textarea');
  const $ = load(`<textarea>\n${escapedEnd}</textarea>`, null, false);
  return $('textarea').text();
}
