/**
 * The job engine: claims pending jobs, runs them with a concurrency limit, and keeps their
 * rows and history current.
 *
 * Lifecycle of a `background_jobs` row:
 * - pending -> processing: claimed when a slot is free and `next_attempt_at` is due.
 * - processing -> completed: the runner returned.
 * - processing -> failed: an InputError, or a retryable error on the last attempt.
 * - processing -> pending: a retryable error with attempts left (retry_count + 1, due after
 *   capped exponential backoff with jitter), or a stall (see below).
 * - pending | processing -> cancelled: `cancel()`; a running job is aborted.
 * - failed | cancelled -> pending: `retry()`; checkpoints are kept, so it resumes.
 *
 * Guarantees. Execution is at least once: a job interrupted after a stage's work but before
 * its checkpoint runs that stage again, so every stage is idempotent (upserts on natural
 * keys). While a job runs, `last_heartbeat` is written every `heartbeatMs` (default 30 s) as
 * long as its worker keeps pinging. A processing job whose heartbeat is older than
 * `stallAfterMs` (default 3 heartbeats, 90 s) is stalled: it is aborted if it runs here,
 * a `stalled` event is recorded, and it goes back to pending with the attempt counted. It
 * resumes from its last checkpoint. On start, jobs left processing by a process that
 * died are recovered the same way without counting an attempt. `stop()` aborts running jobs
 * and puts them back to pending, so a quit loses at most the stage in progress.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from '../log.ts';
import type { Database } from '../store/database.ts';
import { jobsRepository, type BackgroundJobRow, type NewJob } from '../store/jobs-repository.ts';
import { stageEventsRepository } from '../store/stage-events-repository.ts';
import { retryDelayMs, type BackoffOptions } from './backoff.ts';
import { errorCode, isRetryable, JobCancelledError, TransientError } from './job-errors.ts';
import type { JobRunContext, JobRunner } from './job-runner.ts';
import type { JobType, StageEvent } from './job-vocabulary.ts';

export interface JobEngineOptions {
  database: Database;
  logger: Logger;
  runners: JobRunner[];
  /** Jobs run at once; default 2. */
  concurrency?: number;
  /** Heartbeat interval in ms; default 30,000. */
  heartbeatMs?: number;
  /** Heartbeat age in ms after which a processing job is stalled; default 3 heartbeats. */
  stallAfterMs?: number;
  /** Attempts per job including the first; default 3. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** How often due retries are looked for, in ms; default 1,000. */
  pollMs?: number;
  /** Called after each checkpoint is committed; used to inject crashes in tests. */
  onCheckpoint?: (job: BackgroundJobRow, stage: string) => void;
}

/** Events the engine emits: `job:changed` with the job id after every write to a job. */
export interface JobEngineEvents {
  'job:changed': [jobId: string];
  'job:finished': [job: BackgroundJobRow];
  /** A job attempt started a worker process (the pid lets tests and tools signal it). */
  'worker:started': [jobId: string, pid: number];
  /** That worker loaded its modules and started pinging. */
  'worker:ready': [jobId: string, pid: number];
}

interface ActiveJob {
  row: BackgroundJobRow;
  controller: AbortController;
  lastTouch: number;
  heartbeat: NodeJS.Timeout;
  done: Promise<void>;
  /** Reason the engine aborted the job, when it did. */
  abortReason?: 'cancelled' | 'stalled' | 'stopped';
}

export class JobEngine extends EventEmitter<JobEngineEvents> {
  private readonly database: Database;
  private readonly logger: Logger;
  private readonly runners = new Map<JobType, JobRunner>();
  private readonly active = new Map<string, ActiveJob>();
  private readonly secrets = new Map<string, Record<string, string>>();
  private readonly options: Required<
    Pick<
      JobEngineOptions,
      'concurrency' | 'heartbeatMs' | 'stallAfterMs' | 'maxAttempts' | 'pollMs'
    >
  > & { backoff: BackoffOptions };
  private readonly onCheckpoint: JobEngineOptions['onCheckpoint'];
  private pollTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private running = false;

