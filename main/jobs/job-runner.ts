import type { Logger } from '../log.ts';
import type { Database, Sql } from '../store/database.ts';
import type { BackgroundJobRow } from '../store/jobs-repository.ts';
import type { JobType } from './job-vocabulary.ts';

/**
 * What the engine hands a runner for one attempt of one job. Stage bookkeeping goes
 * through it so history, checkpoints, progress and heartbeats stay consistent.
 */
export interface JobRunContext {
  readonly job: BackgroundJobRow;
  /** 1-based attempt number: `retry_count + 1`. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly database: Database;
  readonly logger: Logger;
  /** Aborted when the job is cancelled, stalls, or the engine stops. */
  readonly signal: AbortSignal;
  /** Stages whose checkpoint is already stored: a resumed job skips them. */
  readonly completedStages: ReadonlySet<string>;
  /** Secrets given for this job only (a PDF password); never stored. */
  readonly secrets: Readonly<Record<string, string>>;
  /** The data folder, for files a pipeline writes (page images, tiles). */
  readonly dataDir: string;

  /** Records the start of a stage and makes it the job's current stage. */
  beginStage(stage: string): Promise<void>;
  /**
   * Stores a stage's checkpoint. `persist` writes the stage's rows in the same
   * transaction, so a crash leaves either both or neither.
   */
  completeStage(
    stage: string,
    detail?: Record<string, unknown>,
    persist?: (tx: Sql) => Promise<void>,
  ): Promise<void>;
  /** Records progress 0-100; values below the stored progress are ignored. */
  setProgress(progress: number): Promise<void>;
  /** Merges keys into the job's metadata (summary counts, warnings). */
  mergeMetadata(patch: Record<string, unknown>): Promise<void>;
  /** Tells the engine the job is alive; the engine writes `last_heartbeat` on its timer. */
  touch(): void;
}

/** Runs one job type. Throw an `InputError` for bad input, anything else is retried. */
export interface JobRunner {
  readonly jobType: JobType;
  run(context: JobRunContext): Promise<void>;
}
