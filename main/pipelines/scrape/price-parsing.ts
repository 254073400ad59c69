/**
 * Prices as shops print them: `138,47 €` (with a no-break space), `€ 459,08`, `ab € 459,08`,
 * `From £5.29`, `5 490 ₽`, `1.234,50 EUR`, `$1,234.50`, `375.90€`, and ranges such as
 * `3.46€ - 4.15€`.
 */

/** A price read from text. */
export interface ParsedPrice {
  amount: number;
  /** Upper end of a range such as `3.46 € - 4.15 €`, else null. */
  maxAmount: number | null;
  /** ISO 4217 code, or null when the text carries no currency marker. */
  currency: string | null;
}

/** Currency markers and their ISO 4217 codes; longer markers first so `руб.` beats `р`. */
const CURRENCY_MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['USD', 'USD'],
  ['RUB', 'RUB'],
  ['PLN', 'PLN'],
  ['CZK', 'CZK'],
  ['HUF', 'HUF'],
  ['SEK', 'SEK'],
  ['NOK', 'NOK'],
  ['DKK', 'DKK'],
  ['CHF', 'CHF'],
  ['RON', 'RON'],
  ['UAH', 'UAH'],
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['грн', 'UAH'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Ft', 'HUF'],
  ['lei', 'RON'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['₽', 'RUB'],
  ['₴', 'UAH'],
];

const CURRENCY_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = CURRENCY_MARKERS.map(
  ([marker, code]) => [markerPattern(marker), code] as const,
);

// Thousands grouped by space, no-break space, dot, comma or apostrophe, then optional decimals.
const AMOUNT = String.raw`\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const AMOUNT_PATTERN = new RegExp(AMOUNT, 'g');
// A dash between two amounts, with currency markers or spaces around it: `3.46€ - 4.15€`.
const RANGE_SEPARATOR = /\d[^\d]{0,6}[-–—][^\d]{0,6}\d/;

/**
 * Parses a price from shop text. Returns null when the text has no number or, with
 * `requireCurrency`, no currency marker. Range text gives the lower end as `amount`.
 */
export function parsePriceText(text: string, requireCurrency = false): ParsedPrice | null {
  const currency = findCurrency(text);
  if (requireCurrency && !currency) return null;
  const amounts = [...text.matchAll(AMOUNT_PATTERN)]
    .map((match) => parseAmount(match[0]))
    .filter((amount): amount is number => amount !== null);
  const [first, second] = amounts;
  if (first === undefined) return null;
  const isRange = second !== undefined && RANGE_SEPARATOR.test(text) && second > first;
  return { amount: first, maxAmount: isRange ? second : null, currency };
}

/**
 * Parses a schema.org price value: a JSON number, or a string that should use a dot as the
 * decimal separator (`"1234.50"`) but in practice is sometimes written `"1.234,50"` or
 * `"5490 - 11387"`.
 */
export function parseSchemaPrice(value: unknown): ParsedPrice | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { amount: value, maxAmount: null, currency: null } : null;
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return { amount: Number(trimmed), maxAmount: null, currency: null };
  }
  return parsePriceText(trimmed);
}

/** Returns the ISO 4217 code of the first currency marker in `text`, or null. */
export function findCurrency(text: string): string | null {
  for (const [pattern, code] of CURRENCY_PATTERNS) {
    if (pattern.test(text)) return code;
  }
  return null;
}

/**
 * Converts one amount to a number. A lone separator followed by exactly three digits
 * (`1.234`) is read as thousands grouping, because shops rarely print three decimals.
 */
export function parseAmount(raw: string): number | null {
  const compact = raw.replace(/[ \u00a0\u202f']/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  let normalised = compact;
  if (decimalAt >= 0) {
    const decimals = compact.length - decimalAt - 1;
    const separator = compact[decimalAt];
    const occurrences = compact.split(separator ?? '').length - 1;
    const isGrouping = decimals === 3 && occurrences >= 1 && (lastDot < 0 || lastComma < 0);
    normalised = isGrouping
      ? compact.replace(/[.,]/g, '')
      : `${compact.slice(0, decimalAt).replace(/[.,]/g, '')}.${compact.slice(decimalAt + 1)}`;
  }
  const amount = Number(normalised);
  return Number.isFinite(amount) ? amount : null;
}

function markerPattern(marker: string): RegExp {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Letter markers must stand alone (`EUR`, not `EUROPA`); symbols may touch the digits.
  return /^[\p{L}.]+$/u.test(marker)
    ? new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u')
    : new RegExp(escaped, 'u');
}