  constructor(options: JobEngineOptions) {
    super();
    this.database = options.database;
    this.logger = options.logger;
    for (const runner of options.runners) this.runners.set(runner.jobType, runner);
    const heartbeatMs = options.heartbeatMs ?? 30_000;
    this.options = {
      concurrency: options.concurrency ?? 2,
      heartbeatMs,
      stallAfterMs: options.stallAfterMs ?? heartbeatMs * 3,
      maxAttempts: options.maxAttempts ?? 3,
      pollMs: options.pollMs ?? 1_000,
      backoff: options.backoff ?? { baseMs: 5_000, maxMs: 5 * 60_000 },
    };
    this.onCheckpoint = options.onCheckpoint;
  }

  get settings(): Readonly<typeof this.options> {
    return this.options;
  }

  /** Recovers jobs a dead process left processing, then starts claiming. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.recoverOrphans();
    this.pollTimer = setInterval(() => this.kick(), this.options.pollMs);
    this.sweepTimer = setInterval(
      () => void this.sweepStalled().catch((error) => this.logError('Stall sweep failed.', error)),
      Math.max(50, Math.min(this.options.heartbeatMs, this.options.stallAfterMs / 3)),
    );
    this.logger.info({ ...this.options }, 'Job engine started.');
    this.kick();
  }

  /** Aborts running jobs, puts them back to pending and stops claiming. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.pollTimer);
    clearInterval(this.sweepTimer);
    for (const job of this.active.values()) {
      job.abortReason = 'stopped';
      job.controller.abort(new JobCancelledError(job.row.id));
    }
    await Promise.allSettled([...this.active.values()].map((job) => job.done));
    await this.ticking;
    this.logger.info('Job engine stopped.');
  }

  async enqueue(job: NewJob): Promise<BackgroundJobRow> {
    const row = await jobsRepository.insert(this.database.sql, job);
    this.logger.info({ jobId: row.id, jobType: row.job_type }, 'Job enqueued.');
    this.emit('job:changed', row.id);
    this.kick();
    return row;
  }

  /** Keeps a secret for a job in memory for its next attempts (a PDF password). */
  setSecrets(jobId: string, secrets: Record<string, string>): void {
    this.secrets.set(jobId, { ...this.secrets.get(jobId), ...secrets });
  }

  async retry(jobId: string): Promise<boolean> {
    const moved = await jobsRepository.retry(this.database.sql, jobId);
    if (moved) {
      this.logger.info({ jobId }, 'Job retried by request.');
      this.emit('job:changed', jobId);
      this.kick();
    }
    return moved;
  }

  async cancel(jobId: string): Promise<boolean> {
    const active = this.active.get(jobId);
    const cancelled = await jobsRepository.markCancelled(this.database.sql, jobId);
    if (!cancelled) return false;

    const job = await jobsRepository.get(this.database.sql, jobId);
    await this.appendEvent(jobId, job?.current_stage ?? null, 'cancelled', job?.retry_count ?? 0);
    if (active) {
      active.abortReason = 'cancelled';
      active.controller.abort(new JobCancelledError(jobId));
    }
    this.logger.info({ jobId }, 'Job cancelled.');
    this.emit('job:changed', jobId);
    return true;
  }

  isActive(jobId: string): boolean {
    return this.active.has(jobId);
  }

  get activeCount(): number {
    return this.active.size;
  }

