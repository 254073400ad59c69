import { describe, expect, it } from 'vitest';
import type { JobCounts } from '../../../contract/calls/jobs-calls.ts';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import { QueueProgress, trayLines } from '../../../main/shell/queue-status.ts';

function row(id: string, status: BackgroundJobRow['status'], progress: number) {
  return { id, status, progress } as BackgroundJobRow;
}

function counts(byStatus: Partial<JobCounts['byStatus']>): JobCounts {
  const full = { pending: 0, processing: 0, completed: 0, failed: 0, cancelled: 0, ...byStatus };
  const total = Object.values(full).reduce((sum, count) => sum + count, 0);
  return {
    total,
    byStatus: full,
    byType: { pdf_processing: total, web_scraping: 0, xml_import: 0 },
  };
}

describe('unit', () => {
  it('idle queue removes the progress bar', () => {
    expect(new QueueProgress().value()).toBe(-1);
  });

  it('progress is the mean of running jobs', () => {
    const progress = new QueueProgress();
    progress.update(row('a', 'processing', 20));
    progress.update(row('b', 'processing', 60));
    expect(progress.value()).toBeCloseTo(0.4);
  });

  it('finished jobs leave the mean', () => {
    const progress = new QueueProgress();
    progress.update(row('a', 'processing', 20));
    expect(progress.update(row('a', 'completed', 100))).toBe(true);
    expect(progress.value()).toBe(-1);
  });

  it('unchanged value reports no change', () => {
    const progress = new QueueProgress();
    progress.update(row('a', 'processing', 50));
    expect(progress.update(row('a', 'processing', 50))).toBe(false);
  });

  it('tray shows running and failed counts', () => {
    const { tooltip, lines } = trayLines(counts({ processing: 2, pending: 5, failed: 1 }));
    expect(tooltip).toBe('KAI Console: 2 running, 5 waiting, 1 failed');
    expect(lines).toEqual(['2 running', '5 waiting', '1 failed', '0 completed']);
  });

  it('tray shows an idle queue', () => {
    expect(trayLines(counts({ completed: 3 })).tooltip).toBe('KAI Console: queue idle');
  });
});
