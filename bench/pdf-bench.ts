/**
 * PDF benchmark: text extraction against poppler's pdftotext on the same files, whole-pipeline
 * pages per second, and peak memory for generated 30- and 300-page catalogs. Prints a
 * markdown report; run with `npm run bench:pdf`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../main/pipelines/pdf/pdf-document.ts';
import { extractPageText } from '../main/pipelines/pdf/page-text.ts';
import { generateCatalogPdf } from './generate-catalog-pdf.ts';
import { sampleProcessTreeRss } from './process-tree-rss.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench/work');
const fixtures = join(root, 'tests/fixtures/pdf');
const textFiles = [
  'leier-arlista-2024-building-materials-price-list-hu.pdf',
  'corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf',
];
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeOurText(path: string): Promise<{ ms: number; pages: number }> {
  const started = performance.now();
  const pdf = await openPdf(path);
  for (let number = 1; number <= pdf.pageCount; number += 1) {
    const page = await pdf.getPage(number);
    await extractPageText(page);
    page.release();
  }
  const pages = pdf.pageCount;
  await pdf.close();
  return { ms: performance.now() - started, pages };
}

function timePdftotext(path: string): number {
  const started = performance.now();
  execFileSync('pdftotext', ['-layout', path, '/dev/null']);
  return performance.now() - started;
}

async function benchText(): Promise<string[]> {
  const rows = [
    '| file | pages | ours pages/s | pdftotext pages/s | ratio (ours / pdftotext) |',
    '|---|---|---|---|---|',
  ];
  for (const file of textFiles) {
    const path = join(fixtures, file);
    await timeOurText(path);
    const ours = [];
    const reference = [];
    let pages = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const result = await timeOurText(path);
      pages = result.pages;
      ours.push(result.ms);
      reference.push(timePdftotext(path));
    }
    const oursRate = pages / (median(ours) / 1000);
    const referenceRate = pages / (median(reference) / 1000);
    rows.push(
      `| ${file} | ${pages} | ${oursRate.toFixed(1)} | ${referenceRate.toFixed(1)} | ${(oursRate / referenceRate).toFixed(3)} |`,
    );
  }
  return rows;
}

interface IngestRun {
  ms: number;
  peakTotal: number;
  peakSingle: number;
  code: number | null;
}

async function ingestInChild(file: string, dataDir: string): Promise<IngestRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'main/cli/kai.ts'), 'ingest', file, '--data-dir', dataDir],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, KAI_CONCURRENCY: '1' } },
  );
  const sampler = sampleProcessTreeRss(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const { peakTotal, peakSingle } = await sampler.stop();
  return { ms: performance.now() - started, peakTotal, peakSingle, code };
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function benchPipeline(): Promise<string[]> {
  const rows = [
    '| input | pages | wall time s | pipeline pages/s | peak RSS, all processes MiB | peak RSS, largest process MiB |',
    '|---|---|---|---|---|---|',
  ];
  const inputs: Array<{ label: string; path: string; pages: number }> = [
    { label: 'Leier price list', path: join(fixtures, textFiles[0]!), pages: 26 },
  ];
  for (const pages of [30, 300]) {
    const path = join(work, `catalog-${pages}.pdf`);
    await generateCatalogPdf(path, pages);
    inputs.push({ label: `generated ${pages}-page catalog`, path, pages });
  }
  for (const input of inputs) {
    const dataDir = join(work, `data-${input.pages}`);
    await rm(dataDir, { recursive: true, force: true });
    const run = await ingestInChild(input.path, dataDir);
    if (run.code !== 0) throw new Error(`kai ingest of ${input.label} exited with ${run.code}.`);
    const seconds = run.ms / 1000;
    rows.push(
      `| ${input.label} | ${input.pages} | ${seconds.toFixed(1)} | ${(input.pages / seconds).toFixed(2)} | ${mib(run.peakTotal)} | ${mib(run.peakSingle)} |`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  await mkdir(work, { recursive: true });
  const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr.split('\n')[0];
  console.log(`# PDF benchmark\n`);
  console.log(
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${mib(totalmem())} MiB, Node ${process.version}, ${poppler ?? 'pdftotext'}.\n`,
  );
  console.log('## text_extracted against pdftotext -layout (median of 3 runs, in-process)\n');
  console.log((await benchText()).join('\n'));
  console.log(
    '\n## Whole pipeline (kai ingest in a child process, concurrency 1, new data folder)\n',
  );
  console.log((await benchPipeline()).join('\n'));
}

await main();
