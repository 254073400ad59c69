/**
 * Runs browser mode for the UI tests: builds the renderer when it is missing or older than
 * its sources, starts `kai serve` on a temporary data folder, and drives Debian's Chromium
 * through playwright-core. Every start has a matching stop, which the tests call in
 * afterAll.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeTempDir } from '../../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const rendererSources = join(root, 'renderer');
const builtPage = join(root, 'out/renderer/index.html');
const buildLock = join(root, 'tests/.tmp/renderer-build.lock');

/** Chromium's flags for headless runs as root on a machine without a GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

async function newestMtime(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(join(entry.parentPath, entry.name));
    newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/**
 * Builds the renderer with `electron-vite build` unless `out/renderer` is newer than every
 * file under `renderer/` and `contract/`. A lock folder keeps two test files from building
 * at once.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const built = await stat(builtPage).catch(() => null);
  const sources = Math.max(
    await newestMtime(rendererSources),
    await newestMtime(join(root, 'contract')),
  );
  if (built && built.mtimeMs > sources) return;

  await mkdir(join(root, 'tests/.tmp'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(buildLock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${buildLock}; remove it.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    const again = await stat(builtPage).catch(() => null);
    if (again && again.mtimeMs > sources) return;
    const run = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0)
      throw new Error(`electron-vite build failed:\n${run.stdout}${run.stderr}`);
  } finally {
    await rm(buildLock, { recursive: true, force: true });
  }
}

/** A running `kai serve`. */
export interface KaiServe {
  /** The page URL with its token, as printed. */
  url: string;
  dataDir: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 15 s) and removes the data folder. */
  stop(): Promise<void>;
}

/** Starts `kai serve --port 0` on a fresh data folder and waits for its URL. */
export async function startKaiServe(env: Record<string, string> = {}): Promise<KaiServe> {
  const data = await makeTempDir('kai-browser-');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'main/cli/kai.ts'),
      'serve',
      '--port',
      '0',
      '--data-dir',
      data.path,
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(`kai serve printed no URL within 60 s.\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    }, 60_000);
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /KAI Console: (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kai serve exited with ${code}.\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await data.remove();
    throw error;
  });

  return {
    url,
    dataDir: data.path,
    stderr: () => stderr,
    async stop() {
      await stopChild(child);
      await data.remove();
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Launches headless Chromium from Debian's package. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page of the console and the errors it logged, which tests assert to be empty. */
export interface ConsolePage {
  page: Page;
  errors: string[];
}

/**
 * Opens the console in a new context and waits for the job list to load. Failed resource
 * loads of favicon.ico are not counted as errors.
 */
export async function openConsole(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark'; hash?: string } = {},
): Promise<ConsolePage> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(options.hash ? `${url}#${options.hash}` : url);
  await page.locator('[role="grid"][aria-busy="false"], .view:not(.queue-view)').first().waitFor();
  return { page, errors };
}

/** A file to drop: a fixture path, optionally under another name. */
export interface DroppedFile {
  path: string;
  name?: string;
  type?: string;
}

/**
 * Drops files on the window the way a drag from the file manager does: a DataTransfer
 * holding Files built from the fixtures' bytes, dispatched as dragenter, dragover and drop.
 */
export async function dropFiles(page: Page, files: readonly DroppedFile[]): Promise<void> {
  const payload = await Promise.all(
    files.map(async (file) => ({
      name: file.name ?? basename(file.path),
      type: file.type ?? '',
      base64: (await readFile(file.path)).toString('base64'),
    })),
  );
  await page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }
  }, payload);
}

/** An axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // An inline <script> would be blocked by the page's Content-Security-Policy, which the
  // tests keep on; evaluation over the DevTools protocol is not subject to it.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run();
    return (
      result.violations as {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[]
    )
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  });
}

/** Absolute path of a file under tests/fixtures. */
export function fixture(path: string): string {
  return join(root, 'tests/fixtures', path);
}

/** Absolute path under the repository. */
export function repoPath(path: string): string {
  return join(root, path);
}
