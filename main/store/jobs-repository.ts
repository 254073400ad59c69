import { randomUUID } from 'node:crypto';
import type { JobStatus, JobType } from '../jobs/job-vocabulary.ts';
import type { Sql } from './database.ts';
import type { BackgroundJobRow } from '../../contract/rows.ts';

// The row types are defined once, in the contract the UI shares; this module writes them.
export type { BackgroundJobRow };

export interface NewJob {
  jobType: JobType;
  filename?: string | null;
  documentId?: string | null;
  metadata?: Record<string, unknown>;
}

/** Filters of the queue view; every field is optional and they combine with AND. */
export interface JobSearchFilter {
  statuses?: JobStatus[];
  jobTypes?: JobType[];
  search?: string;
  /** ISO 8601; jobs created at or after it. */
  createdFrom?: string;
  /** ISO 8601; jobs created before it. */
  createdTo?: string;
  limit?: number;
}

export interface JobFilter {
  status?: JobStatus;
  jobType?: JobType;
  limit?: number;
}

// Timestamps leave the database as ISO strings so every caller sees one format.
const JOB_COLUMNS = `id, job_type, status, progress, current_stage,
  to_json(last_heartbeat)#>>'{}' as last_heartbeat, document_id, filename, metadata,
  to_json(created_at)#>>'{}' as created_at, to_json(started_at)#>>'{}' as started_at,
  to_json(completed_at)#>>'{}' as completed_at, to_json(failed_at)#>>'{}' as failed_at,
  to_json(updated_at)#>>'{}' as updated_at, error, retry_count,
  to_json(next_attempt_at)#>>'{}' as next_attempt_at`;

