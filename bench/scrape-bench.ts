/**
 * Scrape benchmark: crawler pages per second against a plain fetch loop over the same URLs,
 * and peak RSS for crawls of 1,000 and 10,000 pages, on a generated shop served from
 * 127.0.0.1 with politeness off. Each measurement runs in its own child process, which reports
 * its `process.resourceUsage().maxRSS`. The site runs in this parent process, so its memory is
 * not counted. Prints a markdown table; run with `npx tsx bench/scrape-bench.ts`
 * (`SIZES=1000` measures one size only).
 */

import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

import { Crawler } from '../main/pipelines/scrape/crawler.ts';
import { MemoryFrontierStore } from '../main/pipelines/scrape/memory-frontier-store.ts';

const SIZES = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const CONCURRENCY = 2;
const TILES_PER_PAGE = 8;

/** Result that a child process prints as JSON. */
interface Measurement {
  mode: 'crawl' | 'fetch-loop';
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  maxRssMiB: number;
  materials: number;
}

/** Renders listing page `index` of the generated shop: product tiles and two child links. */
function generatedPage(index: number, total: number): string {
  const tiles = Array.from({ length: TILES_PER_PAGE }, (_, slot) => {
    const id = index * TILES_PER_PAGE + slot;
    // Product pages live on another host, so the crawl stays on the generated listing pages.
    const href = `https://products.shop.example/item/${id}`;
    return `<div class="product-tile"><a href="${href}"><img src="/img/${id}.jpg" alt=""></a>
<h3 class="product-title"><a href="${href}">Porcelain tile P-${id} 60x60 cm</a></h3>
<span class="price">${10 + (id % 90)},${String(id % 100).padStart(2, '0')}&nbsp;€</span></div>`;
  });
  const children = [2 * index + 1, 2 * index + 2].filter((child) => child < total);
  const links = children.map((child) => `<a href="/p/${child}?utm_source=bench">Page ${child}</a>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tiles ${index}</title></head>
<body><nav class="breadcrumb"><a href="/p/0">Home</a> <a href="/p/${Math.max(0, Math.floor((index - 1) / 2))}">Up</a></nav>
<div class="listing">${tiles.join('\n')}</div><div class="pager">${links.join(' ')}</div>
<footer>${'<p>Delivery across the country within three working days.</p>'.repeat(20)}</footer></body></html>`;
}

async function startGeneratedSite(total: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const match = /^\/p\/(\d+)/.exec(request.url ?? '');
    const index = match ? Number(match[1]) : -1;
    if (request.url === '/robots.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('User-agent: *\nAllow: /\n');
    } else if (index >= 0 && index < total) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(generatedPage(index, total));
    } else {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><head><title>Not found</title></head><body>Not found</body></html>');
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Returns the URL of every page of the generated site, which the fetch loop requests. */
function pageUrls(url: string, total: number): string[] {
  return Array.from({ length: total }, (_, index) => `${url}/p/${index}`);
}

async function measureCrawl(url: string, total: number): Promise<Omit<Measurement, 'maxRssMiB'>> {
  const crawler = new Crawler({
    startUrls: [`${url}/p/0`],
    store: new MemoryFrontierStore(),
    maxPages: total,
    maxDepth: 64,
    politenessDelayMs: 0,
    perHostConcurrency: CONCURRENCY,
    useSitemaps: false,
    collectMaterials: false,
  });
  let materials = 0;
  crawler.on('productsFound', (found) => (materials += found.materials.length));
  const start = performance.now();
  const summary = await crawler.run();
  const seconds = (performance.now() - start) / 1000;
  const pages = summary.pagesCompleted + summary.pagesFailed + summary.pagesSkipped;
  return {
    mode: 'crawl',
    pages,
    seconds,
    pagesPerSecond: pages / seconds,
    materials,
  };
}

async function measureFetchLoop(
  url: string,
  total: number,
): Promise<Omit<Measurement, 'maxRssMiB'>> {
  const urls = pageUrls(url, total);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const target = urls[next];
      next += 1;
      if (target)
        await (await fetch(target, { headers: { 'user-agent': 'KAI-Console/0.1.0' } })).text();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  return {
    mode: 'fetch-loop',
    pages: urls.length,
    seconds,
    pagesPerSecond: urls.length / seconds,
    materials: 0,
  };
}

async function runChild(
  mode: Measurement['mode'],
  url: string,
  total: number,
): Promise<Measurement> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, '--child', mode, url, String(total)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`The ${mode} child for ${total} pages exited with code ${code}.`);
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

async function childMain(mode: string, url: string, total: number): Promise<void> {
  const result =
    mode === 'crawl' ? await measureCrawl(url, total) : await measureFetchLoop(url, total);
  // resourceUsage().maxRSS is in KiB.
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMiB })}\n`);
}

async function parentMain(): Promise<void> {
  const rows: string[] = [];
  for (const total of SIZES) {
    const { server, url } = await startGeneratedSite(total);
    try {
      const crawl = await runChild('crawl', url, total);
      const loop = await runChild('fetch-loop', url, total);
      rows.push(
        `| ${total.toLocaleString('en')} | ${crawl.pages} | ${crawl.pagesPerSecond.toFixed(0)} | ` +
          `${loop.pagesPerSecond.toFixed(0)} | ${(crawl.pagesPerSecond / loop.pagesPerSecond).toFixed(2)} | ` +
          `${crawl.maxRssMiB.toFixed(0)} | ${loop.maxRssMiB.toFixed(0)} | ${crawl.materials} |`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# Scrape benchmark\n`);
  console.log(
    `Node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM. ` +
      `Generated listing pages (${TILES_PER_PAGE} product tiles, about 9 KB each) on 127.0.0.1, ` +
      `per-host concurrency ${CONCURRENCY}, no politeness delay, in-memory frontier.\n`,
  );
  console.log(
    '| site pages | pages crawled | crawler pages/s | fetch loop pages/s | crawler / loop | crawler peak RSS (MiB) | loop peak RSS (MiB) | products |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

const [flag, mode, url, total] = process.argv.slice(2);
if (flag === '--child' && mode && url && total) await childMain(mode, url, Number(total));
else await parentMain();
