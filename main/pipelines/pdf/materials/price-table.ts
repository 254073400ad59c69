/**
 * Rows of price tables such as a supplier price list: a type code and name, measurement
 * columns, weight and pallet columns, then one price column per plant. The currency comes
 * from a column header like `Egységár (Ft/db)` or `Price (€/m2)`, because the cells hold bare
 * numbers. Names that wrap onto the line above or below the numbers are joined back.
 */

import {
  isMeasureCell,
  isNumberCell,
  isPlaceholderCell,
  splitPageLines,
  type CellLine,
} from './cells.ts';
import { parseLeadingCode } from './codes.ts';
import { parseLocaleNumber } from './numbers.ts';
import { findCurrencyCode } from './prices.ts';

/** The header facts that apply to the rows below them. */
interface TableHeader {
  currency: string;
  perUnit: string | null;
  /**
   * How many `(mm)` column headers the table has; those columns come first in each row.
   * NOTE: header cells that page text places below the rows (rotated header text) are not
   * counted, so the rows of such a table get no millimetre dimensions.
   */
  millimetreColumns: number;
  /** The section title above the table, without its number (`Talpas betoncsövek`). */
  section: string | null;
}

/** One product row of a price table, before it becomes a draft. */
export interface PriceTableRow {
  pageNumber: number;
  /** Indexes of the page lines the row was assembled from. */
  lineIndexes: number[];
  name: string;
  sku: string | null;
  /** Value cells after the name, left to right. */
  cells: string[];
  /** All price columns of the row (one per plant or site), left to right. */
  prices: number[];
  currency: string;
  perUnit: string | null;
  /** The measurement columns, as numbers in millimetres or as one size cell. */
  measurements: string[];
  millimetres: boolean;
  section: string | null;
  rawLines: string[];
}

interface PendingRow extends Omit<PriceTableRow, 'prices' | 'measurements' | 'millimetres'> {
  header: TableHeader;
}

// `(Ft/db)`, `(€)`, `(EUR/m2)`: a parenthesised currency in a column header.
const CURRENCY_HEADER = /\(\s*([^()\d\s/]{1,4})\s*(?:\/\s*([\p{L}\d]{1,5}))?\s*\)/u;
const SECTION_TITLE = /^(?:[IVX]+\.)(?:\d+\.)*\s+(\S.*)$/;
// A type code inside a name (`… színben DSi 25/13 - N`): two capitals, then numbers with slashes.
const INNER_CODE =
  /(?<![\p{L}\p{N}])\p{Lu}{2}\p{L}{0,2}\s?\d+(?:,\d+)?(?:\/\d+(?:,\d+)?)+(?:\s?-\s?\p{Lu}(?!\p{L}))?/u;

/** Finds the price-table rows of one page; returns none when no header names a currency. */
export function findPriceTableRows(pageNumber: number, text: string): PriceTableRow[] {
  const lines = splitPageLines(text);
  const tables: PendingRow[][] = [];
  let current: PendingRow[] = [];
  let header: TableHeader | null = null;
  let section: string | null = null;
  let millimetreColumns = 0;
  let rowsSinceHeader = false;
  const consumed = new Set<number>();

  const closeTable = (): void => {
    if (current.length > 0) tables.push(current);
    current = [];
  };
  // A header line after rows starts a new table, whose column counts start from zero.
  const startHeader = (): void => {
    closeTable();
    if (rowsSinceHeader) millimetreColumns = 0;
    rowsSinceHeader = false;
  };

  lines.forEach((line, position) => {
    if (consumed.has(position)) return;
    const title = SECTION_TITLE.exec(line.cells.join(' '));
    if (title) {
      closeTable();
      section = title[1]!.trim();
      header = null;
      millimetreColumns = 0;
      rowsSinceHeader = false;
      return;
    }
    const tail = valueTail(line.cells);
    const currency = currencyHeader(line);
    const millimetres = tail ? 0 : (line.raw.match(/\(mm\)/g)?.length ?? 0);
    if (currency || millimetres > 0) startHeader();
    millimetreColumns += millimetres;
    if (currency) header = { ...currency, millimetreColumns, section };
    else if (header && millimetres > 0) header = { ...header, millimetreColumns };
    if (!tail || !header) return;

    const row = assembleRow(pageNumber, lines, position, tail, header, consumed);
    if (row) {
      current.push(row);
      rowsSinceHeader = true;
    }
  });
  closeTable();
  return tables.flatMap((rows) => resolveColumns(rows));
}