  /** Resolves when no job is pending (due or not) or processing. */
  async waitForIdle(jobIds?: string[]): Promise<void> {
    for (;;) {
      const rows = jobIds
        ? await Promise.all(jobIds.map((id) => jobsRepository.get(this.database.sql, id)))
        : await jobsRepository.list(this.database.sql);
      const busy = rows.some(
        (row) => row && (row.status === 'pending' || row.status === 'processing'),
      );
      if (!busy && (jobIds || this.active.size === 0)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.off('job:finished', done);
          resolve();
        };
        const timer = setTimeout(done, this.options.pollMs);
        this.on('job:finished', done);
      });
    }
  }

  /** Requests a claim pass; passes never overlap. */
  kick(): void {
    if (!this.running) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.claimAndRun()
      .catch((error) => this.logError('Claiming jobs failed.', error))
      .finally(() => {
        this.ticking = undefined;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.kick();
        }
      });
  }

  private async claimAndRun(): Promise<void> {
    const free = this.options.concurrency - this.active.size;
    if (free <= 0) return;
    const claimed = await jobsRepository.claim(this.database.sql, free, [...this.runners.keys()]);
    for (const row of claimed) this.launch(row);
  }

  private launch(row: BackgroundJobRow): void {
    const controller = new AbortController();
    const active: ActiveJob = {
      row,
      controller,
      lastTouch: Date.now(),
      heartbeat: setInterval(() => void this.writeHeartbeat(active), this.options.heartbeatMs),
      done: Promise.resolve(),
    };
    this.active.set(row.id, active);
    active.done = this.runJob(active).finally(() => {
      clearInterval(active.heartbeat);
      this.active.delete(row.id);
      this.kick();
    });
  }

  private async runJob(active: ActiveJob): Promise<void> {
    const { row } = active;
    const runner = this.runners.get(row.job_type)!;
    const attempt = row.retry_count + 1;
    const logger = this.logger.child({
      jobId: row.id,
      jobType: row.job_type,
      attempt,
      maxAttempts: this.options.maxAttempts,
    });

    try {
      const context = await this.createContext(active, attempt, logger);
      this.emit('job:changed', row.id);
      logger.info({ resumedAfter: [...context.completedStages] }, 'Job started.');
      await runner.run(context);
      if (active.controller.signal.aborted) throw active.controller.signal.reason;
      await jobsRepository.markCompleted(this.database.sql, row.id);
      logger.info('Job completed.');
    } catch (error) {
      await this.handleFailure(active, attempt, logger, error);
    }

    this.emit('job:changed', row.id);
    const finished = await jobsRepository.get(this.database.sql, row.id);
    if (finished) this.emit('job:finished', finished);
  }

  private async createContext(
    active: ActiveJob,
    attempt: number,
    logger: Logger,
  ): Promise<JobRunContext> {
    const { row, controller } = active;
    const sql = this.database.sql;
    const completedStages = await stageEventsRepository.completedStages(sql, row.id);
    const touch = () => {
      active.lastTouch = Date.now();
    };
    const changed = () => this.emit('job:changed', row.id);

    return {
      job: row,
      attempt,
      maxAttempts: this.options.maxAttempts,
      database: this.database,
      logger,
      signal: controller.signal,
      completedStages,
      secrets: this.secrets.get(row.id) ?? {},
      dataDir: this.database.dataDir,
      touch,
      beginStage: async (stage) => {
        throwIfAborted(controller.signal);
        touch();
        await this.appendEvent(row.id, stage, 'started', attempt - 1);
        await jobsRepository.updateProgress(sql, row.id, 0, stage);
        logger.info({ stage }, 'Stage started.');
        changed();
      },
      completeStage: async (stage, detail, persist) => {
        throwIfAborted(controller.signal);
        touch();
        await this.database.transaction(async (tx) => {
          if (persist) await persist(tx);
          await stageEventsRepository.append(tx, {
            jobId: row.id,
            stage,
            event: 'completed',
            attempt: attempt - 1,
            detail,
          });
        });
        completedStages.add(stage);
        logger.info({ stage, ...detail }, 'Stage checkpoint stored.');
        changed();
        this.onCheckpoint?.(row, stage);
      },
      setProgress: async (progress) => {
        touch();
        await jobsRepository.updateProgress(sql, row.id, progress, undefined);
        changed();
      },
      mergeMetadata: async (patch) => {
        await jobsRepository.mergeMetadata(sql, row.id, patch);
        changed();
      },
    };
  }

  private async handleFailure(
    active: ActiveJob,
    attempt: number,
    logger: Logger,
    error: unknown,
  ): Promise<void> {
    const { row } = active;
    const sql = this.database.sql;
    const current = await jobsRepository.get(sql, row.id);
    const stage = current?.current_stage ?? null;

    if (active.abortReason === 'cancelled' || current?.status === 'cancelled') {
      logger.info({ stage }, 'Job stopped after cancellation.');
      return;
    }
    if (active.abortReason === 'stopped') {
      await jobsRepository.requeue(sql, row.id, {
        retryCount: row.retry_count,
        nextAttemptAt: null,
        error: null,
      });
      logger.info({ stage }, 'Job returned to pending because the engine stopped.');
      return;
    }

    const cause =
      active.abortReason === 'stalled' ? stalledError(this.options.stallAfterMs, error) : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    const code = errorCode(cause);
    await this.appendEvent(row.id, stage, 'failed', attempt - 1, { code, message });

    if (isRetryable(cause) && attempt < this.options.maxAttempts) {
      const delay = retryDelayMs(attempt, this.options.backoff);
      await jobsRepository.requeue(sql, row.id, {
        retryCount: attempt,
        nextAttemptAt: new Date(Date.now() + delay),
        error: message,
      });
      await this.appendEvent(row.id, stage, 'retry_scheduled', attempt, { delayMs: delay });
      logger.warn(
        { stage, code, err: cause, delayMs: delay },
        'Job attempt failed; retry scheduled.',
      );
      return;
    }

    await jobsRepository.markFailed(
      sql,
      row.id,
      message,
      isRetryable(cause) ? attempt : row.retry_count,
    );
    if (code === 'internal')
      logger.error({ stage, err: cause }, 'Job failed with an internal error.');
    else logger.warn({ stage, code, err: cause }, 'Job failed.');
  }

  private async writeHeartbeat(active: ActiveJob): Promise<void> {
    if (Date.now() - active.lastTouch > this.options.stallAfterMs) return;
    try {
      await jobsRepository.heartbeat(this.database.sql, active.row.id);
    } catch (error) {
      this.logError('Heartbeat write failed.', error, active.row.id);
    }
  }

  /** Aborts and requeues processing jobs whose heartbeat is too old. */
  async sweepStalled(): Promise<void> {
    const stalled = await jobsRepository.listStalled(this.database.sql, this.options.stallAfterMs);
    for (const row of stalled) {
      const active = this.active.get(row.id);
      if (active) {
        if (active.abortReason) continue;
        active.abortReason = 'stalled';
        await this.appendEvent(row.id, row.current_stage, 'stalled', row.retry_count, {
          heartbeatAgeMs: this.options.stallAfterMs,
        });
        this.logger.warn({ jobId: row.id, stage: row.current_stage }, 'Job stalled; aborting it.');
        active.controller.abort(stalledError(this.options.stallAfterMs));
      } else if (this.running) {
        await this.requeueOrphan(row, 'stalled');
      }
    }
  }

  private async recoverOrphans(): Promise<void> {
    const orphans = await jobsRepository.listProcessing(this.database.sql);
    for (const row of orphans) {
      if (!this.active.has(row.id)) await this.requeueOrphan(row, 'recovered');
    }
  }

  private async requeueOrphan(row: BackgroundJobRow, event: StageEvent): Promise<void> {
    await this.appendEvent(row.id, row.current_stage, event, row.retry_count, {
      reason: 'the process running it exited or stopped sending heartbeats',
    });
    await jobsRepository.requeue(this.database.sql, row.id, {
      retryCount: row.retry_count,
      nextAttemptAt: null,
      error: row.error,
    });
    this.logger.warn(
      { jobId: row.id, stage: row.current_stage, event },
      'Job requeued from its last checkpoint.',
    );
    this.emit('job:changed', row.id);
  }

  private async appendEvent(
    jobId: string,
    stage: string | null,
    event: StageEvent,
    attempt: number,
    detail?: Record<string, unknown>,
  ): Promise<void> {
    await stageEventsRepository.append(this.database.sql, { jobId, stage, event, attempt, detail });
  }

  private logError(message: string, error: unknown, jobId?: string): void {
    this.logger.error({ err: error, jobId }, message);
  }
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason;
}

function stalledError(stallAfterMs: number, cause?: unknown): TransientError {
  return new TransientError(
    'stalled',
    `The job's worker sent no heartbeat for ${Math.round(stallAfterMs / 1000)} s and was stopped. ` +
      'It resumes from its last checkpoint; if it stalls again, the file may hang the parser.',
    { cause },
  );
}
