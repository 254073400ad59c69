/**
 * The default image embedder: 256 numbers computed from pixels with sharp, offline.
 *
 * What it captures: colour distribution and coarse structure. The vector is three blocks,
 * each L2-normalised and weighted before the whole is L2-normalised:
 * - 128: a CIELAB colour histogram (8 lightness x 4 a* x 4 b* bins) of the image fitted in
 *   96 x 96 pixels, so different crops of one surface still match;
 * - 64: an 8 x 8 grid of mean-centred luminance, the layout of light and dark;
 * - 64: gradient-orientation histograms (16 bins) in each quarter of the image, which
 *   distinguish stripes, veining and plain surfaces.
 *
 * What it does not capture: objects, materials or meaning. Two different products of the same
 * colour and pattern score high, and the same product under very different light can score low.
 */

import sharp, { type Sharp } from 'sharp';
import { InputError } from '../jobs/job-errors.ts';
import type { ImageEmbedder } from './embedder.ts';
import { normaliseL2 } from './vector-math.ts';

const ANALYSIS_SIZE = 96;
const GRID_SIZE = 8;
const ORIENTATION_BINS = 16;
/** Block weights: colour leads, the position-sensitive grid counts least. */
const BLOCK_WEIGHTS = { color: 1, grid: 0.5, gradients: 0.8 } as const;

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

/** Colour histogram, luminance grid and gradient orientations in 256 dimensions. */
export class PixelImageEmbedder implements ImageEmbedder {
  readonly model = 'kai-pixel-image-v1';
  readonly dimensions = 256;

  /** Embeds the image file at `path`; throws `InputError` when sharp cannot decode it. */
  async embedImage(path: string): Promise<number[]> {
    const [rgb, grid] = await Promise.all([readRgb(path), readGrid(path)]);
    const color = weighted(colorHistogram(rgb), BLOCK_WEIGHTS.color);
    const layout = weighted(luminanceGrid(grid), BLOCK_WEIGHTS.grid);
    const gradients = weighted(gradientHistograms(rgb), BLOCK_WEIGHTS.gradients);
    return normaliseL2([...color, ...layout, ...gradients]);
  }
}

async function readRgb(path: string): Promise<Pixels> {
  return decode(path, (image) =>
    image.resize(ANALYSIS_SIZE, ANALYSIS_SIZE, { fit: 'inside', withoutEnlargement: false }),
  );
}

async function readGrid(path: string): Promise<Pixels> {
  return decode(path, (image) => image.resize(GRID_SIZE, GRID_SIZE, { fit: 'fill' }));
}

async function decode(path: string, resize: (image: Sharp) => Sharp): Promise<Pixels> {
  try {
    const image = resize(sharp(path).rotate().flatten({ background: '#ffffff' }));
    const { data, info } = await image.removeAlpha().toColourspace('srgb').raw().toBuffer({
      resolveWithObject: true,
    });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw new InputError(
      'image_unreadable',
      {
        source: path,
        problem: `The image could not be decoded (${(error as Error).message}).`,
        fix: 'Check that the file exists and is a PNG, JPEG, WebP, TIFF or GIF image.',
      },
      { cause: error },
    );
  }
}

function colorHistogram(pixels: Pixels): number[] {
  const histogram = new Array<number>(128).fill(0);
  for (let offset = 0; offset < pixels.data.length; offset += 3) {
    const [l, a, b] = srgbToLab(
      pixels.data[offset]!,
      pixels.data[offset + 1]!,
      pixels.data[offset + 2]!,
    );
    const lBin = clampBin(Math.floor(l / 12.5), 8);
    const aBin = clampBin(Math.floor((a + 64) / 32), 4);
    const bBin = clampBin(Math.floor((b + 64) / 32), 4);
    histogram[lBin * 16 + aBin * 4 + bBin]! += 1;
  }
  return histogram;
}

function luminanceGrid(pixels: Pixels): number[] {
  const values: number[] = [];
  for (let offset = 0; offset < pixels.data.length; offset += 3) {
    values.push(luma(pixels.data, offset));
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
  return values.map((value) => value - mean);
}

function gradientHistograms(pixels: Pixels): number[] {
  const histograms = new Array<number>(4 * ORIENTATION_BINS).fill(0);
  const { width, height, data } = pixels;
  const at = (x: number, y: number): number => luma(data, (y * width + x) * 3);
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const dx = at(x + 1, y) - at(x - 1, y);
      const dy = at(x, y + 1) - at(x, y - 1);
      const magnitude = Math.hypot(dx, dy);
      if (magnitude === 0) continue;
      // Orientation modulo 180 degrees: a dark-to-light edge and its mirror count the same.
      const angle = (Math.atan2(dy, dx) + Math.PI) % Math.PI;
      const bin = clampBin(Math.floor((angle / Math.PI) * ORIENTATION_BINS), ORIENTATION_BINS);
      const quadrant = (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
      histograms[quadrant * ORIENTATION_BINS + bin]! += magnitude;
    }
  }
  return histograms;
}

function weighted(block: number[], weight: number): number[] {
  return normaliseL2(block).map((value) => value * weight);
}

function luma(data: Buffer, offset: number): number {
  return 0.2126 * data[offset]! + 0.7152 * data[offset + 1]! + 0.0722 * data[offset + 2]!;
}

function clampBin(bin: number, count: number): number {
  return Math.min(count - 1, Math.max(0, bin));
}

/** Converts 8-bit sRGB to CIELAB (D65 white point). */
function srgbToLab(red: number, green: number, blue: number): [number, number, number] {
  const [r, g, b] = [red, green, blue].map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
