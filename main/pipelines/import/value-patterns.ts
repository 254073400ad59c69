/**
 * Classifiers for single cell values, used to profile fields and to weigh mapping candidates.
 */

/** The dominant shape of a field's values. */
export type ValueKind =
  | 'integer'
  | 'decimal'
  | 'price'
  | 'gtin'
  | 'url'
  | 'image_url'
  | 'html'
  | 'boolean'
  | 'date'
  | 'currency_code'
  | 'text';

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|svg|heic)(?:[?#].*)?$/i;
const CURRENCY_MARK =
  /[€$£¥₽₴₹₺₩₪]|\b(?:EUR|USD|GBP|CHF|HUF|RUB|RUR|PLN|CZK|UAH|BRL)\b|\bFt\b|руб/i;

/** True for a number Excel turned into scientific notation, e.g. a barcode shown as `4.6347E+11`. */
export function isExcelScientific(text: string): boolean {
  return /^[+-]?\d(?:[.,]\d+)?E\+\d{1,3}$/i.test(text.trim());
}

/** True for an 8, 12, 13 or 14 digit GTIN (EAN, UPC) whose check digit is correct. */
export function isValidGtin(text: string): boolean {
  const digits = text.trim();
  if (!/^(?:\d{8}|\d{12,14})$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(digits[i]) * weight;
  }
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

/** True for an absolute http(s) URL. */
export function isUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

/** True for a URL or relative path that names an image file. */
export function isImageReference(text: string): boolean {
  const value = text.trim();
  return !/\s/.test(value) && IMAGE_EXTENSION.test(value);
}

/** True for several image references separated by commas, pipes or whitespace. */
export function isImageList(text: string): boolean {
  const parts = splitReferenceList(text);
  return parts.length > 1 && parts.every(isImageReference);
}

/**
 * Splits a cell that lists several URLs or paths: `a.jpg, b.jpg`, `http://a|http://b`, a JSON array
 * or a Python-style list such as `['a.jpg', 'b.jpg']`.
 */
export function splitReferenceList(text: string): string[] {
  const value = text.trim();
  if (/^\[.*\]$/s.test(value)) {
    return [...value.matchAll(/["']([^"']+)["']/g)].map((m) => (m[1] ?? '').trim()).filter(Boolean);
  }
  // Commas and pipes also occur inside URLs, so they only separate when a new URL follows
  // or when a space follows the comma.
  const separator = /\s*[,|;]\s*(?=https?:\/\/)|\s+(?=https?:\/\/)|,\s+/;
  return value
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** True when the text contains HTML markup. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>/i.test(text);
}

/** True for a plain number with optional sign, thousands and decimal separators. */
export function looksLikeNumber(text: string): boolean {
  return /^[+-]?(?:\d[\d\s.,']*|[.,]\d+)$/.test(text.trim());
}

/** True for a number with a currency symbol or code next to it. */
export function looksLikePrice(text: string): boolean {
  const value = text.trim();
  if (!CURRENCY_MARK.test(value)) return false;
  const rest = value.replace(CURRENCY_MARK, '').trim();
  return looksLikeNumber(rest);
}

/** Classifies one non-empty value. */
export function classifyValue(text: string): ValueKind {
  const value = text.trim();
  if (/^(?:true|false|yes|no|ja|nein|oui|non|sí|si)$/i.test(value)) return 'boolean';
  if (isValidGtin(value)) return 'gtin';
  if (/^[+-]?\d+$/.test(value)) return 'integer';
  if (looksLikeNumber(value)) return 'decimal';
  if (looksLikePrice(value)) return 'price';
  if (isImageReference(value) || isImageList(value)) return 'image_url';
  if (isUrl(value)) return 'url';
  if (/^[A-Z]{3}$/.test(value)) return 'currency_code';
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.test(value)) return 'date';
  if (looksLikeHtml(value)) return 'html';
  return 'text';
}
