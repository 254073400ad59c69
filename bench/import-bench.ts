/**
 * Feed import benchmark: products per second end to end (parse, map, store in the embedded
 * database) for generated XML and CSV feeds, against `xmllint --stream --noout` on the same
 * XML, and peak memory of a 20 MB against a 200 MB feed. `npm run bench:import`;
 * `KAI_BENCH_IMPORT_MB` changes the large size (default 200).
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCsvFeed, generateXmlFeed } from './generate-feeds.ts';
import { sampleProcessTreeRss } from './process-tree-rss.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench/work');
const largeMb = Number(process.env.KAI_BENCH_IMPORT_MB ?? 200);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

interface Measured {
  seconds: number;
  peakRss: number;
  code: number | null;
}

async function measure(command: string, args: string[]): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  const sampler = sampleProcessTreeRss(child.pid!, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const { peakTotal } = await sampler.stop();
  return { seconds: (performance.now() - started) / 1000, peakRss: peakTotal, code };
}

async function importFeed(path: string, label: string): Promise<Measured> {
  const dataDir = join(work, `import-data-${label}`);
  await rm(dataDir, { recursive: true, force: true });
  const run = await measure(process.execPath, [
    '--import',
    'tsx',
    join(root, 'main/cli/kai.ts'),
    'import',
    path,
    '--data-dir',
    dataDir,
  ]);
  await rm(dataDir, { recursive: true, force: true });
  if (run.code !== 0) throw new Error(`kai import of ${path} exited with ${run.code}.`);
  return run;
}

async function main(): Promise<void> {
  await mkdir(work, { recursive: true });
  console.log('# Import benchmark\n');
  console.log(
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${mib(totalmem())} MiB, Node ${process.version}.\n`,
  );
  console.log(
    '| feed | size MiB | products | kai import s | products/s | peak RSS MiB | xmllint --stream s | ratio (xmllint s / kai s) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');

  for (const megabytes of [20, largeMb]) {
    for (const kind of ['xml', 'csv'] as const) {
      const path = join(work, `feed-${megabytes}mb.${kind}`);
      const products =
        kind === 'xml'
          ? await generateXmlFeed(path, megabytes * 1024 * 1024)
          : await generateCsvFeed(path, megabytes * 1024 * 1024);
      const size = (await stat(path)).size;
      const run = await importFeed(path, `${kind}-${megabytes}`);
      let reference = '';
      let ratio = '';
      if (kind === 'xml') {
        const xmllint = await measure('xmllint', ['--stream', '--noout', path]);
        reference = xmllint.seconds.toFixed(1);
        ratio = (xmllint.seconds / run.seconds).toFixed(3);
      }
      console.log(
        `| ${kind} | ${mib(size)} | ${products} | ${run.seconds.toFixed(1)} | ${(products / run.seconds).toFixed(0)} | ` +
          `${mib(run.peakRss)} | ${reference} | ${ratio} |`,
      );
      await rm(path, { force: true });
    }
  }
}

await main();
