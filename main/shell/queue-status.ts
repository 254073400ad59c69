/**
 * Indicators the shell shows outside the window: the taskbar progress while jobs run and the
 * tray's queue counts, derived from `jobs:changed` rows and `jobs:counts`.
 */
import type { JobCounts } from '../../contract/calls/jobs-calls.ts';
import type { BackgroundJobRow } from '../../contract/rows.ts';

/** Tracks the progress of processing jobs from `jobs:changed` rows. */
export class QueueProgress {
  private readonly processing = new Map<string, number>();

  /** Records a changed row; returns true when the taskbar value changed. */
  update(job: BackgroundJobRow): boolean {
    const before = this.value();
    if (job.status === 'processing') this.processing.set(job.id, job.progress);
    else this.processing.delete(job.id);
    return this.value() !== before;
  }

  /**
   * Returns the mean progress of processing jobs from 0 to 1, or -1 when none runs
   * (Electron's `setProgressBar(-1)` removes the bar).
   */
  value(): number {
    if (this.processing.size === 0) return -1;
    let sum = 0;
    for (const progress of this.processing.values()) sum += progress;
    return sum / this.processing.size / 100;
  }
}

/** Returns the tray's tooltip and its menu lines: running, waiting, failed, completed. */
export function trayLines(counts: JobCounts): { tooltip: string; lines: string[] } {
  const { pending, processing, failed } = counts.byStatus;
  const lines = [
    `${processing} running`,
    `${pending} waiting`,
    `${failed} failed`,
    `${counts.byStatus.completed} completed`,
  ];
  const tooltip =
    processing + pending === 0
      ? `KAI Console: queue idle${failed ? `, ${failed} failed` : ''}`
      : `KAI Console: ${processing} running, ${pending} waiting${failed ? `, ${failed} failed` : ''}`;
  return { tooltip, lines };
}