/** All writes to `background_jobs` go through these functions. */
export const jobsRepository = {
  async insert(sql: Sql, job: NewJob): Promise<BackgroundJobRow> {
    const result = await sql.query<BackgroundJobRow>(
      `insert into background_jobs (id, job_type, filename, document_id, metadata)
       values ($1, $2, $3, $4, $5) returning ${JOB_COLUMNS}`,
      [randomUUID(), job.jobType, job.filename ?? null, job.documentId ?? null, job.metadata ?? {}],
    );
    return result.rows[0]!;
  },

  async get(sql: Sql, id: string): Promise<BackgroundJobRow | undefined> {
    const result = await sql.query<BackgroundJobRow>(
      `select ${JOB_COLUMNS} from background_jobs where id = $1`,
      [id],
    );
    return result.rows[0];
  },

  async list(sql: Sql, filter: JobFilter = {}): Promise<BackgroundJobRow[]> {
    const result = await sql.query<BackgroundJobRow>(
      `select ${JOB_COLUMNS} from background_jobs
       where ($1::text is null or status = $1) and ($2::text is null or job_type = $2)
       order by created_at desc, id limit $3`,
      [filter.status ?? null, filter.jobType ?? null, filter.limit ?? 10_000],
    );
    return result.rows;
  },

  /** Finds the newest unfinished job for a document, so re-ingesting a file resumes it. */
  async findUnfinishedForDocument(
    sql: Sql,
    documentId: string,
  ): Promise<BackgroundJobRow | undefined> {
    const result = await sql.query<BackgroundJobRow>(
      `select ${JOB_COLUMNS} from background_jobs
       where document_id = $1 and status in ('pending', 'processing', 'failed')
       order by created_at desc limit 1`,
      [documentId],
    );
    return result.rows[0];
  },

  /** Moves up to `limit` due pending jobs of the given types to processing. */
  async claim(sql: Sql, limit: number, jobTypes: readonly JobType[]): Promise<BackgroundJobRow[]> {
    if (limit <= 0 || jobTypes.length === 0) return [];
    const result = await sql.query<BackgroundJobRow>(
      `update background_jobs set status = 'processing', started_at = coalesce(started_at, now()),
         last_heartbeat = now(), next_attempt_at = null, updated_at = now()
       where id in (
         select id from background_jobs
         where status = 'pending' and (next_attempt_at is null or next_attempt_at <= now())
           and job_type = any($2::text[])
         order by created_at, id limit $1
         for update skip locked)
       returning ${JOB_COLUMNS}`,
      [limit, jobTypes],
    );
    return result.rows;
  },

  async heartbeat(sql: Sql, id: string): Promise<void> {
    await sql.query(
      `update background_jobs set last_heartbeat = now(), updated_at = now()
       where id = $1 and status = 'processing'`,
      [id],
    );
  },

  /** Records progress and stage; progress only moves forward. */
  async updateProgress(
    sql: Sql,
    id: string,
    progress: number,
    stage: string | undefined,
  ): Promise<void> {
    await sql.query(
      `update background_jobs set progress = greatest(progress, $2),
         current_stage = coalesce($3, current_stage), updated_at = now()
       where id = $1 and status = 'processing'`,
      [id, clampProgress(progress), stage ?? null],
    );
  },

  async mergeMetadata(sql: Sql, id: string, patch: Record<string, unknown>): Promise<void> {
    await sql.query(
      `update background_jobs set metadata = metadata || $2::jsonb, updated_at = now() where id = $1`,
      [id, patch],
    );
  },

  async setDocument(sql: Sql, id: string, documentId: string): Promise<void> {
    await sql.query(
      'update background_jobs set document_id = $2, updated_at = now() where id = $1',
      [id, documentId],
    );
  },

  async markCompleted(sql: Sql, id: string): Promise<boolean> {
    const result = await sql.query(
      `update background_jobs set status = 'completed', progress = 100, completed_at = now(),
         error = null, updated_at = now()
       where id = $1 and status = 'processing'`,
      [id],
    );
    return (result.affectedRows ?? 0) > 0;
  },

  async markFailed(sql: Sql, id: string, error: string, retryCount: number): Promise<void> {
    await sql.query(
      `update background_jobs set status = 'failed', failed_at = now(), error = $2,
         retry_count = $3, updated_at = now()
       where id = $1 and status in ('pending', 'processing')`,
      [id, error, retryCount],
    );
  },

  /** Puts a job back to pending, due at `nextAttemptAt` (null: at once). */
  async requeue(
    sql: Sql,
    id: string,
    fields: { retryCount: number; nextAttemptAt: Date | null; error: string | null },
  ): Promise<void> {
    await sql.query(
      `update background_jobs set status = 'pending', retry_count = $2, next_attempt_at = $3,
         error = $4, updated_at = now()
       where id = $1 and status = 'processing'`,
      [id, fields.retryCount, fields.nextAttemptAt, fields.error],
    );
  },

  /** Moves a failed or cancelled job back to pending; its checkpoints are kept. */
  async retry(sql: Sql, id: string): Promise<boolean> {
    const result = await sql.query(
      `update background_jobs set status = 'pending', next_attempt_at = null, failed_at = null,
         completed_at = null, error = null, updated_at = now()
       where id = $1 and status in ('failed', 'cancelled')`,
      [id],
    );
    return (result.affectedRows ?? 0) > 0;
  },

  async markCancelled(sql: Sql, id: string): Promise<boolean> {
    const result = await sql.query(
      `update background_jobs set status = 'cancelled', updated_at = now()
       where id = $1 and status in ('pending', 'processing')`,
      [id],
    );
    return (result.affectedRows ?? 0) > 0;
  },

  async delete(sql: Sql, id: string): Promise<boolean> {
    const result = await sql.query(
      `delete from background_jobs where id = $1 and status <> 'processing'`,
      [id],
    );
    return (result.affectedRows ?? 0) > 0;
  },

  /** Lists processing jobs whose heartbeat is older than `staleMs` milliseconds. */
  async listStalled(sql: Sql, staleMs: number): Promise<BackgroundJobRow[]> {
    const result = await sql.query<BackgroundJobRow>(
      `select ${JOB_COLUMNS} from background_jobs
       where status = 'processing'
         and (last_heartbeat is null or last_heartbeat < now() - make_interval(secs => $1))`,
      [staleMs / 1000],
    );
    return result.rows;
  },

  async listProcessing(sql: Sql): Promise<BackgroundJobRow[]> {
    const result = await sql.query<BackgroundJobRow>(
      `select ${JOB_COLUMNS} from background_jobs where status = 'processing'`,
    );
    return result.rows;
  },

  /**
   * Lists jobs for the queue view, newest first, with the number of matches ignoring
   * `limit`. `search` is a case-insensitive substring of the filename, the error, or the
   * metadata's `file_path`, `source_url`, `url` or `source_name`.
   */
  async search(
    sql: Sql,
    filter: JobSearchFilter,
  ): Promise<{ rows: BackgroundJobRow[]; total: number }> {
    const where = `($1::text[] is null or status = any($1))
         and ($2::text[] is null or job_type = any($2))
         and ($3::text is null or filename ilike $3 or error ilike $3
           or metadata->>'file_path' ilike $3 or metadata->>'source_url' ilike $3
           or metadata->>'url' ilike $3 or metadata->>'source_name' ilike $3)
         and ($4::timestamptz is null or created_at >= $4)
         and ($5::timestamptz is null or created_at < $5)`;
    const params = [
      filter.statuses?.length ? filter.statuses : null,
      filter.jobTypes?.length ? filter.jobTypes : null,
      filter.search ? `%${escapeLike(filter.search)}%` : null,
      filter.createdFrom ?? null,
      filter.createdTo ?? null,
    ];
    const rows = await sql.query<BackgroundJobRow>(
      `select ${JOB_COLUMNS} from background_jobs where ${where}
       order by created_at desc, id limit $6`,
      [...params, filter.limit ?? 500],
    );
    const count = await sql.query<{ total: number }>(
      `select count(*)::int as total from background_jobs where ${where}`,
      params,
    );
    return { rows: rows.rows, total: count.rows[0]!.total };
  },

  /** Counts jobs per status and job type. */
  async countByStatusAndType(
    sql: Sql,
  ): Promise<Array<{ status: JobStatus; job_type: JobType; count: number }>> {
    const result = await sql.query<{ status: JobStatus; job_type: JobType; count: number }>(
      `select status, job_type, count(*)::int as count from background_jobs
       group by status, job_type`,
    );
    return result.rows;
  },

  /**
   * Counts, per UTC hour over the last `hours` hours including the current one, the jobs
   * now completed (by `completed_at`) and now failed (by `failed_at`). A retried job leaves
   * the hour it failed in, because a retry clears `failed_at`.
   */
  async hourlyOutcomes(
    sql: Sql,
    hours: number,
  ): Promise<Array<{ hour: string; completed: number; failed: number }>> {
    const result = await sql.query<{ hour: string; completed: number; failed: number }>(
      `with hours as (
         select generate_series(
           date_trunc('hour', now(), 'UTC') - make_interval(hours => $1 - 1),
           date_trunc('hour', now(), 'UTC'), interval '1 hour') as hour)
       select to_json(h.hour)#>>'{}' as hour,
         (select count(*)::int from background_jobs where status = 'completed'
            and completed_at >= h.hour and completed_at < h.hour + interval '1 hour') as completed,
         (select count(*)::int from background_jobs where status = 'failed'
            and failed_at >= h.hour and failed_at < h.hour + interval '1 hour') as failed
       from hours h order by h.hour`,
      [hours],
    );
    return result.rows;
  },
};

/** Escapes `%`, `_` and the escape character so a search matches them literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function clampProgress(progress: number): number {
  return Math.max(0, Math.min(100, Math.floor(progress)));
}
