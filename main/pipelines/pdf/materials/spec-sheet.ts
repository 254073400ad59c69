/**
 * Technical data sheets: one product per page, described by labelled fields such as
 * `Referencia: 202204001`, `Formato: 20.5X20.5 cm`, `Color: BLANCO\WHITE` and
 * `ACABADO |FINISH  Brillo/Mate`, often bilingual and exported from a spreadsheet.
 */

import { splitCells } from './cells.ts';
import { parseLabelledCode } from './codes.ts';
import { parseDimensions, type Dimensions } from './dimensions.ts';
import { parseLocaleNumber } from './numbers.ts';
import { parseThickness, THICKNESS_LABEL, type Thickness } from './thickness.ts';

/** The fields a data sheet page gives, as written (trimmed) unless noted. */
export interface SpecSheetFields {
  pageNumber: number;
  /** The product title: the nearest upper-case heading above the first field. */
  title: string | null;
  reference: string | null;
  dimensions: Dimensions | null;
  color: string | null;
  finish: string | null;
  thickness: Thickness | null;
  collection: string | null;
  /** Numeric extras: units and m2 per box, box weight, boxes per pallet. */
  extras: Record<string, number>;
  /** The labelled lines the fields came from. */
  rawLines: string[];
}

type FieldName = 'reference' | 'dimensions' | 'color' | 'finish' | 'thickness' | 'collection';

/** Field labels in Spanish, English and Hungarian; the first match on a line wins. */
const FIELD_LABELS: ReadonlyArray<readonly [FieldName, RegExp]> = [
  ['reference', /(?<![\p{L}])(?:referencia|reference|ref\.|código|sku|cikkszám)\s*[:|]/iu],
  ['dimensions', /(?<![\p{L}])(?:formato|format|tamaño|medidas|size|dimensions?|méret)\s*[:|]/iu],
  ['color', /(?<![\p{L}])(?:colou?r|szín)\s*[:|]/iu],
  ['finish', /(?<![\p{L}])(?:acabado|finish|felület)(?:\s*\|\s*(?:finish|acabado))?\s*[:|]?/iu],
  ['thickness', new RegExp(String.raw`(?<![\p{L}])${THICKNESS_LABEL}\s*[:|]?`, 'iu')],
  ['collection', /(?<![\p{L}])(?:colección|collection|kollekció)\s*[:|]/iu],
];

/** Numeric extras and their labels. */
const EXTRA_LABELS: ReadonlyArray<readonly [string, RegExp]> = [
  ['m2PerBox', /(?<![\p{L}])m2\s+(?:por|per)\s+caja|m2\s+per\s+box/iu],
  ['unitsPerBox', /(?<![\p{L}])(?:unidades|piezas\s+por\s+caja|pieces)(?:\s*\|\s*pieces)?/iu],
  ['boxWeightKg', /(?<![\p{L}])peso\s+bruto\s+caja\s+kg/iu],
  ['boxesPerPallet', /(?<![\p{L}])(?:cajas\s+por\s+estiba|cartons\s+per\s+pallet)/iu],
];

/** Spreadsheet error values that stand where a field has no data (`#N/D` is Spanish `#N/A`). */
const SPREADSHEET_ERROR =
  /^#(?:N\/[AD]|NV|VALUE!|VALOR!|¡VALOR!|REF!|DIV\/0!|NAME\?|¿NOMBRE\?|NUM!|NÚM!|NULL!|NULO!)$/iu;

/**
 * Reads the labelled fields of one page. Returns null unless the page has a reference, or a
 * size together with a colour or finish, because a lone label is common in ordinary text.
 */
export function readSpecSheet(pageNumber: number, text: string): SpecSheetFields | null {
  // A label glued to the text before it (`vista 1.jpgReferencia:`) gets its gap back.
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/(\p{Ll})(\p{Lu}\p{Ll}+:)/gu, '$1  $2'));
  const fields: SpecSheetFields = {
    pageNumber,
    title: null,
    reference: null,
    dimensions: null,
    color: null,
    finish: null,
    thickness: null,
    collection: null,
    extras: {},
    rawLines: [],
  };
  let firstFieldLine = -1;

  lines.forEach((line, index) => {
    const found = readField(line, lines[index + 1] ?? '');
    if (found) {
      if (applyField(fields, found.field, found.value)) {
        fields.rawLines.push(line.trim());
        if (firstFieldLine < 0) firstFieldLine = index;
      }
      return;
    }
    const extra = readExtra(line, lines[index + 1] ?? '');
    if (extra && fields.extras[extra.name] === undefined) {
      fields.extras[extra.name] = extra.value;
      fields.rawLines.push(line.trim());
    }
  });

  const supported =
    fields.reference !== null ||
    (fields.dimensions !== null && (fields.color ?? fields.finish) !== null);
  if (!supported) return null;
  fields.title = findTitle(lines, firstFieldLine);
  return fields;
}

function readField(line: string, nextLine: string): { field: FieldName; value: string } | null {
  for (const [field, label] of FIELD_LABELS) {
    const match = label.exec(line);
    if (!match) continue;
    const value = valueAfter(line, match.index + match[0].length) || bareValue(nextLine);
    if (value) return { field, value };
  }
  return null;
}

function readExtra(line: string, nextLine: string): { name: string; value: number } | null {
  for (const [name, label] of EXTRA_LABELS) {
    const match = label.exec(line);
    if (!match) continue;
    const raw = valueAfter(line, match.index + match[0].length) || bareValue(nextLine);
    const value = parseLocaleNumber(raw.replace(',', '.'));
    if (value !== null) return { name, value };
  }
  return null;
}

/** Returns the first cell after a label, with label punctuation removed. */
function valueAfter(line: string, offset: number): string {
  const cells = splitCells(line.slice(offset).replace(/^\s*[:|]\s*/, ''));
  return cells[0] ?? '';
}

/** Returns a value alone on the next line (`6.1 ± 0.3` below `ESPESOR NOMINAL`), or ''. */
function bareValue(line: string): string {
  const cells = splitCells(line);
  return cells.length >= 1 && /^[\d.,]+(?:\s*±\s*[\d.,]+)?(?:\s*(?:mm|cm))?$/.test(cells[0]!)
    ? cells[0]!
    : '';
}

function applyField(fields: SpecSheetFields, field: FieldName, rawValue: string): boolean {
  const value = rawValue.trim();
  if (SPREADSHEET_ERROR.test(value)) return false;
  if (field === 'reference') {
    if (fields.reference !== null) return false;
    fields.reference = parseLabelledCode(`ref: ${value}`) ?? null;
    return fields.reference !== null;
  }
  if (field === 'dimensions') {
    if (fields.dimensions !== null) return false;
    fields.dimensions = parseDimensions(value);
    return fields.dimensions !== null;
  }
  if (field === 'thickness') {
    if (fields.thickness !== null) return false;
    fields.thickness = parseThickness(value);
    return fields.thickness !== null;
  }
  if (fields[field] !== null) return false;
  fields[field] = value.replace(/\s*[\\/]\s*/g, ' / ');
  return true;
}

/**
 * Returns the nearest line above `before` that reads as a heading: mostly upper-case
 * letters, at least two words, no label colon and no file path.
 */
function findTitle(lines: string[], before: number): string | null {
  for (let index = before - 1; index >= 0; index -= 1) {
    const line = lines[index]!.trim();
    if (isHeading(line)) return line.replace(/\s{2,}/g, ' ');
  }
  return null;
}

function isHeading(line: string): boolean {
  if (line.length < 5 || /[:\\]/.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length < 2) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  const upper = line.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 4 && upper.length / letters.length >= 0.9;
}
