import { parseArgs } from 'node:util';
import { jobsRepository } from '../../store/jobs-repository.ts';
import { openCliCore, requireId, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';
import { runJobsWithProgress } from './run-jobs.ts';

export const retryHelp = `Usage: kai retry ID [--password PASSWORD] [--json]

Moves a failed or cancelled job back to pending and runs it; it resumes after its last
checkpoint. Exits with 1 when it fails again.`;

export const cancelHelp = `Usage: kai cancel ID

Cancels a pending or processing job. Its stored checkpoints and outputs are kept.`;

export async function retryCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...globalOptionSpec, password: { type: 'string' } },
  });
  const id = requireId(positionals[0], 'retry');

  const core = await openCliCore(values);
  try {
    const job = await jobsRepository.get(core.database.sql, id);
    if (!job) {
      io.stderr.write(`Job ${id} not found. List jobs with kai jobs.\n`);
      return 1;
    }
    if (values.password) core.engine.setSecrets(id, { password: values.password });
    if (!(await core.engine.retry(id)) && job.status !== 'pending') {
      io.stderr.write(
        `Job ${id} is ${job.status}; only failed or cancelled jobs can be retried.\n`,
      );
      return 1;
    }
    const [finished] = await runJobsWithProgress(core, [id], io, true);
    if (values.json) io.stdout.write(`${JSON.stringify(finished, null, 2)}\n`);
    else
      io.stdout.write(
        `${id}  ${finished?.status}${finished?.error ? `: ${finished.error}` : ''}\n`,
      );
    return finished?.status === 'completed' ? 0 : 1;
  } finally {
    await core.close();
  }
}

export async function cancelCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: globalOptionSpec,
  });
  const id = requireId(positionals[0], 'cancel');

  const core = await openCliCore(values);
  try {
    const cancelled = await core.engine.cancel(id);
    const job = await jobsRepository.get(core.database.sql, id);
    if (!job) {
      io.stderr.write(`Job ${id} not found. List jobs with kai jobs.\n`);
      return 1;
    }
    if (cancelled && values.json) io.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
    else if (cancelled) io.stdout.write(`${id}  ${job.status}\n`);
    if (!cancelled) {
      io.stderr.write(
        `Job ${id} is ${job.status}; only pending or processing jobs can be cancelled.\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await core.close();
  }
}
