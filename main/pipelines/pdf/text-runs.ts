import { Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';

/**
 * A pdfjs text item placed in the frame of its writing direction: `x0..x1` runs along the
 * text and `baseline` grows towards the next line, so every orientation is laid out with the
 * same code. Lengths are in PDF points.
 */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  /** Font size after all transforms, in points. */
  size: number;
  rtl: boolean;
  /** Whitespace that pdfjs kept at the ends of the item, which the join must not lose. */
  spaceBefore: boolean;
  spaceAfter: boolean;
  /** Box on the rotated page (viewport at scale 1, origin top left): x0, y0, x1, y1. */
  box: [number, number, number, number];
}

/** Runs that share one writing direction. */
export interface RunGroup {
  /** Angle of the writing direction on the rotated page in degrees, or `vertical` for CJK. */
  orientation: number | 'vertical';
  runs: TextRun[];
  /** Non-space characters, to rank groups. */
  chars: number;
}

/** Share of a glyph above and below the baseline, used for every font. */
const ASCENT = 0.8;
const DESCENT = 0.2;

/** Rotation angles closer than this to a multiple of 90 degrees are snapped to it. */
const SNAP_DEGREES = 3;

function directionDegrees(m: number[]): number {
  const degrees = (Math.atan2(m[1] ?? 0, m[0] ?? 1) * 180) / Math.PI;
  const positive = (degrees + 360) % 360;
  const snapped = Math.round(positive / 90) * 90;
  const angle = Math.abs(positive - snapped) <= SNAP_DEGREES ? snapped : Math.round(positive);
  return angle % 360;
}

/** Box of a run whose origin is `(ox, oy)` and writing direction `(ux, uy)` on the page. */
function pageBox(ox: number, oy: number, ux: number, uy: number, length: number, size: number) {
  // "Up" for the glyphs is the writing direction turned a quarter counter-clockwise on
  // screen, which with y pointing down is (uy, -ux).
  const [upX, upY] = [uy, -ux];
  const bottom = [ox - upX * size * DESCENT, oy - upY * size * DESCENT] as const;
  const top = [ox + upX * size * ASCENT, oy + upY * size * ASCENT] as const;
  const corners = [bottom, top].flatMap(([x, y]) => [
    [x, y],
    [x + ux * length, y + uy * length],
  ]);
  const xs = corners.map((corner) => corner[0] ?? 0);
  const ys = corners.map((corner) => corner[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as TextRun['box'];
}

/** Places one item on the page; returns null for empty and whitespace-only items. */
function toRun(
  item: TextItem,
  viewport: PageViewport,
  vertical: boolean,
): { orientation: RunGroup['orientation']; run: TextRun } | null {
  const text = item.str.replace(/[\t\r\n\u00a0]/g, ' ');
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const m = Util.transform(viewport.transform, item.transform) as number[];
  const [a = 0, b = 0, c = 0, d = 0, ox = 0, oy = 0] = m;
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  if (!(size > 0)) return null;

  const scale = viewport.scale;
  const orientation: RunGroup['orientation'] = vertical ? 'vertical' : directionDegrees(m);
  // Vertical CJK text advances down the page by `height`, with upright glyphs.
  const angle = vertical ? 90 : (orientation as number);
  const length = (vertical ? item.height : item.width) * scale;
  const ux = Math.cos((angle * Math.PI) / 180);
  const uy = Math.sin((angle * Math.PI) / 180);
  const originX = vertical ? ox + (item.width * scale) / 2 : ox;

  // Rotate the page by -angle so that the writing direction becomes +x.
  const along = originX * ux + oy * uy;
  const across = -originX * uy + oy * ux;
  const run: TextRun = {
    text: trimmed,
    x0: along,
    x1: along + Math.max(length, 0),
    baseline: across,
    size,
    rtl: item.dir === 'rtl',
    spaceBefore: text.startsWith(' '),
    spaceAfter: text.endsWith(' '),
    box: vertical
      ? [ox, oy, ox + item.width * scale, oy + length]
      : pageBox(ox, oy, ux, uy, length, size),
  };
  return { orientation, run };
}

/** Places the text items of a page and groups them by writing direction, largest first. */
export function groupRuns(content: TextContent, viewport: PageViewport): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const vertical = content.styles[item.fontName]?.vertical === true;
    const placed = toRun(item, viewport, vertical);
    if (!placed) continue;
    const key = String(placed.orientation);
    const group: RunGroup = groups.get(key) ?? {
      orientation: placed.orientation,
      runs: [],
      chars: 0,
    };
    group.runs.push(placed.run);
    group.chars += placed.run.text.replace(/\s/g, '').length;
    groups.set(key, group);
  }
  return [...groups.values()].sort((g, h) => h.chars - g.chars);
}
