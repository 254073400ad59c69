import type { Core } from '../../core.ts';
import { jobsRepository, type BackgroundJobRow } from '../../store/jobs-repository.ts';
import type { CliIo } from '../cli-context.ts';
import { ProgressBars } from '../progress-bars.ts';

/**
 * Starts the engine, draws progress until every job in `jobIds` is finished, and returns
 * their final rows. SIGINT stops the engine, which returns running jobs to pending.
 */
export async function runJobsWithProgress(
  core: Core,
  jobIds: string[],
  io: CliIo,
  showProgress: boolean,
): Promise<BackgroundJobRow[]> {
  const bars = new ProgressBars(io);
  const sql = core.database.sql;
  const watched = new Set(jobIds);
  const draw = async (jobId: string) => {
    if (!showProgress || !watched.has(jobId)) return;
    const row = await jobsRepository.get(sql, jobId);
    if (row) bars.update(row);
  };
  const onChanged = (jobId: string) => void draw(jobId);

  core.engine.on('job:changed', onChanged);
  const onSigint = () => void core.engine.stop();
  process.once('SIGINT', onSigint);
  try {
    for (const id of jobIds) await draw(id);
    await core.engine.start();
    await core.engine.waitForIdle(jobIds);
  } finally {
    core.engine.off('job:changed', onChanged);
    process.off('SIGINT', onSigint);
  }

  const rows = await Promise.all(jobIds.map((id) => jobsRepository.get(sql, id)));
  const finished = rows.filter((row): row is BackgroundJobRow => row !== undefined);
  if (showProgress) {
    for (const row of finished) bars.update(row);
    bars.finish();
  }
  return finished;
}