function currencyHeader(line: CellLine): { currency: string; perUnit: string | null } | null {
  for (const cell of line.cells) {
    const match = CURRENCY_HEADER.exec(cell);
    if (!match) continue;
    const currency = findCurrencyCode(match[1]!);
    if (currency) return { currency, perUnit: match[2] ?? null };
  }
  return null;
}

/**
 * Returns the value cells at the end of a row: numbers, sizes and dashes, plus single words
 * between numbers (a pallet type such as `piros` or `EUR`). Null unless a number is among them
 * and they are at least two cells long.
 */
function valueTail(cells: string[]): { start: number; values: string[] } | null {
  let start = cells.length;
  while (start > 0) {
    const cell = cells[start - 1]!;
    const isValue = isNumberCell(cell) || isPlaceholderCell(cell) || isMeasureCell(cell);
    const isCategory =
      /^\p{L}{2,10}$/u.test(cell) &&
      start < cells.length &&
      start >= 2 &&
      isValueCell(cells[start - 2]!);
    if (!isValue && !isCategory) break;
    start -= 1;
  }
  const values = cells.slice(start);
  if (values.length < 2 || !values.some(isNumberCell)) return null;
  return { start, values };
}

function isValueCell(cell: string): boolean {
  return isNumberCell(cell) || isPlaceholderCell(cell) || isMeasureCell(cell);
}

function assembleRow(
  pageNumber: number,
  lines: CellLine[],
  position: number,
  tail: { start: number; values: string[] },
  header: TableHeader,
  consumed: Set<number>,
): PendingRow | null {
  const line = lines[position]!;
  const textCells = line.cells.slice(0, tail.start).filter((cell) => !isNumberCell(cell));
  const lineIndexes = [line.lineIndex];
  const rawLines = [line.raw];

  let nameParts: string[] = [];
  let openedAbove = false;
  let codeCell = textCells.findIndex((cell) => parseLeadingCode(cell) !== null);
  if (codeCell < 0) codeCell = textCells.findIndex((cell) => INNER_CODE.test(cell));
  if (codeCell >= 0) {
    nameParts = textCells.slice(codeCell).filter((cell, i) => i === 0 || isContinuation(cell));
  } else {
    const previous = lines[position - 1];
    const opening = previous && !consumed.has(position - 1) ? nameOpening(previous) : null;
    if (!opening) return null;
    nameParts = [opening, ...textCells.filter(isContinuation)];
    openedAbove = true;
    lineIndexes.unshift(previous!.lineIndex);
    rawLines.unshift(previous!.raw);
    consumed.add(position - 1);
  }

  const next = lines[position + 1];
  if (next && takesContinuation(nameParts.join(' '), openedAbove, next)) {
    nameParts.push(next.cells[next.cells.length - 1]!);
    lineIndexes.push(next.lineIndex);
    rawLines.push(next.raw);
    consumed.add(position + 1);
  }

  const name = nameParts.join(' ').replace(/\s+/g, ' ').trim();
  const sku = parseLeadingCode(name) ?? INNER_CODE.exec(name)?.[0] ?? null;
  if (!sku) return null;
  return {
    pageNumber,
    lineIndexes,
    name,
    sku,
    cells: tail.values,
    currency: header.currency,
    perUnit: header.perUnit,
    section: header.section,
    rawLines,
    header,
  };
}

/** Returns the start of a name wrapped above its numbers: the last cell of a line without values. */
function nameOpening(line: CellLine): string | null {
  if (valueTail(line.cells)) return null;
  const cell = line.cells[line.cells.length - 1]!;
  if (parseLeadingCode(cell)) return cell;
  return /^\p{Lu}\p{Ll}+\s+\p{L}/u.test(cell) ? cell : null;
}

