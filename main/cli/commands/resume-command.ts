import { parseArgs } from 'node:util';
import { jobsRepository } from '../../store/jobs-repository.ts';
import { openCliCore, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';
import { runJobsWithProgress } from './run-jobs.ts';

export const resumeHelp = `Usage: kai resume [--json]

Recovers jobs that a crashed or killed process left processing, then runs every pending job
(imports, scrapes and PDFs) until none is left, with progress. Exits with 1 when any failed.
  --json  print the final background_jobs rows of the jobs it ran`;

export async function resumeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: globalOptionSpec });
  const core = await openCliCore(values);
  try {
    const sql = core.database.sql;
    const before = [
      ...(await jobsRepository.list(sql, { status: 'processing' })),
      ...(await jobsRepository.list(sql, { status: 'pending' })),
    ];
    const finished = await runJobsWithProgress(
      core,
      before.map((job) => job.id),
      io,
      true,
    );
    if (values.json) io.stdout.write(`${JSON.stringify(finished, null, 2)}\n`);
    else {
      for (const job of finished)
        io.stdout.write(`${job.id}  ${job.job_type}  ${job.status}  ${job.filename ?? ''}\n`);
      if (finished.length === 0) io.stdout.write('No pending jobs.\n');
    }
    return finished.some((job) => job.status !== 'completed') ? 1 : 0;
  } finally {
    await core.close();
  }
}
