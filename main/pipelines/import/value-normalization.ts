/**
 * Normalisation of prices, currencies and numbers written the way suppliers write them:
 * `€45.50`, `63.60 EUR`, `1.234,50 €`, `12 990 Ft`, `1 200 руб.`, `17,5`.
 */

export type DecimalSeparator = '.' | ',';

/** A price split into amount and ISO 4217 currency (null when the text names none). */
export interface ParsedPrice {
  amount: number;
  currency: string | null;
}

// Historic ISO 4217 codes that older catalogues still carry (BMEcat 1.0 files price in DEM).
const HISTORIC_CODES = ['DEM', 'ATS', 'FRF', 'ITL', 'ESP', 'NLG', 'BEF', 'PTE', 'FIM', 'IEP'];
const ISO_CODES = new Set([...Intl.supportedValuesOf('currency'), ...HISTORIC_CODES]);
// RUR is the pre-1998 rouble code; Yandex.Market feeds still use it for RUB.
const CODE_ALIASES: Record<string, string> = { RUR: 'RUB' };

// Symbols and words in the order they are tried; multi-character symbols come first so that
// `R$` is not read as `$`.
const CURRENCY_MARKERS: [RegExp, string][] = [
  [/R\$/, 'BRL'],
  [/US\$/, 'USD'],
  [/C\$/, 'CAD'],
  [/A\$/, 'AUD'],
  [/€/, 'EUR'],
  [/\$/, 'USD'],
  [/£/, 'GBP'],
  [/¥/, 'JPY'],
  [/₽/, 'RUB'],
  [/₴/, 'UAH'],
  [/₹/, 'INR'],
  [/₺/, 'TRY'],
  [/(?<!\p{L})руб(?:\.|\p{L}*)/iu, 'RUB'],
  [/(?<!\p{L})грн\.?/iu, 'UAH'],
  [/(?<!\p{L})лв\.?/iu, 'BGN'],
  [/(?<!\p{L})Ft(?!\p{L})/u, 'HUF'],
  [/(?<!\p{L})zł(?!\p{L})/iu, 'PLN'],
  [/(?<!\p{L})Kč(?!\p{L})/u, 'CZK'],
  [/(?<!\p{L})euros?(?!\p{L})/iu, 'EUR'],
];

/** Maps a currency code (any case, `RUR` included) to its ISO 4217 code, or null. */
export function normalizeCurrencyCode(text: string): string | null {
  const upper = text.trim().toUpperCase();
  const code = CODE_ALIASES[upper] ?? upper;
  return /^[A-Z]{3}$/.test(code) && ISO_CODES.has(code) ? code : null;
}

/** Finds the currency a price text names and returns it with the text that remains. */
export function extractCurrency(text: string): { currency: string | null; rest: string } {
  for (const match of text.matchAll(/(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])/g)) {
    const code = normalizeCurrencyCode(match[0]);
    if (code && match[0] === match[0].toUpperCase()) {
      return { currency: code, rest: text.replace(match[0], ' ').replace(/[€$£¥₽]/g, ' ') };
    }
  }
  for (const [pattern, code] of CURRENCY_MARKERS) {
    if (pattern.test(text)) return { currency: code, rest: text.replace(pattern, ' ') };
  }
  return { currency: null, rest: text };
}

/**
 * Parses a decimal number. With only one separator, a group of exactly three digits after it
 * is read as thousands when the file's decimal separator is the other one (`1.234` is 1234 in
 * a comma-decimal file, 1.234 otherwise). Returns null for text that is not a number.
 */
export function parseDecimal(
  text: string,
  decimalSeparator: DecimalSeparator = '.',
): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f\u2009']/g, '');
  if (!/^[+-]?(?:\d[\d.,]*|[.,]\d+)$/.test(compact)) return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let normalized: string;
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    normalized = toDotDecimal(compact, decimal);
  } else if (lastDot === -1 && lastComma === -1) {
    normalized = compact;
  } else {
    const separator = lastDot !== -1 ? '.' : ',';
    normalized = toDotDecimal(compact, singleSeparatorRole(compact, separator, decimalSeparator));
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

// Returns the character that acts as the decimal separator when only `separator` occurs;
// a return value other than `separator` means it groups thousands.
function singleSeparatorRole(text: string, separator: string, fileDecimal: string): string {
  const occurrences = text.split(separator).length - 1;
  const digitsAfter = text.length - text.lastIndexOf(separator) - 1;
  if (occurrences > 1) return separator === '.' ? ',' : '.';
  if (digitsAfter === 3 && separator !== fileDecimal && /^[+-]?\d/.test(text)) {
    return separator === '.' ? ',' : '.';
  }
  return separator;
}

function toDotDecimal(text: string, decimal: string): string {
  const thousands = decimal === '.' ? ',' : '.';
  return text.split(thousands).join('').replace(decimal, '.');
}

/** Options for {@link parsePrice}. */
export interface PriceOptions {
  decimalSeparator?: DecimalSeparator;
  /** Currency to assume when the text names none. */
  defaultCurrency?: string | null;
}

/**
 * Parses a price. Returns null for empty text and `{ error }` for text that contains no single
 * number (`from 12 €`, `10-20 €`, `on request`).
 */
export function parsePrice(
  text: string,
  options: PriceOptions = {},
): ParsedPrice | { error: string } | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const { currency, rest } = extractCurrency(trimmed);
  // German price lists write whole amounts as `12,-` or `12.--`.
  const numberText = rest.trim().replace(/[.,]-+$/, '');
  const amount = parseDecimal(numberText, options.decimalSeparator ?? '.');
  if (amount === null) return { error: `"${trimmed}" is not a single price amount.` };
  return { amount, currency: currency ?? options.defaultCurrency ?? null };
}

/** Guesses whether a column writes decimals with a comma (`0,57`) or a dot (`0.57`). */
export function guessDecimalSeparator(values: readonly string[]): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const value of values) {
    if (/\d,\d{1,2}(?!\d)/.test(value) || /\d\.\d{3},\d/.test(value)) comma++;
    if (/\d\.\d{1,2}(?!\d)/.test(value) || /\d,\d{3}\.\d/.test(value)) dot++;
  }
  return comma > dot ? ',' : '.';
}
