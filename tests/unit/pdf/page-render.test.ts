import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf, type PdfHandle } from '../../../main/pipelines/pdf/pdf-document.ts';
import {
  renderPage,
  writePageImage,
  type RenderedPage,
  type RenderOptions,
} from '../../../main/pipelines/pdf/page-render.ts';
import { fixture, temporaryFolder } from './helpers/fixtures.ts';

async function render(name: string, pageNumber: number, options: RenderOptions) {
  const pdf = await openPdf(fixture(name));
  try {
    const page = await pdf.getPage(pageNumber);
    try {
      return await renderPage(page, options);
    } finally {
      page.release();
    }
  } finally {
    await pdf.close();
  }
}

/** Counts pixels darker than mid-grey inside the box (pixels, end exclusive). */
function darkPixels(image: RenderedPage, x0: number, y0: number, x1: number, y1: number): number {
  let count = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * image.width + x) * 4;
      const luma = (image.rgba[i] ?? 255) + (image.rgba[i + 1] ?? 255) + (image.rgba[i + 2] ?? 255);
      if (luma < 3 * 128) count += 1;
    }
  }
  return count;
}

describe('renderPage', () => {
  it('renders a /Rotate 90 page in landscape', async () => {
    const image = await render('pdfjs-rotation-page2-rotate90.pdf', 2, { dpi: 72 });
    expect(image.width).toBe(792);
    expect(image.height).toBe(612);
    expect(image.rgba.length).toBe(792 * 612 * 4);
    // The two text lines sit at the top left of the rotated page, around y = 92..116.
    expect(darkPixels(image, 60, 85, 360, 120)).toBeGreaterThan(500);
    expect(darkPixels(image, 0, 200, 792, 612)).toBe(0);
  });

  it('renders the unrotated first page in portrait', async () => {
    const image = await render('pdfjs-rotation-page2-rotate90.pdf', 1, { dpi: 72 });
    expect(image.width).toBe(612);
    expect(image.height).toBe(792);
  });

  it('scales with the resolution', async () => {
    const image = await render('leier-arlista-2024-building-materials-price-list-hu.pdf', 4, {
      dpi: 150,
    });
    expect(image.width).toBe(1241);
    expect(image.height).toBe(1754);
    expect(image.dpi).toBe(150);
    expect(image.warnings).toEqual([]);
  });

  it('lowers the resolution to stay within maxPixels', async () => {
    const image = await render('pdfjs-cmykjpeg-image.pdf', 1, { dpi: 150, maxPixels: 100_000 });
    expect(image.width * image.height).toBeLessThanOrEqual(100_000);
    expect(image.dpi).toBeLessThan(150);
    expect(image.warnings[0]).toMatch(/instead of 150/);
  });

  it('draws a CMYK JPEG in colour', async () => {
    const image = await render('pdfjs-cmykjpeg-image.pdf', 1, { dpi: 36 });
    expect(darkPixels(image, 0, 0, image.width, image.height)).toBeGreaterThan(100);
  });

  it('rejects when aborted during rendering', async () => {
    const pdf: PdfHandle = await openPdf(fixture('pdfjs-tracemonkey-two-column-paper.pdf'));
    try {
      const page = await pdf.getPage(1);
      const controller = new AbortController();
      const rendering = renderPage(page, { dpi: 300, signal: controller.signal });
      setImmediate(() => controller.abort(new Error('cancelled by user')));
      await expect(rendering).rejects.toThrow('cancelled by user');
      page.release();
    } finally {
      await pdf.close();
    }
  });

  it('rejects a resolution of zero', async () => {
    await expect(render('pdfjs-rotation-page2-rotate90.pdf', 1, { dpi: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('writePageImage', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let image: RenderedPage;
  beforeAll(async () => {
    tmp = await temporaryFolder();
    image = await render('pdfjs-rotation-page2-rotate90.pdf', 2, { dpi: 72 });
  });
  afterAll(async () => {
    await tmp.remove();
  });

  it.each(['jpeg', 'png'] as const)('writes %s with the page size', async (format) => {
    const out = path.join(tmp.dir, 'pages', `page-0002.${format}`);
    const written = await writePageImage(image, out, format);
    const meta = await sharp(out).metadata();
    expect(written.path).toBe(out);
    expect(written.bytes).toBeGreaterThan(1000);
    expect(meta.format).toBe(format);
    expect(meta.width).toBe(792);
    expect(meta.height).toBe(612);
  });

  it('replaces the image on a rerun', async () => {
    const out = path.join(tmp.dir, 'again.jpg');
    await writePageImage(image, out, 'jpeg', { quality: 30 });
    const small = (await stat(out)).size;
    await writePageImage(image, out, 'jpeg', { quality: 95 });
    const large = (await stat(out)).size;
    expect(large).toBeGreaterThan(small);
    expect((await readdir(tmp.dir)).filter((name) => name.startsWith('again'))).toEqual([
      'again.jpg',
    ]);
  });
});
