import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTiles, tileFileName } from '../../../main/pipelines/pdf/page-tiles.ts';
import { temporaryFolder } from './helpers/fixtures.ts';

describe('generateTiles', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let imagePath: string;
  beforeAll(async () => {
    tmp = await temporaryFolder();
    imagePath = path.join(tmp.dir, 'page.png');
    // 1300 x 700: a 3 x 2 grid of 512 px tiles whose right and bottom tiles are cut short.
    const red = { r: 200, g: 30, b: 30 };
    await sharp({ create: { width: 1300, height: 700, channels: 3, background: red } })
      .png()
      .toFile(imagePath);
  });
  afterAll(async () => {
    await tmp.remove();
  });

  it('covers the image with a grid of tiles', async () => {
    const tiles = await generateTiles(imagePath, path.join(tmp.dir, 'grid'));
    expect(tiles.map((t) => [t.row, t.column, t.x, t.y, t.width, t.height])).toEqual([
      [0, 0, 0, 0, 512, 512],
      [0, 1, 512, 0, 512, 512],
      [0, 2, 1024, 0, 276, 512],
      [1, 0, 0, 512, 512, 188],
      [1, 1, 512, 512, 512, 188],
      [1, 2, 1024, 512, 276, 188],
    ]);
  });

  it('writes each tile at its size', async () => {
    const tiles = await generateTiles(imagePath, path.join(tmp.dir, 'sizes'));
    const corner = tiles.at(-1);
    const meta = await sharp(corner?.path ?? '').metadata();
    expect(path.basename(corner?.path ?? '')).toBe('tile-r001-c002.jpg');
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(276);
    expect(meta.height).toBe(188);
  });

  it('overwrites the same files on a rerun', async () => {
    const outDir = path.join(tmp.dir, 'rerun');
    const first = await generateTiles(imagePath, outDir);
    const second = await generateTiles(imagePath, outDir);
    expect(second.map((t) => t.path)).toEqual(first.map((t) => t.path));
    expect(await readdir(outDir)).toHaveLength(6);
  });

  it('removes tiles of an earlier tile size', async () => {
    const outDir = path.join(tmp.dir, 'resize');
    await generateTiles(imagePath, outDir, { tileSize: 256 });
    const tiles = await generateTiles(imagePath, outDir, { tileSize: 1024 });
    expect(tiles).toHaveLength(2);
    expect((await readdir(outDir)).sort()).toEqual(['tile-r000-c000.jpg', 'tile-r000-c001.jpg']);
  });

  it('writes WebP tiles', async () => {
    const tiles = await generateTiles(imagePath, path.join(tmp.dir, 'webp'), { format: 'webp' });
    expect(tiles[0]?.path.endsWith('tile-r000-c000.webp')).toBe(true);
    expect((await sharp(tiles[0]?.path ?? '').metadata()).format).toBe('webp');
  });

  it('rejects a tile size of zero', async () => {
    await expect(generateTiles(imagePath, tmp.dir, { tileSize: 0 })).rejects.toThrow(RangeError);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const tiling = generateTiles(imagePath, path.join(tmp.dir, 'aborted'), {
      signal: controller.signal,
    });
    await expect(tiling).rejects.toThrow('stop');
  });

  it('names tiles by row and column', () => {
    expect(tileFileName(12, 3, 'jpeg')).toBe('tile-r012-c003.jpg');
  });
});
