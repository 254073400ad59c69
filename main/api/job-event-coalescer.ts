/**
 * Turns the engine's `job:changed` (an id, after every write) into `jobs:changed` events
 * carrying the row. A burst of writes to one job (progress per page) becomes at most one
 * event per job per `intervalMs`, sent at the end of the interval with the latest row.
 */
import type { BackgroundJobRow } from '../../contract/rows.ts';
import type { Core } from '../core.ts';
import { jobsRepository } from '../store/jobs-repository.ts';

export interface JobEventCoalescerOptions {
  /** Default 50 ms. */
  intervalMs?: number;
  onRow(row: BackgroundJobRow): void;
  onFinished(row: BackgroundJobRow): void;
}

export class JobEventCoalescer {
  private readonly intervalMs: number;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private readonly onChanged = (jobId: string) => this.schedule(jobId);
  private readonly onFinished = (row: BackgroundJobRow) => this.options.onFinished(row);

  constructor(
    private readonly core: Core,
    private readonly options: JobEventCoalescerOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 50;
    core.engine.on('job:changed', this.onChanged);
    core.engine.on('job:finished', this.onFinished);
  }

  /** Stops listening and drops pending events. */
  close(): void {
    this.closed = true;
    this.core.engine.off('job:changed', this.onChanged);
    this.core.engine.off('job:finished', this.onFinished);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(jobId: string): void {
    if (this.closed || this.timers.has(jobId)) return;
    const timer = setTimeout(() => void this.send(jobId), this.intervalMs);
    this.timers.set(jobId, timer);
  }

  private async send(jobId: string): Promise<void> {
    this.timers.delete(jobId);
    try {
      const row = await jobsRepository.get(this.core.database.sql, jobId);
      if (row && !this.closed) this.options.onRow(row);
    } catch (error) {
      // The store may be closing during shutdown; the next change sends a fresh row.
      if (!this.closed)
        this.core.logger.warn({ err: error, jobId }, 'Reading a changed job failed.');
    }
  }
}
