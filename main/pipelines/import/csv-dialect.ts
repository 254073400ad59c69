import { CsvError, parse } from 'csv-parse/sync';

/** Delimiters the sniffer tries, in order of preference on a tie. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Line endings accepted in one file; Excel and hand-edited files mix them. */
export const CSV_RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/** Layout of a delimited file (delimiter, header row, column names), sniffed from its first rows. */
export interface CsvDialect {
  delimiter: string;
  /** 0-based index among the file's rows (blank rows included) of the header row. */
  headerRowIndex: number;
  /** Field names for the columns, from the header row (and the row above it when it continues it). */
  columns: string[];
}

const SAMPLE_ROWS = 60;
const HEADER_SEARCH_ROWS = 30;
const FOLLOWING_ROWS = 10;

/** Parses the first rows of a sample, stopping cleanly at a record cut off by the sample end. */
export function parseSampleRows(
  sample: string,
  delimiter: string,
  maxRows = SAMPLE_ROWS,
): string[][] {
  const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  const text = lastBreak > 0 ? sample.slice(0, lastBreak + 1) : sample;
  const options = {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: CSV_RECORD_DELIMITERS,
    to: maxRows,
  };
  try {
    return parse(text, options) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) return [];
    const completed = Number((error as { records?: unknown }).records ?? 0);
    return completed > 0 ? (parse(text, { ...options, to: completed }) as string[][]) : [];
  }
}

/** Sniffs the delimiter and the header row of a delimited text sample. */
export function sniffCsvDialect(sample: string, delimiter?: string): CsvDialect {
  const chosen = delimiter ?? sniffDelimiter(sample);
  const rows = parseSampleRows(sample, chosen);
  const headerRowIndex = findHeaderRow(rows);
  return { delimiter: chosen, headerRowIndex, columns: headerColumns(rows, headerRowIndex) };
}

/** Picks the delimiter that splits the non-blank sample rows into the most consistent width. */
export function sniffDelimiter(sample: string): string {
  let best: { delimiter: string; consistency: number; width: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const widths = parseSampleRows(sample, delimiter)
      .filter((row) => !isBlankRow(row))
      .map((row) => row.length);
    const width = modalValue(widths);
    const consistency = widths.filter((w) => w === width).length / Math.max(1, widths.length);
    if (width < 2) continue;
    if (
      !best ||
      consistency > best.consistency ||
      (consistency === best.consistency && width > best.width)
    ) {
      best = { delimiter, consistency, width };
    }
  }
  return best?.delimiter ?? ',';
}

function modalValue(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let mode = 0;
  let modeCount = 0;
  for (const [value, count] of counts) {
    if (count > modeCount || (count === modeCount && value > mode))
      [mode, modeCount] = [value, count];
  }
  return mode;
}

/** True when every cell of a row is empty or whitespace. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function filledCells(row: readonly string[]): string[] {
  return row.map((cell) => cell.trim()).filter((cell) => cell !== '');
}

function isNumberLike(cell: string): boolean {
  return /\d/.test(cell) && /^[-+]?[\d\s.,'%€$£¥₽]+$/.test(cell);
}

function isLabelRow(row: readonly string[]): boolean {
  const cells = filledCells(row);
  const labels = cells.filter((cell) => !isNumberLike(cell) && cell.length <= 80);
  return cells.length > 0 && labels.length >= cells.length * 0.75;
}

/**
 * Finds the header: the first row of labels that is at least half as wide (in filled cells)
 * as the rows that follow it. Title and address rows of a report layout are narrower. Below
 * such a preamble, a label row directly followed by a wider label row is the first line of a
 * two-line header, so the second line is taken.
 */
function findHeaderRow(rows: string[][]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    if (!isHeaderCandidate(rows, i)) continue;
    const next = rows[i + 1];
    const continued =
      i > 0 &&
      next !== undefined &&
      isLabelRow(next) &&
      filledCells(next).length >= filledCells(row).length;
    if (!continued) return i;
  }
  return 0;
}

function isHeaderCandidate(rows: string[][], index: number): boolean {
  const row = rows[index] ?? [];
  if (isBlankRow(row) || !isLabelRow(row)) return false;
  const following = rows
    .slice(index + 1)
    .filter((r) => !isBlankRow(r))
    .slice(0, FOLLOWING_ROWS);
  if (following.length === 0) return true;
  const widths = following.map((r) => filledCells(r).length).sort((a, b) => a - b);
  const dataWidth = widths[Math.floor(widths.length / 2)] ?? 0;
  return filledCells(row).length >= Math.max(2, dataWidth * 0.5);
}

/**
 * Builds column names. A label row directly above the header that is itself wide enough is
 * treated as the first line of a two-line header (`Preis` above `Euro` gives `Preis Euro`).
 */
function headerColumns(rows: string[][], headerIndex: number): string[] {
  const header = rows[headerIndex] ?? [];
  const above = headerIndex > 0 ? rows[headerIndex - 1] : undefined;
  const useAbove =
    above !== undefined &&
    isLabelRow(above) &&
    filledCells(above).length >= Math.max(2, filledCells(header).length * 0.4);
  const width = Math.max(header.length, useAbove ? above.length : 0);
  const names = Array.from({ length: width }, (_, i) => {
    const parts = [useAbove ? above[i] : '', header[i]].map((p) => (p ?? '').trim());
    return parts
      .filter((p) => p !== '')
      .join(' ')
      .replace(/\s+/g, ' ');
  });
  return uniqueColumnNames(names);
}

/** Replaces empty names with `column_N` (1-based) and numbers repeated names `name_2`. */
export function uniqueColumnNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const name = raw === '' ? `column_${i + 1}` : raw;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}
