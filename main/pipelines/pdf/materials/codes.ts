/**
 * Product codes: GTIN/EAN barcodes (validated by check digit, kept as strings so leading
 * zeros survive), labelled references (`Referencia: 202204001`, `SKU: AB-12`) and the
 * upper-case type codes that open price-table rows (`TA 30/100`, `AGY 100/25/12 L/G+H`).
 */

/** Returns true when `digits` is an 8-, 12-, 13- or 14-digit GTIN with a valid check digit. */
export function isValidGtin(digits: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(digits)) return false;
  const body = digits.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/** Finds GTIN/EAN barcodes in `text`: digit runs of GTIN length whose check digit is valid. */
export function findGtins(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\d.,])\d{8,14}(?![\d.,]\d|\d)/g)) {
    if (isValidGtin(match[0]) && !found.includes(match[0])) found.push(match[0]);
  }
  return found;
}

/** Labels that introduce a product code, in Spanish, English, Hungarian, German and French. */
const CODE_LABEL = String.raw`(?:referencia|ref\.?|reference|código|codigo|cód\.?|sku|art(?:icle|ikel)?\.?[\s-]*(?:no|nr|number)\.?|item\s*(?:no|number)\.?|product\s*code|cikkszám|termékkód|típus|type|modelo|model)`;

const LABELLED_CODE = new RegExp(
  String.raw`(?<![\p{L}])${CODE_LABEL}\s*[:#.]\s*([\p{L}\p{N}][\p{L}\p{N}./_-]*\p{N}[\p{L}\p{N}./_-]*)`,
  'iu',
);

/**
 * Parses a code that follows a label such as `Referencia:`, `SKU:` or `Art.-Nr.`. The label
 * must end in `:`, `#` or `.`, and the code must contain a digit.
 */
export function parseLabelledCode(text: string): string | null {
  const match = LABELLED_CODE.exec(text);
  return match ? match[1]!.replace(/[.,;]+$/, '') : null;
}

const UPPER = String.raw`\p{Lu}`;
// One token of a type code: upper-case letters (`TA`, `ÁBE`, `L/G+H`), a number with
// separators (`30/100`, `20/30-200`, `120x120/100`, `1:1,5`) or a letter-digit mix (`A15`).
const CODE_TOKEN = new RegExp(
  String.raw`^(?:${UPPER}{1,6}(?:[/+]${UPPER}{1,3})*|[/-]?\d+(?:[x×]\d+)?(?:[/:,.-]\d+)*|${UPPER}{1,2}\d{1,4}|[/-])$`,
  'u',
);

/**
 * Returns the type code that opens a price-table row name: the leading run of upper-case and
 * numeric tokens, when it starts with letters and contains a digit (`TA 30/100` from
 * `TA 30/100 talpas betoncső`). Returns null for names that open with an ordinary word.
 */
export function parseLeadingCode(name: string): string | null {
  const tokens = name.trim().split(/\s+/);
  const code: string[] = [];
  for (const token of tokens) {
    if (!CODE_TOKEN.test(token)) break;
    code.push(token);
  }
  while (code.length > 0 && /^[/-]$/.test(code[code.length - 1]!)) code.pop();
  if (code.length === 0 || !/^\p{Lu}/u.test(code[0]!)) return null;
  if (!code.some((token) => /\p{N}/u.test(token))) return null;
  return code.join(' ');
}
