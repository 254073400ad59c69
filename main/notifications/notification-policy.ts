/**
 * Decides which notices failed jobs produce. Pure: the caller passes the time in, so tests
 * drive it with a fake clock, and the caller schedules `flush` at `nextFlushAt()`.
 *
 * - The first `burstLimit` failures within `burstWindowMs` each get a notice naming the file
 *   or URL and the error.
 * - Further failures in that window are folded into one summary ("5 jobs failed"), sent
 *   once the failures pause for `quietMs`, or at the latest `burstWindowMs` after the first
 *   folded one. While failures keep coming, the next summary counts only the new ones
 *   ("4 more jobs failed"); a pause of `burstWindowMs` ends the burst.
 * - Notifications off or do-not-disturb on: no notice at all, but every failure still
 *   counts as unseen for the badge until `acknowledge()`.
 */
import type { AppNotification } from '../../contract/notifications.ts';
import type { BackgroundJobRow } from '../../contract/rows.ts';

export interface NotificationPreferences {
  enabled: boolean;
  doNotDisturb: boolean;
}

export interface NotificationPolicyOptions {
  /** Failures within the window that still get a notice each; default 3. */
  burstLimit?: number;
  /** Default 10,000 ms. */
  burstWindowMs?: number;
  /** Pause after the last folded failure before its summary is sent; default 2,000 ms. */
  quietMs?: number;
  /** Makes notice ids; default a counter. */
  createId?: () => string;
}

export interface FailureDecision {
  /** The notice for this failure, or null when it is folded or notices are off. */
  notification: AppNotification | null;
  unseenFailures: number;
}

interface Burst {
  /** Failures counted into the next summary. */
  pending: number;
  /** Failures already shown as individual notices when the burst began. */
  shownBefore: number;
  /** Whether a summary of this burst was already sent. */
  summarised: boolean;
  firstPendingAt: number;
  lastFailureAt: number;
  latest: BackgroundJobRow | null;
}

const MAX_ERROR_LENGTH = 300;

export class NotificationPolicy {
  private readonly burstLimit: number;
  private readonly burstWindowMs: number;
  private readonly quietMs: number;
  private readonly createId: () => string;
  private recent: number[] = [];
  private burst: Burst | null = null;
  private unseen = 0;
  private counter = 0;

  constructor(options: NotificationPolicyOptions = {}) {
    this.burstLimit = options.burstLimit ?? 3;
    this.burstWindowMs = options.burstWindowMs ?? 10_000;
    this.quietMs = options.quietMs ?? 2_000;
    this.createId = options.createId ?? (() => `notice-${++this.counter}`);
  }

  get unseenFailures(): number {
    return this.unseen;
  }

  /** Records a failed job at `now` (ms) and returns its notice, if it gets one. */
  recordFailure(
    job: BackgroundJobRow,
    now: number,
    prefs: NotificationPreferences,
  ): FailureDecision {
    this.unseen += 1;
    this.recent = this.recent.filter((at) => now - at < this.burstWindowMs);
    this.recent.push(now);
    if (this.burst && now - this.burst.lastFailureAt >= this.burstWindowMs) this.burst = null;

    const muted = !prefs.enabled || prefs.doNotDisturb;
    if (!this.burst && this.recent.length <= this.burstLimit) {
      const notification = muted ? null : this.failureNotice(job, now);
      return { notification, unseenFailures: this.unseen };
    }

    this.fold(job, now);
    // A muted failure still extends the burst, but no summary is sent for it.
    if (muted) this.burst!.pending = 0;
    return { notification: null, unseenFailures: this.unseen };
  }

  /** Returns when `flush` has a summary to send (ms), or null when none is pending. */
  nextFlushAt(): number | null {
    if (!this.burst || this.burst.pending === 0) return null;
    return Math.min(
      this.burst.lastFailureAt + this.quietMs,
      this.burst.firstPendingAt + this.burstWindowMs,
    );
  }

  /** Returns the summary that is due at `now`, if any, and marks it sent. */
  flush(now: number): AppNotification | null {
    const due = this.nextFlushAt();
    if (due === null || now < due || !this.burst) return null;
    const burst = this.burst;
    const count = burst.summarised ? burst.pending : burst.pending + burst.shownBefore;
    const summary = this.summaryNotice(count, burst.summarised, burst.latest, now);
    burst.pending = 0;
    burst.summarised = true;
    return summary;
  }

  /** Marks every failure as seen and returns the new unseen count (0). */
  acknowledge(): number {
    this.unseen = 0;
    return this.unseen;
  }

  private fold(job: BackgroundJobRow, now: number): void {
    if (!this.burst) {
      this.burst = {
        pending: 0,
        shownBefore: this.recent.length - 1,
        summarised: false,
        firstPendingAt: now,
        lastFailureAt: now,
        latest: null,
      };
    }
    if (this.burst.pending === 0) this.burst.firstPendingAt = now;
    this.burst.pending += 1;
    this.burst.lastFailureAt = now;
    this.burst.latest = job;
  }

  private failureNotice(job: BackgroundJobRow, now: number): AppNotification {
    return {
      id: this.createId(),
      kind: 'job_failed',
      title: `Job failed: ${jobSource(job)}`,
      body: shorten(job.error ?? 'The job failed without an error message.'),
      target: { kind: 'job', jobId: job.id },
      createdAt: new Date(now).toISOString(),
    };
  }

  private summaryNotice(
    count: number,
    more: boolean,
    latest: BackgroundJobRow | null,
    now: number,
  ): AppNotification {
    const noun = count === 1 ? 'job' : 'jobs';
    const latestLine = latest ? `Latest: ${jobSource(latest)}. ` : '';
    return {
      id: this.createId(),
      kind: 'failures_summary',
      title: `${count} ${more ? 'more ' : ''}${noun} failed`,
      body: `${latestLine}Open the failed queue to see them all.`,
      target: { kind: 'queue', status: 'failed' },
      createdAt: new Date(now).toISOString(),
    };
  }
}

/** Returns the file or URL a job works on, for notices; the id when it has neither. */
export function jobSource(job: BackgroundJobRow): string {
  if (job.filename) return job.filename;
  for (const key of ['source_url', 'url', 'file_path']) {
    const value = job.metadata[key];
    if (typeof value === 'string' && value) return value;
  }
  return job.id;
}

function shorten(text: string): string {
  return text.length <= MAX_ERROR_LENGTH ? text : `${text.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}
