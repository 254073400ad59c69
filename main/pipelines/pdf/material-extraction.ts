/**
 * Material extraction from PDF page text. Three readers look at each page: price tables
 * (`materials/price-table.ts`), technical data sheets (`materials/spec-sheet.ts`) and single
 * product lines in running text (`materials/loose-lines.ts`). Each reader needs corroborating
 * fields before it reports a record, so pages of prose, headings or empty template rows
 * produce no drafts.
 */

import type { MaterialDraft } from '../../materials/material-draft.ts';
import { draftFromLooseLine, draftFromSpecSheet, draftFromTableRow } from './materials/drafts.ts';
import { findLooseLines } from './materials/loose-lines.ts';
import { findPriceTableRows } from './materials/price-table.ts';
import { readSpecSheet } from './materials/spec-sheet.ts';

/** Facts about the source document that the drafts record. */
export interface ExtractionContext {
  /** File name of the PDF, stored in each draft's `attributes.sourceFile`. */
  filename: string;
}

/**
 * Extracts material drafts from page text in page order. Deterministic: the same pages give
 * the same drafts in the same order. Page text is expected in reading order with table cells
 * separated by two or more spaces, as `extractPageText` (page-text.ts) produces it.
 */
export function extractMaterials(
  pages: ReadonlyArray<{ pageNumber: number; text: string }>,
  context: ExtractionContext,
): MaterialDraft[] {
  const drafts: MaterialDraft[] = [];
  for (const page of [...pages].sort((a, b) => a.pageNumber - b.pageNumber)) {
    drafts.push(...extractPage(page.pageNumber, page.text, context.filename));
  }
  return dropDuplicates(drafts);
}

function extractPage(pageNumber: number, text: string, filename: string): MaterialDraft[] {
  const rows = findPriceTableRows(pageNumber, text);
  const tableLines = new Set(rows.flatMap((row) => row.lineIndexes));
  const drafts = rows.map((row) => draftFromTableRow(row, filename));

  const sheet = readSpecSheet(pageNumber, text);
  if (sheet) drafts.push(draftFromSpecSheet(sheet, filename));

  for (const line of findLooseLines(pageNumber, text, tableLines)) {
    drafts.push(draftFromLooseLine(line, filename));
  }
  return drafts;
}

// A table printed twice on a page (or a line read by two readers) must not become two rows.
function dropDuplicates(drafts: MaterialDraft[]): MaterialDraft[] {
  const seen = new Set<string>();
  return drafts.filter((draft) => {
    const key = JSON.stringify([
      draft.pageNumber,
      draft.sku,
      draft.name,
      draft.price,
      draft.dimensions,
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
