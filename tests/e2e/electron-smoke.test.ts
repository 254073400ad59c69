import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mainEntry = join(root, 'out/electron/index.js');
const corona = join(root, 'tests/fixtures/pdf/corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');

/**
 * Returns the Electron binary's path, or why the smoke test cannot run here. It reads the
 * electron package's `path.txt` itself, because requiring the package downloads a missing
 * binary.
 */
function findElectron(): { path: string } | { reason: string } {
  const packageDir = join(root, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'no Electron binary (installed without download)' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const path = join(distDir, relative);
  if (!existsSync(path)) return { reason: `no Electron binary at ${path}` };
  if (!existsSync(mainEntry)) return { reason: 'no build; run npx electron-vite build first' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display; run under xvfb-run' };
  }
  return { path };
}

const electron = findElectron();
const hasElectronBinary = 'path' in electron;
const skipReason = 'reason' in electron ? electron.reason : '';
if (!hasElectronBinary) console.log(`Electron smoke test skipped: ${skipReason}.`);

describe('electron smoke', () => {
  let app: ElectronApplication | undefined;
  let dataDir: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  let page: Page;

  afterAll(async () => {
    await app?.close();
    await dataDir?.remove();
  });

  it.skipIf(!hasElectronBinary)(
    `window opens with the bridge${hasElectronBinary ? '' : ` (skipped: ${skipReason})`}`,
    async () => {
      dataDir = await makeTempDir();
      app = await _electron.launch({
        executablePath: (electron as { path: string }).path,
        args: [mainEntry],
        env: { ...process.env, KAI_DATA_DIR: dataDir.path },
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toBe('KAI Console');
      expect(await page.evaluate(() => window.kai?.mode)).toBe('electron');
      expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
        'undefined',
      );
    },
  );

  it.skipIf(!hasElectronBinary)(
    `dropped file becomes a job${hasElectronBinary ? '' : ` (skipped: ${skipReason})`}`,
    async () => {
      const base64 = (await readFile(corona)).toString('base64');
      // A file built in the page has no path on disk, so the renderer uploads its bytes, the
      // route files dragged from a browser take.
      await page.evaluate((data) => {
        const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'corona.pdf', { type: 'application/pdf' }));
        const target = document.querySelector('main') ?? document.body;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(
            new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        }
      }, base64);
      await expect
        .poll(
          async () =>
            page.evaluate(async () => {
              const result = await window.kai!.jobs.list({ search: 'corona' });
              return result.ok ? result.value.total : -1;
            }),
          { timeout: 30_000 },
        )
        .toBe(1);
    },
    60_000,
  );
});
