/**
 * Dimension expressions such as `60x60 cm`, `600 x 1200 mm`, `19,8X19,8`, `30×60`,
 * `250x120x65 mm` and `Ø 100 mm`, normalised to `600 x 1200 mm` with dot decimals.
 */

import { parseLocaleNumber } from './numbers.ts';

/** A dimension found in text, normalised. */
export interface Dimensions {
  /** Normalised form: values joined by ` x `, dot decimals, unit last (`20.5 x 20.5 cm`). */
  text: string;
  /** The values in source order, in `unit`. */
  values: number[];
  /** Lower-case unit (`mm`, `cm`, `m`, `in`), null when the source gives none. */
  unit: string | null;
  /** `size` for `A x B [x C]`, `diameter` for `Ø A` and `DN A`. */
  kind: 'size' | 'diameter';
}

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const UNIT = String.raw`(mm|cm|m|in|inch|"|″)`;
const TIMES = String.raw`\s*[xX×*]\s*`;

// The look-behind and look-ahead keep dimensions out of product codes (`AFE 120x120/100`),
// chamfers (`5x45°`) and longer digit runs. A hyphen may follow for suffixes like `150×150-es`.
const SIZE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,_-])(${NUMBER})${TIMES}(${NUMBER})(?:${TIMES}(${NUMBER}))?` +
    String.raw`(?:\s*${UNIT}(?![\p{L}\p{N}]))?(?![\p{L}\p{N}/°×*]|[.,]\d|\s*[xX×*]\s*\d)`,
  'giu',
);
const DIAMETER = new RegExp(
  String.raw`([Ø⌀ø]|\bDN)\s*(${NUMBER})(?:\s*${UNIT}(?![\p{L}\p{N}]))?(?![\p{N}/]|[.,]\d)`,
  'giu',
);

/** Finds every dimension expression in `text`, in order of appearance. */
export function findDimensions(source: string): Dimensions[] {
  // Inch marks on every value (`12" x 24"`) are dropped before the `x`; the last one is the unit.
  const text = source.replace(/(\d)\s*(?:"|″)\s*(?=[xX×*]\s*\d)/g, '$1 ');
  const found: Array<{ index: number; dimensions: Dimensions }> = [];
  for (const match of text.matchAll(SIZE)) {
    const raw = [match[1], match[2], match[3]].filter((v): v is string => v !== undefined);
    const dimensions = buildDimensions(raw, match[4], 'size');
    if (dimensions) found.push({ index: match.index, dimensions });
  }
  for (const match of text.matchAll(DIAMETER)) {
    const prefix = match[1]!.toUpperCase() === 'DN' ? 'DN' : 'Ø';
    const dimensions = buildDimensions([match[2]!], match[3], 'diameter', prefix);
    if (dimensions) found.push({ index: match.index, dimensions });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.dimensions);
}

/** Returns the first dimension expression in `text`, or null. */
export function parseDimensions(text: string): Dimensions | null {
  return findDimensions(text)[0] ?? null;
}

/** Formats values and a unit the way `Dimensions.text` does (`300 x 40 x 1000 mm`). */
export function formatDimensions(values: number[], unit: string | null): string {
  const body = values.map((value) => String(value)).join(' x ');
  return unit ? `${body} ${unit}` : body;
}

function buildDimensions(
  raw: string[],
  rawUnit: string | undefined,
  kind: Dimensions['kind'],
  prefix = 'Ø',
): Dimensions | null {
  const values = raw.map((value) => parseDecimal(value));
  if (values.some((value) => value === null || value <= 0)) return null;
  const numbers = values as number[];
  const unit = normaliseUnit(rawUnit);
  const body = formatDimensions(numbers, unit);
  return { text: kind === 'diameter' ? `${prefix} ${body}` : body, values: numbers, unit, kind };
}

// Inside a dimension a comma is always a decimal mark (`19,8X19,8`), never a thousands separator.
function parseDecimal(raw: string): number | null {
  return parseLocaleNumber(raw.includes(',') ? raw.replace(',', '.') : raw);
}

function normaliseUnit(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const unit = raw.toLowerCase();
  if (unit === '"' || unit === '″' || unit === 'inch') return 'in';
  return unit;
}
