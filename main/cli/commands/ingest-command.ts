import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../../jobs/job-errors.ts';
import type { BackgroundJobRow } from '../../store/jobs-repository.ts';
import { openCliCore, UsageError, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';
import { runJobsWithProgress } from './run-jobs.ts';

export const ingestHelp = `Usage: kai ingest FILE... [--password PASSWORD] [--data-dir DIR] [--json]

Enqueues each file as a job and processes it: PDFs as PDF jobs, XML, CSV and JSON
feeds as imports with the proposed (or the supplier's saved) mapping, with one progress bar per job on stderr.
A file whose unfinished job exists (after a crash or a failure) resumes that job.
  --password PASSWORD  user password for encrypted PDFs
  --json               print the final background_jobs rows as a JSON array on stdout
Exits with 1 when any job failed.`;

export async function ingestCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...globalOptionSpec, password: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('kai ingest needs at least one FILE.');

  const core = await openCliCore(values);
  try {
    const jobs: BackgroundJobRow[] = [];
    let rejected = 0;
    for (const file of positionals) {
      try {
        jobs.push(await enqueueFile(core, file, values.password));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        rejected += 1;
        io.stderr.write(`${error.message}\n`);
      }
    }

    const finished = await runJobsWithProgress(
      core,
      jobs.map((job) => job.id),
      io,
      true,
    );
    printSummary(finished, io, values.json === true);
    const failed = finished.filter((job) => job.status !== 'completed').length;
    return failed + rejected > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
}

async function enqueueFile(
  core: Awaited<ReturnType<typeof openCliCore>>,
  file: string,
  password: string | undefined,
): Promise<BackgroundJobRow> {
  if (await isPdfFile(file)) return core.ingestPdf(file, { password });
  const { job } = await core.startImport(file);
  return job;
}

/** Returns whether a file is a PDF (named .pdf or starting like one); anything else is a feed. */
async function isPdfFile(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    throw new InputError('file_not_found', {
      source: file,
      problem: info ? 'This is a folder, not a file.' : 'The file does not exist.',
      fix: 'Pass the path of a PDF catalog or of an XML, CSV or JSON feed.',
    });
  }
  if (extname(file).toLowerCase() === '.pdf') return true;
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return true;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return buffer.subarray(0, bytesRead).includes('%PDF-');
  } finally {
    await handle.close();
  }
}

function printSummary(jobs: BackgroundJobRow[], io: CliIo, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
    return;
  }
  for (const job of jobs) {
    const summary = (job.metadata.summary ?? {}) as Record<string, number>;
    const counts = Object.entries(summary)
      .map(([key, value]) => `${value} ${key}`)
      .join(', ');
    const outcome =
      job.status === 'completed' ? `completed (${counts})` : `${job.status}: ${job.error ?? ''}`;
    io.stdout.write(`${job.filename ?? job.id}  ${job.id}  ${outcome}\n`);
  }
}
