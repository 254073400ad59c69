import { AnnotationMode, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { raceAbort } from './abort.ts';
import type { PdfPage } from './pdf-document.ts';
import { corruptPageError } from './pdf-errors.ts';
import { groupIntoLines, groupIntoRows, rowText, type TextRow } from './text-lines.ts';
import { detectGarbledText } from './text-quality.ts';
import { splitIntoRegions } from './text-regions.ts';
import { groupRuns, type TextRun } from './text-runs.ts';

/** One line of page text with its box on the rotated page (points, origin top left). */
export interface PageTextLine {
  text: string;
  box: [x0: number, y0: number, x1: number, y1: number];
}

/** The text of one page in reading order. */
export interface PageText {
  pageNumber: number;
  /** Lines joined with `\n`, with a blank line at column changes and paragraph gaps. */
  text: string;
  lines: PageTextLine[];
  /** False when the page has no extractable characters (a scan or a drawing). */
  hasTextLayer: boolean;
  /** Size of the rotated page in points. */
  width: number;
  height: number;
  /** Clockwise rotation from /Rotate: 0, 90, 180 or 270. */
  rotation: number;
  /** Each starts with a fixed phrase (`no text layer`, `garbled text`, ...) and explains. */
  warnings: string[];
}

const TEXT_OPS = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);

/** Rows this far apart (in ems) start a new paragraph. */
const PARAGRAPH_GAP_EM = 1.0;

interface PlacedRow {
  text: string;
  top: number;
  bottom: number;
  size: number;
  box: PageTextLine['box'];
}

function placeRow(row: TextRow): PlacedRow {
  const runs: TextRun[] = row.lines.flatMap((line) => line.runs);
  return {
    text: rowText(row),
    top: Math.min(...runs.map((r) => r.baseline - 0.8 * r.size)),
    bottom: Math.max(...runs.map((r) => r.baseline + 0.2 * r.size)),
    size: Math.min(...row.lines.map((l) => l.size)),
    box: [
      Math.min(...runs.map((r) => r.box[0])),
      Math.min(...runs.map((r) => r.box[1])),
      Math.max(...runs.map((r) => r.box[2])),
      Math.max(...runs.map((r) => r.box[3])),
    ],
  };
}

/** Lays out the runs of one writing direction as rows in reading order. */
function layOutRuns(runs: TextRun[]): PlacedRow[] {
  return splitIntoRegions(runs).flatMap((region) =>
    groupIntoRows(groupIntoLines(region)).map(placeRow),
  );
}

/** Joins rows, with a blank line where the next row goes back up or is far below. */
function joinRows(rows: PlacedRow[]): string {
  let text = '';
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (previous) {
      const jumpsBack = row.top < previous.top;
      const farBelow = row.top - previous.bottom > PARAGRAPH_GAP_EM * row.size;
      text += jumpsBack || farBelow ? '\n\n' : '\n';
    }
    text += row.text;
  });
  return text;
}

/** True when the page's content stream draws text, whatever pdfjs could decode of it. */
async function drawsText(page: PdfPage): Promise<boolean> {
  const list = await page.proxy.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  return list.fnArray.some((op) => TEXT_OPS.has(op));
}

/**
 * Extracts the text of a page in reading order. Items are grouped into lines by baseline and
 * regions are split at column gutters, so a left column is read before the right one. Table
 * rows stay one line with cells joined by two spaces. Text in other directions (a rotated
 * label, vertical CJK) follows the main text. Adds warnings for pages without a text layer
 * and for garbled text, and throws InputError `corrupt_page` when pdfjs cannot parse the page.
 *
 * NOTE: pdfjs 5.6 ignores /ActualText, so InDesign small caps come out in the case of the
 * font's ToUnicode map (`mÉLyÉpíTÉs` for Mélyépítés in the Leier price list); match
 * case-insensitively.
 */
export async function extractPageText(
  page: PdfPage,
  options: { signal?: AbortSignal } = {},
): Promise<PageText> {
  const { signal } = options;
  signal?.throwIfAborted();
  const viewport = page.proxy.getViewport({ scale: 1 });
  let content;
  try {
    content = await raceAbort(page.proxy.getTextContent(), signal);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw corruptPageError(page.source, page.pageNumber, error);
  }

  const groups = groupRuns(content, viewport);
  const blocks = groups.map((group) => layOutRuns(group.runs));
  const text = blocks.map(joinRows).join('\n\n');
  const hasTextLayer = groups.some((group) => group.chars > 0);
  const warnings: string[] = [];
  if (!hasTextLayer) {
    warnings.push(
      (await raceAbort(drawsText(page), signal))
        ? 'no text layer: the page draws text, but none of it could be decoded (fonts without a character map, or CMaps missing); render the page and OCR it'
        : 'no text layer: the page has no text, so it is probably a scanned image; render the page and OCR it',
    );
  }
  const garbled = detectGarbledText(text);
  if (garbled) warnings.push(`${garbled}; OCR the rendered page rather than trust this text`);

  return {
    pageNumber: page.pageNumber,
    text,
    lines: blocks.flat().map(({ text: lineText, box }) => ({ text: lineText, box })),
    hasTextLayer,
    width: viewport.width,
    height: viewport.height,
    rotation: viewport.rotation,
    warnings,
  };
}
