import { describe, expect, it } from 'vitest';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import {
  jobSource,
  NotificationPolicy,
  type NotificationPreferences,
} from '../../../main/notifications/notification-policy.ts';

const on: NotificationPreferences = { enabled: true, doNotDisturb: false };
const doNotDisturb: NotificationPreferences = { enabled: true, doNotDisturb: true };
const off: NotificationPreferences = { enabled: false, doNotDisturb: false };

function failedJob(index: number, overrides: Partial<BackgroundJobRow> = {}): BackgroundJobRow {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    job_type: 'pdf_processing',
    status: 'failed',
    progress: 10,
    current_stage: 'pdf_loaded',
    last_heartbeat: null,
    document_id: null,
    filename: `catalog-${index}.pdf`,
    metadata: {},
    created_at: '2025-01-01T00:00:00.000Z',
    started_at: null,
    completed_at: null,
    failed_at: null,
    updated_at: '2025-01-01T00:00:00.000Z',
    error: `catalog-${index}.pdf: This PDF is encrypted and needs a password to open.`,
    retry_count: 0,
    next_attempt_at: null,
    ...overrides,
  };
}

/** Records `count` failures `stepMs` apart from `start` and returns the individual notices. */
function recordMany(policy: NotificationPolicy, count: number, start: number, stepMs: number) {
  const notices = [];
  for (let index = 0; index < count; index += 1) {
    const decision = policy.recordFailure(failedJob(index), start + index * stepMs, on);
    if (decision.notification) notices.push(decision.notification);
  }
  return notices;
}

describe('unit', () => {
  it('single failure names file and error', () => {
    const policy = new NotificationPolicy();
    const { notification } = policy.recordFailure(failedJob(1), 0, on);
    expect(notification?.title).toBe('Job failed: catalog-1.pdf');
    expect(notification?.body).toContain('needs a password');
    expect(notification?.target).toEqual({ kind: 'job', jobId: failedJob(1).id });
  });

  it('scrape failure names its URL', () => {
    const job = failedJob(2, {
      filename: null,
      job_type: 'web_scraping',
      metadata: { source_url: 'https://tiles.example/catalog' },
    });
    expect(jobSource(job)).toBe('https://tiles.example/catalog');
  });

  it('long errors are shortened', () => {
    const policy = new NotificationPolicy();
    const job = failedJob(3, { error: 'x'.repeat(1_000) });
    const { notification } = policy.recordFailure(job, 0, on);
    expect(notification!.body.length).toBeLessThanOrEqual(300);
  });

  it('burst folds into one summary', () => {
    const policy = new NotificationPolicy();
    const individual = recordMany(policy, 5, 0, 100);
    expect(individual).toHaveLength(3);
    expect(policy.flush(1_000)).toBeNull();
    const summary = policy.flush(policy.nextFlushAt()!);
    expect(summary?.title).toBe('5 jobs failed');
    expect(summary?.target).toEqual({ kind: 'queue', status: 'failed' });
    expect(policy.flush(60_000)).toBeNull();
  });

  it('thirty failures give four notices', () => {
    const policy = new NotificationPolicy();
    const individual = recordMany(policy, 30, 0, 50);
    const summaries = [];
    for (let now = 0; now < 20_000; now += 100) {
      const summary = policy.flush(now);
      if (summary) summaries.push(summary);
    }
    expect(individual).toHaveLength(3);
    expect(summaries.map((notice) => notice.title)).toEqual(['30 jobs failed']);
  });

  it('summary waits for a pause', () => {
    const policy = new NotificationPolicy({ quietMs: 2_000 });
    recordMany(policy, 5, 0, 100);
    expect(policy.nextFlushAt()).toBe(400 + 2_000);
  });

  it('sustained burst sends a summary per window', () => {
    const policy = new NotificationPolicy({ burstWindowMs: 10_000, quietMs: 2_000 });
    recordMany(policy, 4, 0, 1_000);
    // Failures keep arriving every second, so the quiet period never passes.
    const titles: string[] = [];
    for (let index = 4; index < 25; index += 1) {
      policy.recordFailure(failedJob(index), index * 1_000, on);
      const summary = policy.flush(index * 1_000);
      if (summary) titles.push(summary.title);
    }
    expect(titles).toEqual(['14 jobs failed', '11 more jobs failed']);
  });

  it('spaced failures notify each', () => {
    const policy = new NotificationPolicy();
    const individual = recordMany(policy, 6, 0, 4_000);
    expect(individual).toHaveLength(6);
    expect(policy.nextFlushAt()).toBeNull();
  });

  it('burst ends after a quiet window', () => {
    const policy = new NotificationPolicy();
    recordMany(policy, 5, 0, 100);
    policy.flush(policy.nextFlushAt()!);
    const later = policy.recordFailure(failedJob(9), 30_000, on);
    expect(later.notification?.kind).toBe('job_failed');
  });

  it('do-not-disturb still counts unseen', () => {
    const policy = new NotificationPolicy();
    const first = policy.recordFailure(failedJob(1), 0, doNotDisturb);
    const second = policy.recordFailure(failedJob(2), 10, doNotDisturb);
    expect(first.notification).toBeNull();
    expect(second.notification).toBeNull();
    expect(second.unseenFailures).toBe(2);
  });

  it('do-not-disturb sends no summary', () => {
    const policy = new NotificationPolicy();
    for (let index = 0; index < 8; index += 1) {
      policy.recordFailure(failedJob(index), index * 10, doNotDisturb);
    }
    expect(policy.nextFlushAt()).toBeNull();
    expect(policy.unseenFailures).toBe(8);
  });

  it('disabled notifications stay silent', () => {
    const policy = new NotificationPolicy();
    expect(policy.recordFailure(failedJob(1), 0, off).notification).toBeNull();
  });

  it('acknowledge resets unseen count', () => {
    const policy = new NotificationPolicy();
    recordMany(policy, 2, 0, 10);
    expect(policy.unseenFailures).toBe(2);
    expect(policy.acknowledge()).toBe(0);
    expect(policy.unseenFailures).toBe(0);
  });

  it('notice ids are unique', () => {
    const policy = new NotificationPolicy();
    const ids = recordMany(policy, 3, 0, 5_000).map((notice) => notice.id);
    expect(new Set(ids).size).toBe(3);
  });
});
