import type { TextRun } from './text-runs.ts';

/**
 * Gap thresholds in ems of the smaller font size. A word space is about 0.25 em in most
 * fonts, and table cells and columns sit at least a full em apart in the files this was tuned
 * on (Leier price list, Corona tile sheets, pdf.js test files).
 */
const WORD_GAP_EM = 0.15;
export const CELL_GAP_EM = 1.0;
/** Runs overlapping by more than this are separate words, not accents or kerned letters. */
const OVERLAP_EM = 1.0;
/** Baselines closer than this belong to one line; superscripts join later, as rows. */
const SAME_LINE_EM = 0.4;
/** Lines this close overlap in height; they join into one row when they do not overlap in x. */
const SAME_ROW_EM = 0.8;
/** Upper bound of lines in one row, so offset columns cannot chain a whole page together. */
const MAX_ROW_LINES = 6;
/**
 * Lines stacked in one row (a wrapped cell) are at most this share of the region's width,
 * unless a cell beside them is centred between them. Prose lines are wider, so two lines of
 * a paragraph beside a figure label stay apart.
 */
const MAX_STACK_SHARE = 0.4;
/** Wider wrapped cells still stack when a cell beside them is centred within this, in ems. */
const CENTRED_EM = 0.15;

/** Text cells separated by at least CELL_GAP_EM are joined with this. */
export const CELL_SEPARATOR = '  ';

/** Runs that share a baseline, sorted along the writing direction. */
export interface TextLine {
  runs: TextRun[];
  baseline: number;
  size: number;
  x0: number;
  x1: number;
}

/** Runs of one line with no gap of a cell or more between them. */
export interface TextSegment {
  text: string;
  x0: number;
  x1: number;
  size: number;
  rtl: boolean;
}

