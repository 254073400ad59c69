import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** One tile of a page image; pixels, origin top left. */
export interface TileInfo {
  x: number;
  y: number;
  width: number;
  height: number;
  path: string;
  /** 0-based position in the grid. */
  column: number;
  row: number;
}

export interface TileOptions {
  /** Edge length of a full tile in pixels; tiles on the right and bottom edge are smaller. */
  tileSize?: number;
  format?: 'jpeg' | 'webp';
  quality?: number;
  signal?: AbortSignal;
}

const EXTENSIONS = { jpeg: 'jpg', webp: 'webp' } as const;
/** Names this module writes; older tiles matching it and not rewritten are removed. */
const TILE_NAME = /^tile-r\d{3,}-c\d{3,}\.(jpg|webp)$/;

/** File name of the tile at `row`, `column`: stable, so a rerun overwrites it. */
export function tileFileName(row: number, column: number, format: 'jpeg' | 'webp'): string {
  const pad = (n: number): string => String(n).padStart(3, '0');
  return `tile-r${pad(row)}-c${pad(column)}.${EXTENSIONS[format]}`;
}

/** Lists the grid of tiles covering a `width` × `height` image. */
function planTiles(width: number, height: number, tileSize: number) {
  const tiles: Omit<TileInfo, 'path'>[] = [];
  for (let row = 0; row * tileSize < height; row += 1) {
    for (let column = 0; column * tileSize < width; column += 1) {
      const x = column * tileSize;
      const y = row * tileSize;
      const tileWidth = Math.min(tileSize, width - x);
      const tileHeight = Math.min(tileSize, height - y);
      tiles.push({ x, y, width: tileWidth, height: tileHeight, column, row });
    }
  }
  return tiles;
}

/** Removes tiles left by an earlier run with another tile size or format. */
async function removeStaleTiles(outDir: string, keep: Set<string>): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (TILE_NAME.test(name) && !keep.has(name)) await rm(path.join(outDir, name), { force: true });
  }
}

/**
 * Cuts an image into a grid of tiles with sharp `extract()` and writes them to `outDir` as
 * `tile-rRRR-cCCC.jpg` (or `.webp`), row by row. The image is decoded once. Returns the tiles
 * in row-major order.
 */
export async function generateTiles(
  imagePath: string,
  outDir: string,
  options: TileOptions = {},
): Promise<TileInfo[]> {
  const { tileSize = 512, format = 'jpeg', quality = 85, signal } = options;
  if (!Number.isInteger(tileSize) || tileSize < 1) {
    throw new RangeError(`tileSize must be a positive integer, got ${tileSize}`);
  }
  signal?.throwIfAborted();
  const { data, info } = await sharp(imagePath).raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  await mkdir(outDir, { recursive: true });

  const tiles: TileInfo[] = [];
  for (const tile of planTiles(info.width, info.height, tileSize)) {
    signal?.throwIfAborted();
    const file = path.join(outDir, tileFileName(tile.row, tile.column, format));
    const region = sharp(data, { raw }).extract({
      left: tile.x,
      top: tile.y,
      width: tile.width,
      height: tile.height,
    });
    const encoded = format === 'webp' ? region.webp({ quality }) : region.jpeg({ quality });
    const temporary = `${file}.${process.pid}.tmp`;
    await encoded.toFile(temporary);
    await rename(temporary, file);
    tiles.push({ ...tile, path: file });
  }
  await removeStaleTiles(outDir, new Set(tiles.map((t) => path.basename(t.path))));
  return tiles;
}
