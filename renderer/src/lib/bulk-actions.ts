import { pluralize } from './format.ts';
import { jobTypeLabel } from './job-labels.ts';

/** An action the queue can apply to several jobs at once. */
export type BulkAction = 'retry' | 'cancel' | 'delete';

/** The fields of a job that decide which bulk actions apply to it. */
export interface BulkJob {
  id: string;
  job_type: string;
  status: string;
}

const ELIGIBLE: Record<BulkAction, readonly string[]> = {
  // The engine retries only failed or cancelled jobs, cancels only unfinished ones, and
  // refuses to delete a job while it runs.
  retry: ['failed', 'cancelled'],
  cancel: ['pending', 'processing'],
  delete: ['pending', 'completed', 'failed', 'cancelled'],
};

const VERBS: Record<BulkAction, string> = { retry: 'Retry', cancel: 'Cancel', delete: 'Delete' };

/** Returns whether `action` applies to a job in `status`. */
export function canApply(action: BulkAction, status: string): boolean {
  return ELIGIBLE[action].includes(status);
}

/** Returns the jobs among `jobs` that `action` applies to. */
export function eligibleJobs<T extends BulkJob>(action: BulkAction, jobs: readonly T[]): T[] {
  return jobs.filter((job) => canApply(action, job.status));
}

/**
 * Returns the confirmation question for a bulk action, naming the exact number and kind of
 * the jobs it affects: "Retry 3 failed PDF jobs?", or for a mix,
 * "Retry 5 jobs: 3 failed PDF, 2 cancelled import?".
 */
export function describeBulkAction(action: BulkAction, jobs: readonly BulkJob[]): string {
  const groups = new Map<string, number>();
  for (const job of jobs) {
    const key = `${job.status} ${jobTypeLabel(job.job_type)}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const verb = VERBS[action];
  if (groups.size === 1) {
    const [kind] = [...groups.keys()];
    return `${verb} ${pluralize(jobs.length, `${kind} job`)}?`;
  }
  const parts = [...groups.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, count]) => `${count.toLocaleString('en')} ${kind}`);
  return `${verb} ${pluralize(jobs.length, 'job')}: ${parts.join(', ')}?`;
}
