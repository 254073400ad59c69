import type { BackgroundJobRow } from '../store/jobs-repository.ts';
import type { CliIo } from './cli-context.ts';

const BAR_WIDTH = 24;

/** Names a job for people: its file, else its URL, else its id. */
export function jobLabel(job: BackgroundJobRow): string {
  return job.filename ?? (job.metadata.source_url as string | undefined) ?? job.id;
}

/** Formats one job as `name [#####-----]  42% text_extracted`. */
export function formatJobLine(job: BackgroundJobRow, labelWidth: number): string {
  const label = jobLabel(job).slice(0, labelWidth).padEnd(labelWidth);
  const filled = Math.round((job.progress / 100) * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  const percent = `${job.progress}%`.padStart(4);
  const state = job.status === 'processing' ? (job.current_stage ?? 'starting') : job.status;
  const pages = job.metadata.pages as
    { completed: number; failed: number; total: number } | undefined;
  const counts = pages
    ? ` (${pages.completed} done, ${pages.failed} failed, ${pages.total} pages)`
    : '';
  return `${label} [${bar}] ${percent} ${state}${counts}`;
}

/**
 * Draws one progress bar per job on stderr. On a terminal the bars are redrawn in place. On
 * a pipe a line is written when a job's stage or status changes or its progress passes a
 * multiple of 10 %, so logs stay short.
 */
export class ProgressBars {
  private readonly jobs = new Map<string, BackgroundJobRow>();
  private readonly lastPrinted = new Map<string, string>();
  private drawnLines = 0;

  constructor(private readonly io: CliIo) {}

  update(job: BackgroundJobRow): void {
    this.jobs.set(job.id, job);
    if (this.io.stderr.isTTY) this.redraw();
    else this.printChange(job);
  }

  finish(): void {
    if (this.io.stderr.isTTY) this.redraw();
    this.drawnLines = 0;
  }

  private labelWidth(): number {
    const longest = Math.max(
      8,
      ...[...this.jobs.values()].map((job) => (job.filename ?? job.id).length),
    );
    return Math.min(40, longest);
  }

  private redraw(): void {
    const width = this.labelWidth();
    const lines = [...this.jobs.values()].map((job) => formatJobLine(job, width));
    const up = this.drawnLines > 0 ? `\u001b[${this.drawnLines}A` : '';
    this.io.stderr.write(up + lines.map((line) => `\u001b[2K${line}\n`).join(''));
    this.drawnLines = lines.length;
  }

  private printChange(job: BackgroundJobRow): void {
    const key = `${job.status}:${job.current_stage ?? ''}:${Math.floor(job.progress / 10)}`;
    if (this.lastPrinted.get(job.id) === key) return;
    this.lastPrinted.set(job.id, key);
    this.io.stderr.write(`${formatJobLine(job, this.labelWidth())}\n`);
  }
}
