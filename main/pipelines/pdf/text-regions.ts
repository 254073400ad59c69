import { groupIntoLines, isRightToLeft, median, splitSegments } from './text-lines.ts';
import type { TextRun } from './text-runs.ts';

/**
 * Reading order by recursive XY-cut: a region is split at a column gutter when both sides
 * read as text columns, else at its widest horizontal gap, until neither exists. Gutters are
 * tried first so that two columns whose lines share baselines are not cut into rows.
 */

/** A gutter candidate must be at least this wide, in ems of the median font size. */
const MIN_GUTTER_EM = 0.8;
/** A text column has at least this many lines ... */
const MIN_COLUMN_LINES = 4;
/** ... and most of them are prose lines: at least this many ems wide ... */
const MIN_PROSE_WIDTH_EM = 12;
/** ... and mostly covered by text, which table rows, with wide gaps between cells, are not. */
const MIN_PROSE_FILL = 0.8;
/** Share of prose lines a text column needs; headings and last lines of paragraphs are short. */
const MIN_PROSE_SHARE = 0.6;
/** Gutter candidates tried per region, widest first. */
const MAX_GUTTER_CANDIDATES = 8;
/** Recursion limit; a page has far fewer nested regions. */
const MAX_DEPTH = 200;

interface Gap {
  start: number;
  end: number;
}

/** Gaps between the merged intervals, widest first. */
function findGaps(intervals: [number, number][], minWidth: number): Gap[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const gaps: Gap[] = [];
  let reach = sorted[0]?.[1] ?? 0;
  for (const [start, end] of sorted.slice(1)) {
    if (start - reach >= minWidth) gaps.push({ start: reach, end: start });
    reach = Math.max(reach, end);
  }
  return gaps.sort((a, b) => b.end - b.start - (a.end - a.start));
}

/** True when the runs read as a column of prose rather than a table column or a label. */
export function isTextColumn(runs: TextRun[]): boolean {
  const lines = groupIntoLines(runs);
  if (lines.length < MIN_COLUMN_LINES) return false;
  const prose = lines.filter((line) => {
    const width = line.x1 - line.x0;
    const covered = splitSegments(line).reduce((sum, s) => sum + (s.x1 - s.x0), 0);
    return width >= MIN_PROSE_WIDTH_EM * line.size && covered >= MIN_PROSE_FILL * width;
  });
  return prose.length >= MIN_PROSE_SHARE * lines.length;
}

function verticalSpan(runs: TextRun[]): Gap {
  return {
    start: Math.min(...runs.map((r) => r.baseline - r.size)),
    end: Math.max(...runs.map((r) => r.baseline)),
  };
}

/** Splits `runs` at a column gutter, or returns null. */
function splitAtGutter(runs: TextRun[]): [TextRun[], TextRun[]] | null {
  const size = median(runs.map((r) => r.size));
  const gaps = findGaps(
    runs.map((r) => [r.x0, r.x1]),
    MIN_GUTTER_EM * size,
  ).slice(0, MAX_GUTTER_CANDIDATES);
  for (const gap of gaps) {
    const left = runs.filter((r) => r.x1 <= gap.start);
    const right = runs.filter((r) => r.x0 >= gap.end);
    const [a, b] = [verticalSpan(left), verticalSpan(right)];
    const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
    const side = Math.min(a.end - a.start, b.end - b.start);
    if (shared < 0.5 * side) continue;
    if (isTextColumn(left) && isTextColumn(right)) {
      return isRightToLeft(runs) ? [right, left] : [left, right];
    }
  }
  return null;
}

/** Splits `runs` at the widest horizontal gap between line boxes, or returns null. */
function splitAtWidestGap(runs: TextRun[]): [TextRun[], TextRun[]] | null {
  const boxes = runs.map((r): [number, number] => [
    r.baseline - 0.8 * r.size,
    r.baseline + 0.2 * r.size,
  ]);
  const gap = findGaps(boxes, Number.EPSILON)[0];
  if (!gap) return null;
  const cut = (gap.start + gap.end) / 2;
  return [runs.filter((r) => r.baseline < cut), runs.filter((r) => r.baseline >= cut)];
}

/** Splits the runs of one writing direction into regions in reading order. */
export function splitIntoRegions(runs: TextRun[], depth = 0): TextRun[][] {
  if (runs.length < 2 || depth > MAX_DEPTH) return [runs];
  const parts = splitAtGutter(runs) ?? splitAtWidestGap(runs);
  if (!parts) return [runs];
  return parts.flatMap((part) => splitIntoRegions(part, depth + 1));
}
