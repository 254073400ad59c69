import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../main/jobs/job-errors.ts';
import { PixelImageEmbedder } from '../../../main/embeddings/pixel-image-embedder.ts';
import { cosineSimilarity } from '../../../main/embeddings/vector-math.ts';

const WIDTH = 240;
const HEIGHT = 180;
let directory: string;
const embedder = new PixelImageEmbedder();

/** Writes a PNG whose pixels `paint(x, y)` returns as [r, g, b]. */
async function writeImage(
  name: string,
  paint: (x: number, y: number) => [number, number, number],
): Promise<string> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) pixels.set(paint(x, y), (y * WIDTH + x) * 3);
  }
  const path = join(directory, name);
  await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .png()
    .toFile(path);
  return path;
}

async function crop(source: string, name: string, left: number, top: number): Promise<string> {
  const path = join(directory, name);
  await sharp(source).extract({ left, top, width: 160, height: 120 }).png().toFile(path);
  return path;
}

// Terracotta brick courses: vertical joints, warm colours, a vertical light gradient.
const brick = (x: number, y: number): [number, number, number] =>
  Math.floor(x / 12) % 2 === 0 ? [180, 70 + y / 6, 40] : [120, 45, 30];
// Blue glazed tile: horizontal bands of cool colours.
const tile = (_x: number, y: number): [number, number, number] =>
  Math.floor(y / 15) % 2 === 0 ? [30, 140, 220] : [90, 200, 250];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'kai-image-embedder-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('PixelImageEmbedder', () => {
  it('returns 256 unit-length dimensions', async () => {
    const vector = await embedder.embedImage(await writeImage('brick.png', brick));
    expect(vector).toHaveLength(256);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
  });

  it('returns the same vector for the same image', async () => {
    const path = await writeImage('brick-again.png', brick);
    expect(await embedder.embedImage(path)).toEqual(await embedder.embedImage(path));
  });

  it('ranks two crops above a different image', async () => {
    const source = await writeImage('brick-source.png', brick);
    const first = await embedder.embedImage(await crop(source, 'crop-a.png', 0, 0));
    const second = await embedder.embedImage(await crop(source, 'crop-b.png', 70, 55));
    const other = await embedder.embedImage(await writeImage('tile.png', tile));
    const same = cosineSimilarity(first, second);
    const different = cosineSimilarity(first, other);
    expect(same).toBeGreaterThan(0.7);
    expect(different).toBeLessThan(0.3);
    expect(same).toBeGreaterThan(different);
  });

  it('reads images with transparency', async () => {
    const path = join(directory, 'alpha.png');
    await sharp({
      create: {
        width: 40,
        height: 40,
        channels: 4,
        background: { r: 200, g: 0, b: 0, alpha: 0.5 },
      },
    })
      .png()
      .toFile(path);
    expect(await embedder.embedImage(path)).toHaveLength(256);
  });

  it('throws InputError for a file that is not an image', async () => {
    const path = join(directory, 'broken.png');
    await writeFile(path, 'not an image');
    await expect(embedder.embedImage(path)).rejects.toBeInstanceOf(InputError);
  });
});
