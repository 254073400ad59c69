/**
 * Products written as one line of running text or a simple list, such as
 * `Porcelain tile 60x60 cm PT-6060-GR  12,90 €/m2`. A line counts only when it has a price with a
 * currency and a size or a product code, so headings, template rows without values
 * (`товар 1  цена`) and prose yield nothing.
 */

import { findGtins, parseLabelledCode } from './codes.ts';
import { parseDimensions, type Dimensions } from './dimensions.ts';
import { findPrices, type PriceMatch } from './prices.ts';

/** One product line, before it becomes a draft. */
export interface LooseLine {
  pageNumber: number;
  lineIndex: number;
  name: string;
  sku: string | null;
  gtin: string | null;
  dimensions: Dimensions | null;
  price: PriceMatch;
  raw: string;
}

// Upper-case letters and digits with at least one of each, optionally hyphenated: PT-6060-GR.
const CODE_TOKEN =
  /(?<![\p{L}\p{N}])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+|(?<![\p{L}\p{N}])(?=[A-Z]*\d)[A-Z]{1,4}\d{3,}(?![\p{L}\p{N}])/u;

/** Finds product lines on a page, skipping the line indexes in `skip` (already read as tables). */
export function findLooseLines(
  pageNumber: number,
  text: string,
  skip: ReadonlySet<number>,
): LooseLine[] {
  const found: LooseLine[] = [];
  text.split(/\r?\n/).forEach((raw, lineIndex) => {
    if (skip.has(lineIndex)) return;
    const line = raw.trim();
    const price = findPrices(line)[0];
    if (!price) return;
    const dimensions = parseDimensions(line);
    const gtin = findGtins(line)[0] ?? null;
    const sku = parseLabelledCode(line) ?? CODE_TOKEN.exec(line)?.[0] ?? null;
    if (!dimensions && !sku && !gtin) return;
    const name = nameBefore(line, price.raw);
    if (!/\p{L}{3,}/u.test(name)) return;
    found.push({ pageNumber, lineIndex, name, sku, gtin, dimensions, price, raw: line });
  });
  return found;
}

/** Returns the text before the price, without trailing separators. */
function nameBefore(line: string, priceText: string): string {
  const index = line.indexOf(priceText);
  const before = index > 0 ? line.slice(0, index) : line.replace(priceText, '');
  return before
    .replace(/\s{2,}/g, ' ')
    .replace(/[\s:;,|–—-]+$/u, '')
    .trim();
}
