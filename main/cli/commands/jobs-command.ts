import { parseArgs } from 'node:util';
import { isJobStatus, isJobType, stagesOf } from '../../jobs/job-vocabulary.ts';
import { documentsRepository } from '../../store/documents-repository.ts';
import { jobsRepository, type BackgroundJobRow } from '../../store/jobs-repository.ts';
import { stageEventsRepository, summariseStages } from '../../store/stage-events-repository.ts';
import type { Core } from '../../core.ts';
import { openCliCore, requireId, UsageError, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';

export const jobsHelp = `Usage: kai jobs [--status S] [--type T] [--json]

Lists jobs, newest first.
  --status S  pending, processing, completed, failed or cancelled
  --type T    pdf_processing, web_scraping or xml_import
  --json      print background_jobs rows as a JSON array`;

export const jobHelp = `Usage: kai job ID [--events] [--json]

Shows one job: its row, its stages in order (name, status, started_at, completed_at) and
its output counts (pages, chunks, tiles, materials).
  --events  show the job's full history instead (stage starts, checkpoints, failures,
            stalls, recoveries, retries), oldest first`;

export async function jobsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...globalOptionSpec, status: { type: 'string' }, type: { type: 'string' } },
  });
  if (values.status && !isJobStatus(values.status)) {
    throw new UsageError(`Unknown status "${values.status}"; see kai jobs --help.`);
  }
  if (values.type && !isJobType(values.type)) {
    throw new UsageError(`Unknown job type "${values.type}"; see kai jobs --help.`);
  }

  const core = await openCliCore(values);
  try {
    const jobs = await jobsRepository.list(core.database.sql, {
      status: values.status as BackgroundJobRow['status'] | undefined,
      jobType: values.type as BackgroundJobRow['job_type'] | undefined,
    });
    if (values.json) io.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
    else printTable(jobs, io);
    return 0;
  } finally {
    await core.close();
  }
}

export async function jobCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...globalOptionSpec, events: { type: 'boolean' } },
  });
  const id = requireId(positionals[0], 'job');

  const core = await openCliCore(values);
  try {
    if (values.events) return await printEvents(core, id, io, values.json === true);
    const detail = await loadJobDetail(core, id);
    if (!detail) {
      io.stderr.write(`Job ${id} not found. List jobs with kai jobs.\n`);
      return 1;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
    } else {
      printTable([detail], io);
      for (const stage of detail.stages) {
        io.stdout.write(
          `  ${stage.name.padEnd(20)} ${stage.status.padEnd(10)} ${stage.completed_at ?? ''}\n`,
        );
      }
      io.stdout.write(`  outputs: ${JSON.stringify(detail.outputs)}\n`);
      if (detail.error) io.stdout.write(`  error: ${detail.error}\n`);
    }
    return 0;
  } finally {
    await core.close();
  }
}

/** Loads a job row with its stage summaries and output counts, as `kai job --json` prints it. */
export async function loadJobDetail(core: Core, id: string) {
  const sql = core.database.sql;
  const job = await jobsRepository.get(sql, id).catch(() => undefined);
  if (!job) return undefined;

  const events = await stageEventsRepository.list(sql, id);
  const order = stagesOf(job.job_type);
  const stages = summariseStages(events, order);
  const outputs = job.document_id
    ? await documentsRepository.counts(sql, job.document_id)
    : { pages: 0, chunks: 0, tiles: 0, materials: 0 };
  return { ...job, stages, outputs };
}

async function printEvents(core: Core, id: string, io: CliIo, json: boolean): Promise<number> {
  const events = await stageEventsRepository.list(core.database.sql, id);
  if (json) {
    io.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
    return 0;
  }
  for (const event of events) {
    const detail = Object.keys(event.detail).length > 0 ? JSON.stringify(event.detail) : '';
    io.stdout.write(
      `${event.created_at}  ${(event.stage ?? '').padEnd(20)} ${event.event.padEnd(16)} ${detail}\n`,
    );
  }
  return 0;
}

function printTable(jobs: BackgroundJobRow[], io: CliIo): void {
  for (const job of jobs) {
    io.stdout.write(
      [
        job.id,
        job.job_type.padEnd(14),
        job.status.padEnd(10),
        `${job.progress}%`.padStart(4),
        (job.current_stage ?? '').padEnd(19),
        job.filename ?? '',
      ].join('  ') + '\n',
    );
  }
  if (jobs.length === 0) io.stdout.write('No jobs.\n');
}
