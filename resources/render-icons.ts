/**
 * Renders `icon.svg` to the PNG icons electron-builder and the tray use:
 * `npx tsx resources/render-icons.ts`. The PNGs are committed, so builds do not run this.
 */
import { resolve } from 'node:path';
import sharp from 'sharp';

const here = import.meta.dirname;
const svg = resolve(here, 'icon.svg');

for (const size of [512, 256]) {
  await sharp(svg, { density: (72 * size) / 512 })
    .resize(size, size)
    .png()
    .toFile(resolve(here, `icon-${size}.png`));
}
