/** Turns the records that each reader finds into `MaterialDraft`s. */

import type { MaterialDraft } from '../../../materials/material-draft.ts';
import { findGtins } from './codes.ts';
import { scoreConfidence } from './confidence.ts';
import { findDimensions, formatDimensions } from './dimensions.ts';
import type { LooseLine } from './loose-lines.ts';
import { parseLocaleNumber } from './numbers.ts';
import type { PriceTableRow } from './price-table.ts';
import type { SpecSheetFields } from './spec-sheet.ts';
import { findColors, findFinishes } from './surface-terms.ts';
import { parseThickness } from './thickness.ts';

/**
 * Builds a draft from a price-table row. Dimensions are the row's size cell when it has one
 * (`1500 x 1500 mm`), else its millimetre columns in column order (`300 x 40 x 1000 mm` for
 * inner diameter, wall thickness and length), so they follow the table's own column order.
 */
export function draftFromTableRow(row: PriceTableRow, filename: string): MaterialDraft {
  const dimensions = tableRowDimensions(row);
  const color = findColors(row.name)[0] ?? null;
  const finish = findFinishes(row.name)[0] ?? null;
  const thickness = parseThickness(row.name);
  const price = row.prices[0] ?? null;
  const draft: MaterialDraft = {
    name: row.name,
    sku: row.sku,
    category: row.section,
    materialType: null,
    dimensions,
    thickness: thickness?.text ?? null,
    finish: finish?.name ?? null,
    color: color?.name ?? null,
    price,
    currency: price === null ? null : row.currency,
    manufacturer: null,
    confidence: 0,
    attributes: {
      sourceFile: filename,
      source: 'price_table',
      priceUnit: row.perUnit,
      prices: row.prices,
      cells: row.cells,
      rawLines: row.rawLines,
      ...(color ? { colorAsWritten: color.text } : {}),
    },
    pageNumber: row.pageNumber,
  };
  draft.confidence = scoreConfidence(draft);
  return draft;
}

function tableRowDimensions(row: PriceTableRow): string | null {
  const unit = row.millimetres ? 'mm' : null;
  const sizeCell = row.measurements.find((cell) => /[x×]/.test(cell));
  if (sizeCell) {
    const size = findDimensions(sizeCell.replace(/ (?=\d{3}\b)/g, ''))[0];
    if (size) return formatDimensions(size.values, size.unit ?? unit);
  }
  const values = row.measurements
    .filter((cell) => /^[\d ,.]+$/.test(cell))
    .map((cell) => parseLocaleNumber(cell))
    .filter((value): value is number => value !== null);
  return values.length > 0 ? formatDimensions(values, unit) : null;
}

/** Builds a draft from the fields of a data sheet page. */
export function draftFromSpecSheet(sheet: SpecSheetFields, filename: string): MaterialDraft {
  const finishTerms = sheet.finish ? findFinishes(sheet.finish).map((term) => term.name) : [];
  const colorTerms = sheet.color ? findColors(sheet.color).map((term) => term.name) : [];
  const draft: MaterialDraft = {
    name:
      sheet.title ??
      sheet.reference ??
      [sheet.dimensions?.text, sheet.color ?? sheet.finish].join(' '),
    sku: sheet.reference,
    category: null,
    materialType: null,
    dimensions: sheet.dimensions?.text ?? null,
    thickness: sheet.thickness?.text ?? null,
    finish: sheet.finish,
    color: sheet.color,
    price: null,
    currency: null,
    manufacturer: null,
    confidence: 0,
    attributes: {
      sourceFile: filename,
      source: 'spec_sheet',
      ...sheet.extras,
      ...(sheet.collection ? { collection: sheet.collection } : {}),
      ...(finishTerms.length > 0 ? { finishTerms } : {}),
      ...(colorTerms.length > 0 ? { colorTerms } : {}),
      rawLines: sheet.rawLines,
    },
    pageNumber: sheet.pageNumber,
  };
  draft.confidence = scoreConfidence(draft);
  return draft;
}

/** Builds a draft from a product line of running text. */
export function draftFromLooseLine(line: LooseLine, filename: string): MaterialDraft {
  const color = findColors(line.name)[0] ?? null;
  const finish = findFinishes(line.name)[0] ?? null;
  const thickness = parseThickness(line.raw);
  const draft: MaterialDraft = {
    name: line.name,
    sku: line.sku ?? line.gtin,
    category: null,
    materialType: null,
    dimensions: line.dimensions?.text ?? null,
    thickness: thickness?.text ?? null,
    finish: finish?.name ?? null,
    color: color?.name ?? null,
    price: line.price.amount,
    currency: line.price.currency,
    manufacturer: null,
    confidence: 0,
    attributes: {
      sourceFile: filename,
      source: 'text_line',
      priceUnit: line.price.perUnit,
      ...(findGtins(line.raw).length > 0 ? { gtins: findGtins(line.raw) } : {}),
      rawLine: line.raw,
    },
    pageNumber: line.pageNumber,
  };
  draft.confidence = scoreConfidence(draft);
  return draft;
}
