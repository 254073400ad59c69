import type { StateCreator } from 'zustand';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import type { AppState } from './app-store.ts';

/** Whether the job list has been fetched. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The projection of `background_jobs`: the core owns every row, and this slice holds the
 * latest copy it has seen, from `jobs:list` and `jobs:changed`.
 */
export interface JobsSlice {
  jobs: ReadonlyMap<string, BackgroundJobRow>;
  /** Job ids newest first (created_at desc, then id), the order of the core's `jobs:list`. */
  jobOrder: readonly string[];
  jobsStatus: LoadStatus;
  jobsError: string | null;
  /** Replaces every job with a fresh list, as after a (re)connection. */
  replaceJobs(rows: readonly BackgroundJobRow[]): void;
  /** Applies changed rows; a row older than the copy already held is ignored. */
  upsertJobs(rows: readonly BackgroundJobRow[]): void;
  removeJobs(ids: readonly string[]): void;
  setJobsStatus(status: LoadStatus, error?: string | null): void;
}

/** Returns true when `a` sorts before `b` in the queue: newer first, ties by id. */
export function jobSortsBefore(a: BackgroundJobRow, b: BackgroundJobRow): boolean {
  if (a.created_at !== b.created_at) return a.created_at > b.created_at;
  return a.id < b.id;
}

// created_at strings from the core are all ISO 8601 in UTC, so they compare as text.
function compareJobs(a: BackgroundJobRow, b: BackgroundJobRow): number {
  if (a.created_at !== b.created_at) return a.created_at > b.created_at ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set) => ({
  jobs: new Map(),
  jobOrder: [],
  jobsStatus: 'idle',
  jobsError: null,

  replaceJobs(rows) {
    const jobs = new Map(rows.map((row) => [row.id, row]));
    const jobOrder = [...jobs.values()].sort(compareJobs).map((row) => row.id);
    set({ jobs, jobOrder, jobsStatus: 'ready', jobsError: null });
  },

  upsertJobs(rows) {
    set((state) => {
      let jobs: Map<string, BackgroundJobRow> | undefined;
      const added: BackgroundJobRow[] = [];
      for (const row of rows) {
        const current = (jobs ?? state.jobs).get(row.id);
        // updated_at orders two copies of one row, so a list reply that raced an event
        // never rolls a job back.
        if (current && current.updated_at > row.updated_at) continue;
        jobs ??= new Map(state.jobs);
        if (!current) added.push(row);
        jobs.set(row.id, row);
      }
      if (!jobs) return {};
      if (added.length === 0) return { jobs };
      return { jobs, jobOrder: insertSorted(state.jobOrder, jobs, added) };
    });
  },

  removeJobs(ids) {
    set((state) => {
      const gone = new Set(ids.filter((id) => state.jobs.has(id)));
      if (gone.size === 0) return {};
      const jobs = new Map(state.jobs);
      for (const id of gone) jobs.delete(id);
      const selected = new Set([...state.selectedIds].filter((id) => !gone.has(id)));
      return {
        jobs,
        jobOrder: state.jobOrder.filter((id) => !gone.has(id)),
        selectedIds: selected,
        activeJobId: state.activeJobId && gone.has(state.activeJobId) ? null : state.activeJobId,
      };
    });
  },

  setJobsStatus(status, error = null) {
    set({ jobsStatus: status, jobsError: error });
  },
});

// New jobs are nearly always the newest, so a merge of the sorted additions into the
// existing order costs one pass instead of a sort of the whole list.
function insertSorted(
  order: readonly string[],
  jobs: ReadonlyMap<string, BackgroundJobRow>,
  added: BackgroundJobRow[],
): string[] {
  added.sort(compareJobs);
  const merged: string[] = [];
  let index = 0;
  for (const row of added) {
    while (index < order.length && jobSortsBefore(jobs.get(order[index]!)!, row)) {
      merged.push(order[index]!);
      index += 1;
    }
    merged.push(row.id);
  }
  for (; index < order.length; index += 1) merged.push(order[index]!);
  return merged;
}
