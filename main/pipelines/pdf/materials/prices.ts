/**
 * Prices with a currency marker: `1.234,50 €`, `€ 12,90`, `12 900 Ft`, `HUF 12 900`,
 * `300 Ft/db`, `$1,234.50`. A bare number is never a price here. In catalogue text it is as
 * likely a weight, a size or a count, so table extraction decides from the column header.
 */

import { parseLocaleNumber } from './numbers.ts';

/** A price found in text. */
export interface PriceMatch {
  /** Decimal amount with separators resolved (`1.234,50` is 1234.5). */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
  /** The sales unit after a slash (`db` in `Ft/db`, `m2` in `€/m2`), or null. */
  perUnit: string | null;
  /** The matched source text. */
  raw: string;
}

/** Currency markers and their ISO 4217 codes; longer markers first so `Ft` beats `F`. */
const CURRENCY_MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['HUF', 'HUF'],
  ['EUR', 'EUR'],
  ['USD', 'USD'],
  ['GBP', 'GBP'],
  ['PLN', 'PLN'],
  ['CZK', 'CZK'],
  ['RON', 'RON'],
  ['RUB', 'RUB'],
  ['UAH', 'UAH'],
  ['INR', 'INR'],
  ['COP', 'COP'],
  ['CHF', 'CHF'],
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['грн', 'UAH'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['lei', 'RON'],
  ['Ft', 'HUF'],
  ['Rs.', 'INR'],
  ['€', 'EUR'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['₽', 'RUB'],
  ['₴', 'UAH'],
  ['₹', 'INR'],
];

/** Words that name a currency in a column header, e.g. `Egységár (Ft/db)` or `Precio (€)`. */
export function findCurrencyCode(text: string): string | null {
  for (const [marker, code] of CURRENCY_MARKERS) {
    if (markerPattern(marker).test(text)) return code;
  }
  return null;
}

// Space-grouped thousands (`12 900`), dot or comma grouped (`1.234,50`, `1,234.50`), or plain.
const AMOUNT = String.raw`\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const PER_UNIT = String.raw`(?:\s*\/\s*([\p{L}][\p{L}\d]{0,5}))?`;

const MARKER_ALTERNATION = CURRENCY_MARKERS.map(([marker]) => escapeRegExp(marker)).join('|');
const SUFFIXED = new RegExp(
  String.raw`(?<![\p{N}.,])(${AMOUNT})\s?(?:[.,]?-\s?)?(${MARKER_ALTERNATION})(?![\p{L}])${PER_UNIT}`,
  'gu',
);
const PREFIXED = new RegExp(
  String.raw`(?<![\p{L}])(${MARKER_ALTERNATION})\s?(${AMOUNT})(?![\p{N}]|[.,]\d)${PER_UNIT}`,
  'gu',
);

/** Finds every price with a currency marker in `text`, in order of appearance. */
export function findPrices(text: string): PriceMatch[] {
  const found: Array<{ index: number; price: PriceMatch }> = [];
  const taken: Array<[number, number]> = [];
  for (const match of text.matchAll(SUFFIXED)) {
    const price = buildPrice(match[1]!, match[2]!, match[3], match[0]);
    if (price) {
      found.push({ index: match.index, price });
      taken.push([match.index, match.index + match[0].length]);
    }
  }
  for (const match of text.matchAll(PREFIXED)) {
    const overlaps = taken.some(
      ([start, end]) => match.index < end && match.index + match[0].length > start,
    );
    const price = overlaps ? null : buildPrice(match[2]!, match[1]!, match[3], match[0]);
    if (price) found.push({ index: match.index, price });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.price);
}

/** Returns the first price with a currency marker in `text`, or null. */
export function parsePrice(text: string): PriceMatch | null {
  return findPrices(text)[0] ?? null;
}

function buildPrice(
  rawAmount: string,
  marker: string,
  perUnit: string | undefined,
  raw: string,
): PriceMatch | null {
  const amount = parseLocaleNumber(rawAmount);
  const currency = currencyForMarker(marker);
  if (amount === null || currency === null) return null;
  return { amount, currency, perUnit: perUnit ?? null, raw: raw.trim() };
}

function currencyForMarker(marker: string): string | null {
  const entry = CURRENCY_MARKERS.find(([candidate]) => candidate === marker);
  return entry ? entry[1] : null;
}

function markerPattern(marker: string): RegExp {
  const letters = /\p{L}/u.test(marker);
  const body = escapeRegExp(marker);
  return letters
    ? new RegExp(String.raw`(?<![\p{L}])${body}(?![\p{L}])`, 'u')
    : new RegExp(body, 'u');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