/** Lines that read as one: a table row whose cells wrap or sit at offset baselines. */
export interface TextRow {
  lines: TextLine[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** True when most characters are in right-to-left runs. */
export function isRightToLeft(runs: { text: string; rtl: boolean }[]): boolean {
  let rtl = 0;
  let total = 0;
  for (const run of runs) {
    total += run.text.length;
    if (run.rtl) rtl += run.text.length;
  }
  return rtl * 2 > total;
}

/** Sorts runs along the line and drops exact overprints (fake bold, shadows). */
function finishLine(runs: TextRun[]): TextLine {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  const distinct: TextRun[] = [];
  for (const run of sorted) {
    const overprint = distinct.some(
      (other) =>
        other.text === run.text &&
        Math.abs(other.x0 - run.x0) < 0.3 * run.size &&
        Math.abs(other.baseline - run.baseline) < 0.3 * run.size,
    );
    if (!overprint) distinct.push(run);
  }
  return {
    runs: distinct,
    baseline: median(distinct.map((r) => r.baseline)),
    size: median(distinct.map((r) => r.size)),
    x0: Math.min(...distinct.map((r) => r.x0)),
    x1: Math.max(...distinct.map((r) => r.x1)),
  };
}

/** Groups runs into lines by baseline, with a tolerance relative to the font size. */
export function groupIntoLines(runs: TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: { first: TextRun; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const last = groups.at(-1);
    const tolerance = SAME_LINE_EM * Math.min(run.size, last?.first.size ?? run.size);
    if (last && run.baseline - last.first.baseline <= tolerance) last.runs.push(run);
    else groups.push({ first: run, runs: [run] });
  }
  return groups.map((g) => finishLine(g.runs));
}

/**
 * Returns the separator for a gap of `gap` points between two pieces of text. A negative gap
 * is an overlap. Kerning overlaps by a fraction of an em, while text that runs under other
 * text (a clipped file path behind a label) is a separate piece.
 */
function separatorFor(gap: number, size: number, spaced: boolean): string {
  if (gap >= CELL_GAP_EM * size) return CELL_SEPARATOR;
  if (gap <= -OVERLAP_EM * size) return ' ';
  if (spaced || gap >= WORD_GAP_EM * size) return ' ';
  return '';
}

/** Splits a line into segments at gaps of a cell or more and joins the runs of each. */
export function splitSegments(line: TextLine): TextSegment[] {
  const segments: TextSegment[] = [];
  let current: { runs: TextRun[]; text: string } | null = null;
  for (const run of line.runs) {
    const previous = current?.runs.at(-1);
    const size = Math.min(run.size, previous?.size ?? run.size);
    const separator = previous
      ? separatorFor(run.x0 - previous.x1, size, previous.spaceAfter || run.spaceBefore)
      : CELL_SEPARATOR;
    if (!current || separator === CELL_SEPARATOR) {
      current = { runs: [run], text: run.text };
      segments.push(toSegment(current));
    } else {
      current.runs.push(run);
      current.text += separator + run.text;
      segments[segments.length - 1] = toSegment(current);
    }
  }
  return segments;
}

function toSegment({ runs, text }: { runs: TextRun[]; text: string }): TextSegment {
  const ordered = isRightToLeft(runs) ? [...runs].reverse() : runs;
  const joined = ordered === runs ? text : ordered.map((r) => r.text).join(' ');
  return {
    text: joined,
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    size: median(runs.map((r) => r.size)),
    rtl: isRightToLeft(runs),
  };
}

function overlapsInX(a: TextLine, b: TextLine): boolean {
  const margin = 0.1 * Math.min(a.size, b.size);
  return a.runs.some((r) => b.runs.some((s) => r.x0 < s.x1 - margin && s.x0 < r.x1 - margin));
}

/**
 * Joins lines into rows. A line joins the row above when it overlaps one of the row's lines
 * in height (baselines less than SAME_ROW_EM apart) but none of them along the line. This is
 * a table row whose price sits between the two lines of a wrapped product name.
 *
 * NOTE: a page number in the margin on a row's baseline becomes one more cell of that row,
 * as with `pdftotext -layout`.
 */
export function groupIntoRows(lines: TextLine[]): TextRow[] {
  const left = Math.min(...lines.map((l) => l.x0));
  const maxStackWidth = MAX_STACK_SHARE * (Math.max(...lines.map((l) => l.x1)) - left);
  const rows: TextRow[] = [];
  for (const line of lines) {
    const row = rows.at(-1);
    const touching =
      row?.lines.filter(
        (l) => line.baseline - l.baseline < SAME_ROW_EM * Math.min(line.size, l.size),
      ) ?? [];
    const stacked = row?.lines.filter((l) => !touching.includes(l)) ?? [];
    const joins =
      row !== undefined &&
      row.lines.length < MAX_ROW_LINES &&
      touching.length > 0 &&
      touching.every((l) => !overlapsInX(l, line)) &&
      stacked.every(
        (l) => stacksAsCell(l, line, maxStackWidth) || touching.some((t) => isCentred(t, l, line)),
      );
    if (joins) row.lines.push(line);
    else rows.push({ lines: [line] });
  }
  return rows;
}

/** True when `middle` sits halfway between `above` and `below`, as in a vertically centred row. */
function isCentred(middle: TextLine, above: TextLine, below: TextLine): boolean {
  const halfway = (above.baseline + below.baseline) / 2;
  return Math.abs(middle.baseline - halfway) <= CENTRED_EM * middle.size;
}

/** True unless `a` and `b` overlap along the line in a segment wider than a table cell. */
function stacksAsCell(a: TextLine, b: TextLine, maxWidth: number): boolean {
  const bSegments = splitSegments(b);
  return splitSegments(a).every((s) =>
    bSegments.every((t) => {
      const overlap = s.x0 < t.x1 && t.x0 < s.x1;
      return !overlap || (s.x1 - s.x0 <= maxWidth && t.x1 - t.x0 <= maxWidth);
    }),
  );
}

/**
 * Merges the lines of a row that do not overlap along the line, such as a superscript and
 * its line, or a price and the first line of a wrapped name. Only lines that are stacked
 * (the two lines of the wrapped name) stay apart.
 */
function interleaveLines(lines: TextLine[]): TextLine[] {
  const merged: TextLine[] = [];
  for (const line of lines) {
    const target = merged.find((m) => !overlapsInX(m, line));
    if (target) {
      target.runs = [...target.runs, ...line.runs].sort((a, b) => a.x0 - b.x0);
      target.x0 = Math.min(target.x0, line.x0);
      target.x1 = Math.max(target.x1, line.x1);
      target.size = Math.min(target.size, line.size);
    } else {
      merged.push({ ...line, runs: [...line.runs] });
    }
  }
  return merged;
}

/**
 * Writes a row as one line of text. Segments of stacked lines that overlap along the line (a
 * wrapped cell) are read top to bottom and joined with a space. Cells are ordered along the
 * line and joined with CELL_SEPARATOR when far apart.
 */
export function rowText(row: TextRow): string {
  const segments = interleaveLines(row.lines).flatMap((line, index) =>
    splitSegments(line).map((segment) => ({ ...segment, index })),
  );
  segments.sort((a, b) => a.x0 - b.x0);
  const cells: { parts: typeof segments; x0: number; x1: number; size: number }[] = [];
  for (const segment of segments) {
    const cell = cells.at(-1);
    if (cell && segment.x0 < cell.x1 - 0.1 * segment.size) {
      cell.parts.push(segment);
      cell.x1 = Math.max(cell.x1, segment.x1);
    } else {
      cells.push({ parts: [segment], x0: segment.x0, x1: segment.x1, size: segment.size });
    }
  }
  const rtl = isRightToLeft(segments);
  const ordered = rtl ? [...cells].reverse() : cells;
  let text = '';
  ordered.forEach((cell, i) => {
    const parts = [...cell.parts].sort((a, b) => a.index - b.index || a.x0 - b.x0);
    const cellText = parts.map((p) => p.text).join(' ');
    const previous = ordered[i - 1];
    if (previous) {
      const gap = rtl ? previous.x0 - cell.x1 : cell.x0 - previous.x1;
      text += separatorFor(gap, Math.min(cell.size, previous.size), true);
    }
    text += cellText;
  });
  return text;
}
