import type { KaiApi } from '../../../contract/kai-api.ts';
import type { Result } from '../../../contract/result.ts';
import type { BackgroundJobRow } from '../../../contract/rows.ts';

/** Largest page `jobs:list` returns. */
const PAGE_SIZE = 5_000;

/**
 * The most jobs the queue loads. Past it the oldest are left out of the list.
 * NOTE: a guessed bound for memory, not measured beyond the 10,000 jobs the UI bench loads.
 */
export const MAX_LOADED_JOBS = 100_000;

/**
 * Fetches every job, newest first, in pages of `jobs:list`. The call has no offset, so each
 * page asks for jobs created before the oldest one seen, plus one millisecond: rows that
 * share that instant come twice and are merged by id, rather than lost.
 * NOTE: more than 5,000 jobs created in one millisecond (one transaction shares `now()`)
 * stop the paging early; an offset or id cursor on `jobs:list` would remove the limit.
 */
export async function fetchAllJobs(api: KaiApi): Promise<Result<BackgroundJobRow[]>> {
  const rows = new Map<string, BackgroundJobRow>();
  let createdTo: string | undefined;
  let expected = Infinity;

  while (rows.size < MAX_LOADED_JOBS) {
    const result = await api.jobs.list({ limit: PAGE_SIZE, ...(createdTo ? { createdTo } : {}) });
    if (!result.ok) return result;
    const before = rows.size;
    for (const job of result.value.jobs) rows.set(job.id, job);

    // Only the first page's total counts every job; later pages count those before createdTo.
    if (createdTo === undefined) expected = result.value.total;
    const oldest = result.value.jobs.at(-1);
    const complete = result.value.jobs.length < PAGE_SIZE || rows.size >= expected;
    if (complete || !oldest || rows.size === before) break;
    createdTo = new Date(Date.parse(oldest.created_at) + 1).toISOString();
  }
  return { ok: true, value: [...rows.values()] };
}
