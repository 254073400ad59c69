import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { AnnotationMode } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfPage } from './pdf-document.ts';
import { corruptPageError } from './pdf-errors.ts';

/** A rendered page as 8-bit RGBA pixels, rows top to bottom. */
export interface RenderedPage {
  pageNumber: number;
  width: number;
  height: number;
  /** Resolution actually used; below the requested one when `maxPixels` capped it. */
  dpi: number;
  rgba: Buffer;
  warnings: string[];
}

export interface RenderOptions {
  /** Resolution in dots per inch; 72 gives one pixel per PDF point. */
  dpi?: number;
  /**
   * Upper bound of width × height. A larger page is rendered at a lower resolution instead,
   * because the canvas needs 4 bytes per pixel (40 million pixels is 160 MB).
   */
  maxPixels?: number;
  signal?: AbortSignal;
}

export type PageImageFormat = 'jpeg' | 'png';

/** The part of pdfjs's canvas factory (NodeCanvasFactory over @napi-rs/canvas) used here. */
interface CanvasAndContext {
  canvas: unknown;
  context: CanvasRenderingContext2D;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(target: CanvasAndContext): void;
}

const DEFAULT_DPI = 150;
const DEFAULT_MAX_PIXELS = 40_000_000;
const POINTS_PER_INCH = 72;

/** Picks the scale for `dpi`, lowered so the page stays within `maxPixels`. */
function chooseScale(page: PdfPage, dpi: number, maxPixels: number): number {
  const pixelsAt = (scale: number): number => {
    const { width, height } = page.proxy.getViewport({ scale });
    return Math.ceil(width) * Math.ceil(height);
  };
  let scale = dpi / POINTS_PER_INCH;
  const pixels = pixelsAt(scale);
  if (pixels <= maxPixels) return scale;
  scale *= Math.sqrt(maxPixels / pixels);
  // Rounding each side up can still overshoot by a row or column.
  while (pixelsAt(scale) > maxPixels) scale *= 0.99;
  return scale;
}

/**
 * Renders a page with pdfjs onto a canvas from the document's canvas factory, honouring
 * /Rotate, on a white background. The canvas is freed before this returns, so memory stays
 * at one page whatever the page count. Throws InputError `corrupt_page` when pdfjs fails.
 */
export async function renderPage(
  page: PdfPage,
  options: RenderOptions = {},
): Promise<RenderedPage> {
  const { dpi = DEFAULT_DPI, maxPixels = DEFAULT_MAX_PIXELS, signal } = options;
  if (!(dpi > 0 && Number.isFinite(dpi))) throw new RangeError(`dpi must be positive, got ${dpi}`);
  signal?.throwIfAborted();

  const scale = chooseScale(page, dpi, maxPixels);
  const viewport = page.proxy.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const factory = page.document.canvasFactory as CanvasFactory;
  const target = factory.create(width, height);
  const onAbort = (): void => task.cancel();
  const task = page.proxy.render({
    canvas: null,
    canvasContext: target.context,
    viewport,
    annotationMode: AnnotationMode.ENABLE,
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await task.promise;
    const pixels = target.context.getImageData(0, 0, width, height).data;
    const usedDpi = scale * POINTS_PER_INCH;
    const warnings =
      usedDpi < dpi - 0.5
        ? [
            `page rendered at ${Math.floor(usedDpi)} dpi instead of ${dpi}: it would exceed ${maxPixels} pixels`,
          ]
        : [];
    return {
      pageNumber: page.pageNumber,
      width,
      height,
      dpi: usedDpi,
      rgba: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength),
      warnings,
    };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw corruptPageError(page.source, page.pageNumber, error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    factory.destroy(target);
  }
}

/**
 * Encodes a rendered page with sharp and writes it to `outPath` through a temporary file, so
 * a rerun replaces the image and an interrupted write leaves no partial file behind.
 */
export async function writePageImage(
  rendered: Pick<RenderedPage, 'width' | 'height' | 'rgba'>,
  outPath: string,
  format: PageImageFormat = 'jpeg',
  options: { quality?: number; signal?: AbortSignal } = {},
): Promise<{ path: string; bytes: number }> {
  options.signal?.throwIfAborted();
  const raw = { width: rendered.width, height: rendered.height, channels: 4 as const };
  const image = sharp(rendered.rgba, { raw }).removeAlpha();
  const encoded =
    format === 'png'
      ? image.png({ compressionLevel: 6 })
      : image.jpeg({ quality: options.quality ?? 85, mozjpeg: false });
  await mkdir(path.dirname(outPath), { recursive: true });
  const temporary = `${outPath}.${process.pid}.tmp`;
  try {
    const info = await encoded.toFile(temporary);
    options.signal?.throwIfAborted();
    await rename(temporary, outPath);
    return { path: outPath, bytes: info.size };
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