/**
 * Decides whether the line below a row ends its name. A lone lower-case line is more often
 * the wrapped group label of the left column, so it counts only when the name is visibly
 * unfinished: opened on the line above, or ending in a comma or an open bracket. A lower-case
 * cell after a group-label cell (`Tokos betoncső  integrált gumitömítéssel`) always counts.
 */
function takesContinuation(name: string, openedAbove: boolean, next: CellLine): boolean {
  if (valueTail(next.cells)) return false;
  const last = next.cells[next.cells.length - 1]!;
  if (!isContinuation(last)) return false;
  const unfinished = openedAbove || /[,(]$/.test(name) || /\([^)]*$/.test(name);
  return unfinished || next.cells.length >= 2;
}

function isContinuation(cell: string): boolean {
  return /^\(?\p{Ll}/u.test(cell);
}

/**
 * Decides which columns contain prices, per table. In the rows with the most common number of
 * cells, the prices are the trailing run of numbers within a factor of 2.5 of the last one.
 * The column before that run must be at least three times smaller (a weight or pallet count). Rows at least that
 * long use their own trailing run when they have one. Shorter rows miss cells at the end, so
 * they take the common price columns and a missing price stays missing instead of shifting
 * onto a weight.
 * NOTE: a weight or size column of the same magnitude as the price (`24,5` kg next to
 * `31,90` €) is read as a second price, because the header does not say how many price
 * columns there are.
 */
function resolveColumns(rows: PendingRow[]): PriceTableRow[] {
  const modalLength = mode(rows.map((row) => row.cells.length));
  const starts = rows
    .filter((row) => row.cells.length === modalLength)
    .map((row) => priceColumnStart(row.cells) ?? modalLength);
  const modalPriceStart = mode(starts);
  return rows.map((row) => {
    const { header, ...rest } = row;
    const ownStart = row.cells.length >= modalLength ? priceColumnStart(row.cells) : null;
    const priceStart = ownStart ?? modalPriceStart;
    const priceCells = row.cells.slice(priceStart);
    const prices = samePriceScale(
      priceCells.filter(isNumberCell).map((cell) => parseLocaleNumber(cell)!),
    );
    const measurementCells = row.cells.slice(0, Math.min(priceStart, header.millimetreColumns));
    const sizeCells = row.cells.slice(0, priceStart).filter((cell) => /[x×]/.test(cell));
    const millimetres = header.millimetreColumns > 0;
    const measurements = millimetres
      ? measurementCells.filter((cell) => isNumberCell(cell) || isMeasureCell(cell))
      : sizeCells;
    return { ...rest, prices, measurements, millimetres };
  });
}

// Prices of one product at different plants are of one scale, so a stray small number after
// them (a page number that lands in the row) is dropped.
function samePriceScale(values: number[]): number[] {
  const first = values.find((value) => value > 0);
  if (first === undefined) return [];
  return values.filter((value) => value >= first / 2.5 && value <= first * 2.5);
}

/** Index of the first price cell, or null; retried without a last cell ten times smaller. */
function priceColumnStart(cells: string[]): number | null {
  const count = trailingPriceCount(cells);
  if (count > 0) return cells.length - count;
  const [previous, last] = cells.slice(-2).map((cell) => parseLocaleNumber(cell));
  const stray = previous != null && last != null && last * 10 < previous;
  if (cells.length < 3 || !stray) return null;
  const withoutLast = trailingPriceCount(cells.slice(0, -1));
  return withoutLast > 0 ? cells.length - 1 - withoutLast : null;
}

function trailingPriceCount(cells: string[]): number {
  const values = cells.map((cell) => (isNumberCell(cell) ? parseLocaleNumber(cell) : null));
  const last = values[values.length - 1];
  if (last === null || last === undefined) return 0;
  let count = 1;
  while (count < values.length) {
    const value = values[values.length - 1 - count];
    if (value === null || value === undefined || value < last / 2.5 || value > last * 2.5) break;
    count += 1;
  }
  const before = values[values.length - 1 - count];
  const smallest = Math.min(...values.slice(values.length - count).map((value) => value!));
  if (before !== null && before !== undefined && before * 3 > smallest) return 0;
  return count;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
