/**
 * UI benchmark: the built renderer in headless Chromium with 10,000 jobs and 200 progress
 * updates per second for 10 s. Reports the time to first render of the queue and the
 * frame times (requestAnimationFrame deltas) while updates arrive. Prints a markdown
 * report; run with `npm run bench:ui`.
 *
 * The bench measures rendering, not the core: a synthetic `window.kai` injected before the
 * page's scripts replaces the Electron preload, returns generated rows for `jobs:list`
 * and emits `jobs:changed` events on a timer, half of them for rows on screen. The page itself is the production build
 * in `out/renderer`, served from 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { installSyntheticCore, type SyntheticCoreOptions } from './ui-bench-synthetic-core.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(root, 'out/renderer');

const OPTIONS: SyntheticCoreOptions = {
  jobCount: 10_000,
  updatesPerSecond: 200,
  durationMs: 10_000,
};
const RUNS = 3;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function serveRenderer(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = join(rendererDir, path === '' ? 'index.html' : path);
    if (!file.startsWith(rendererDir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

interface RunResult {
  firstRenderMs: number;
  listReadyMs: number;
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  longFrames: number;
  eventsSent: number;
  rowsAtEnd: number;
  staleRowsAtEnd: number;
}

async function runOnce(url: string): Promise<RunResult> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(...)`;
    // the page has no such helper, so an identity one is defined first.
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await page.addInitScript(installSyntheticCore, OPTIONS);
    await page.goto(url);
    await page.waitForFunction(() => window.kaiBench?.done === true, undefined, {
      timeout: OPTIONS.durationMs + 60_000,
      polling: 500,
    });
    if (errors.length > 0) throw new Error(`The page failed: ${errors.join('; ')}`);
    const bench = await page.evaluate(() => window.kaiBench!);
    const deltas = [...bench.frameDeltas].sort((a, b) => a - b);
    return {
      firstRenderMs: bench.firstRowAt - bench.navigationStart,
      listReadyMs: bench.firstRowAt - bench.listAnsweredAt,
      frames: deltas.length,
      p50: percentile(deltas, 0.5),
      p95: percentile(deltas, 0.95),
      p99: percentile(deltas, 0.99),
      max: deltas.at(-1) ?? Number.NaN,
      longFrames: deltas.filter((delta) => delta > 50).length,
      eventsSent: bench.eventsSent,
      rowsAtEnd: bench.rowsAtEnd,
      staleRowsAtEnd: bench.staleRowsAtEnd,
    };
  } finally {
    await browser.close();
  }
}

async function ensureBuilt(): Promise<void> {
  if (await stat(join(rendererDir, 'index.html')).catch(() => null)) return;
  const run = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('electron-vite build failed.');
}

async function main(): Promise<void> {
  await ensureBuilt();
  const server = await serveRenderer();
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  const results: RunResult[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) results.push(await runOnce(url));
  } finally {
    server.close();
  }

  const chromiumVersion = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' });
  const format = (value: number) => value.toFixed(1);
  console.log('## UI (`npm run bench:ui`)\n');
  console.log(
    `${new Date().toISOString().slice(0, 10)}: ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
      `${chromiumVersion.stdout.trim() || 'Chromium'} headless, viewport 1440x900.\n`,
  );
  console.log(
    `${OPTIONS.jobCount.toLocaleString('en')} jobs, ${OPTIONS.updatesPerSecond} \`jobs:changed\` ` +
      `events per second for ${OPTIONS.durationMs / 1000} s from a synthetic core in the page; ` +
      `${RUNS} runs, each in a fresh browser.\n`,
  );
  console.log(
    '| run | first render ms | list reply to rows ms | frames | p50 frame ms | p95 frame ms | p99 frame ms | max frame ms | frames > 50 ms | events sent | rows rendered | stale rows |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  results.forEach((result, index) => {
    console.log(
      `| ${index + 1} | ${format(result.firstRenderMs)} | ${format(result.listReadyMs)} | ` +
        `${result.frames} | ${format(result.p50)} | ${format(result.p95)} | ${format(result.p99)} | ` +
        `${format(result.max)} | ${result.longFrames} | ${result.eventsSent} | ${result.rowsAtEnd} | ` +
        `${result.staleRowsAtEnd} |`,
    );
  });
}

await main();
