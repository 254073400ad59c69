/**
 * Splitting page text lines into table cells. Page text keeps a run of two or more spaces (or
 * a tab) between cells of a table row, while single spaces stay inside a cell, so `1 000` and
 * `6 400` remain one number each.
 */

/** A page line split into cells. */
export interface CellLine {
  /** 0-based index of the line in the page text. */
  lineIndex: number;
  raw: string;
  cells: string[];
}

/** Splits a page into lines of cells, dropping blank lines. */
export function splitPageLines(text: string): CellLine[] {
  const lines: CellLine[] = [];
  text.split(/\r?\n/).forEach((raw, lineIndex) => {
    const cells = splitCells(raw);
    if (cells.length > 0) lines.push({ lineIndex, raw, cells });
  });
  return lines;
}

/** Splits one line on tabs and runs of two or more spaces. */
export function splitCells(line: string): string[] {
  return line
    .split(/\t|[ \u00a0]{2,}/)
    .map((cell) => cell.trim())
    .filter((cell) => cell.length > 0);
}

/** Returns true for a number as table cells write it: `300`, `1 000`, `6,5`, `1 520 000`. */
export function isNumberCell(cell: string): boolean {
  return /^\d{1,3}(?: \d{3})+(?:,\d+)?$|^\d+(?:[.,]\d+)?$/.test(cell);
}

/** Returns true for an empty-value marker: `-`, en dash or em dash. */
export function isPlaceholderCell(cell: string): boolean {
  return /^[-–—]$/.test(cell);
}

/** Returns true for a size or pair in one cell: `1500 x 1500`, `50×25×25`, `560 / 440`, `7-10`. */
export function isMeasureCell(cell: string): boolean {
  const number = String.raw`(?:\d{1,3}(?: \d{3})+|\d+(?:[.,]\d+)?)`;
  return new RegExp(String.raw`^${number}(?:\s*(?:[x×]|\/|-)\s*${number}){1,2}$`).test(cell);
}
