/** The fields of a job that the queue filters and searches. */
export interface FilterableJob {
  job_type: string;
  status: string;
  created_at: string;
  filename: string | null;
  error: string | null;
  metadata: Record<string, unknown>;
}

/** The queue's filter: empty sets and empty strings match everything. */
export interface JobFilter {
  types: readonly string[];
  statuses: readonly string[];
  /** Local calendar dates, `YYYY-MM-DD`, inclusive at both ends. */
  createdFrom: string;
  createdTo: string;
  search: string;
}

export const EMPTY_FILTER: JobFilter = {
  types: [],
  statuses: [],
  createdFrom: '',
  createdTo: '',
  search: '',
};

/** Returns whether any part of the filter narrows the list. */
export function isFilterActive(filter: JobFilter): boolean {
  return (
    filter.types.length > 0 ||
    filter.statuses.length > 0 ||
    filter.createdFrom !== '' ||
    filter.createdTo !== '' ||
    filter.search.trim() !== ''
  );
}

/**
 * Returns the text the search box matches: the filename, the error, and every string in the
 * job's metadata, which is where the URL of a scrape and the source of an import are kept.
 */
export function jobSearchText(job: FilterableJob): string {
  const parts: string[] = [job.filename ?? '', job.error ?? ''];
  for (const value of Object.values(job.metadata ?? {})) {
    if (typeof value === 'string') parts.push(value);
  }
  return parts.join('\n').toLowerCase();
}

/** Compiles a filter into a predicate, so per-job work stays small on a long list. */
export function compileJobFilter(filter: JobFilter): (job: FilterableJob) => boolean {
  const types = new Set(filter.types);
  const statuses = new Set(filter.statuses);
  const from = filter.createdFrom ? localDayStart(filter.createdFrom) : -Infinity;
  const to = filter.createdTo ? localDayStart(filter.createdTo) + 86_400_000 : Infinity;
  const terms = filter.search.toLowerCase().split(/\s+/).filter(Boolean);

  return (job) => {
    if (types.size > 0 && !types.has(job.job_type)) return false;
    if (statuses.size > 0 && !statuses.has(job.status)) return false;
    if (from !== -Infinity || to !== Infinity) {
      const created = Date.parse(job.created_at);
      if (!(created >= from && created < to)) return false;
    }
    if (terms.length === 0) return true;
    const text = jobSearchText(job);
    return terms.every((term) => text.includes(term));
  };
}

// `new Date('2025-03-01')` is UTC midnight; the filter means the user's own day.
function localDayStart(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return Number.NaN;
  return new Date(year, month - 1, date).getTime();
}
