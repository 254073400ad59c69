import { z } from 'zod';
import { defineCall } from '../call-spec.ts';
import type { BackgroundJobRow, DocumentCounts, StageEventRow, StageSummary } from '../rows.ts';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType } from '../vocabulary.ts';
import { idListSchema, idSchema, type ChangedIds } from './common-schemas.ts';

export const jobsListInput = z.strictObject({
  statuses: z.array(z.enum(JOB_STATUSES)).max(JOB_STATUSES.length).optional(),
  types: z.array(z.enum(JOB_TYPES)).max(JOB_TYPES.length).optional(),
  /** Case-insensitive substring of the filename, source URL, source name or error. */
  search: z.string().trim().max(200).optional(),
  /** Jobs created at or after this instant (ISO 8601). */
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  /** Jobs created before this instant (ISO 8601). */
  createdTo: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(5_000).default(500),
});

/** Matching jobs, newest first, and how many match in all (ignoring `limit`). */
export interface JobsListOutput {
  jobs: BackgroundJobRow[];
  total: number;
}

/** A job with its stages in pipeline order, output counts and full history, oldest first. */
export interface JobDetail {
  job: BackgroundJobRow;
  stages: StageSummary[];
  outputs: DocumentCounts;
  events: StageEventRow[];
}

export interface JobCounts {
  total: number;
  byStatus: Record<JobStatus, number>;
  byType: Record<JobType, number>;
}

/** One hour of the stats chart: jobs that completed or failed in `[hour, hour + 1 h)`. */
export interface JobStatsBucket {
  /** Start of the hour, ISO 8601 in UTC. */
  hour: string;
  completed: number;
  failed: number;
}

export interface JobStats {
  hours: number;
  /** Oldest first, one per hour, ending with the current hour; empty hours included. */
  buckets: JobStatsBucket[];
}

export const jobsCalls = {
  'jobs:list': defineCall<JobsListOutput>()(jobsListInput),
  'jobs:get': defineCall<JobDetail>()(z.strictObject({ id: idSchema })),
  /** Moves failed or cancelled jobs back to pending; `password` is kept for PDF jobs. */
  'jobs:retry': defineCall<ChangedIds>()(
    idListSchema.extend({ password: z.string().min(1).max(1_024).optional() }),
  ),
  /** Cancels pending or processing jobs. */
  'jobs:cancel': defineCall<ChangedIds>()(idListSchema),
  /** Deletes jobs that are not processing, with their history; documents stay. */
  'jobs:delete': defineCall<ChangedIds>()(idListSchema),
  'jobs:counts': defineCall<JobCounts>()(z.strictObject({})),
  'jobs:stats': defineCall<JobStats>()(
    z.strictObject({
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 14)
        .default(24),
    }),
  ),
};
