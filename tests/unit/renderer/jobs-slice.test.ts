import { describe, expect, it } from 'vitest';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import { createAppStore } from '../../../renderer/src/store/app-store.ts';
import { EMPTY_FILTER } from '../../../renderer/src/lib/job-filter.ts';
import {
  createVisibleIdsSelector,
  selectSelectedJobs,
  selectStatusCounts,
} from '../../../renderer/src/store/queue-selectors.ts';

function job(
  id: string,
  minute: number,
  overrides: Partial<BackgroundJobRow> = {},
): BackgroundJobRow {
  const created = new Date(Date.UTC(2025, 2, 10, 12, minute)).toISOString();
  return {
    id,
    job_type: 'pdf_processing',
    status: 'pending',
    progress: 0,
    current_stage: null,
    last_heartbeat: null,
    document_id: null,
    filename: `${id}.pdf`,
    metadata: {},
    created_at: created,
    started_at: null,
    completed_at: null,
    failed_at: null,
    updated_at: created,
    error: null,
    retry_count: 0,
    next_attempt_at: null,
    ...overrides,
  };
}

describe('jobs slice', () => {
  it('orders jobs newest first', () => {
    const store = createAppStore();
    store.getState().replaceJobs([job('a', 1), job('c', 3), job('b', 2)]);
    expect(store.getState().jobOrder).toEqual(['c', 'b', 'a']);
    expect(store.getState().jobsStatus).toBe('ready');
  });

  it('merges new jobs into the order', () => {
    const store = createAppStore();
    store.getState().replaceJobs([job('a', 1), job('c', 3)]);
    store.getState().upsertJobs([job('d', 4), job('b', 2)]);
    expect(store.getState().jobOrder).toEqual(['d', 'c', 'b', 'a']);
  });

  it('ignores a copy older than the one held', () => {
    const store = createAppStore();
    const newer = job('a', 1, { status: 'completed', updated_at: '2025-03-10T13:00:00.000Z' });
    store.getState().upsertJobs([newer]);
    store.getState().upsertJobs([job('a', 1, { status: 'processing' })]);
    expect(store.getState().jobs.get('a')?.status).toBe('completed');
  });

  it('keeps the map when nothing changed', () => {
    const store = createAppStore();
    const row = job('a', 1, { updated_at: '2025-03-10T13:00:00.000Z' });
    store.getState().upsertJobs([row]);
    const before = store.getState().jobs;
    store.getState().upsertJobs([job('a', 1)]);
    expect(store.getState().jobs).toBe(before);
  });

  it('removes deleted jobs from the selection', () => {
    const store = createAppStore();
    store.getState().replaceJobs([job('a', 1), job('b', 2)]);
    store.getState().setSelection(['a', 'b']);
    store.getState().setActiveJob('a');
    store.getState().removeJobs(['a']);
    expect(store.getState().jobOrder).toEqual(['b']);
    expect([...store.getState().selectedIds]).toEqual(['b']);
    expect(store.getState().activeJobId).toBeNull();
  });
});

describe('queue selectors', () => {
  it('keeps the visible ids array across progress updates', () => {
    const store = createAppStore();
    const select = createVisibleIdsSelector();
    store.getState().replaceJobs([job('a', 1), job('b', 2)]);
    store.getState().setFilter({ statuses: ['pending'] });
    const first = select(store.getState());
    expect(first).toEqual(['b', 'a']);

    store
      .getState()
      .upsertJobs([job('a', 1, { progress: 40, updated_at: '2025-03-10T14:00:00Z' })]);
    expect(select(store.getState())).toBe(first);

    store
      .getState()
      .upsertJobs([job('a', 1, { status: 'failed', updated_at: '2025-03-10T15:00:00Z' })]);
    expect(select(store.getState())).toEqual(['b']);
  });

  it('counts jobs per status over every job', () => {
    const store = createAppStore();
    store
      .getState()
      .replaceJobs([
        job('a', 1, { status: 'failed' }),
        job('b', 2, { status: 'failed' }),
        job('c', 3, { status: 'completed' }),
      ]);
    store.getState().setFilter({ ...EMPTY_FILTER, statuses: ['completed'] });
    expect(selectStatusCounts(store.getState())).toEqual({ failed: 2, completed: 1 });
  });

  it('lists selected jobs in queue order', () => {
    const store = createAppStore();
    store.getState().replaceJobs([job('a', 1), job('b', 2), job('c', 3)]);
    store.getState().setSelection(['a', 'c', 'gone']);
    expect(selectSelectedJobs(store.getState()).map((row) => row.id)).toEqual(['c', 'a']);
  });
});

describe('queue selection', () => {
  it('selects a range from the anchor', () => {
    const store = createAppStore();
    const visible = ['e', 'd', 'c', 'b', 'a'];
    store.getState().toggleSelected('d');
    store.getState().selectRange(visible, 'b');
    expect([...store.getState().selectedIds].sort()).toEqual(['b', 'c', 'd']);
  });

  it('selects a range backwards', () => {
    const store = createAppStore();
    const visible = ['e', 'd', 'c', 'b', 'a'];
    store.getState().setSelectionAnchor('b');
    store.getState().selectRange(visible, 'e');
    expect([...store.getState().selectedIds].sort()).toEqual(['b', 'c', 'd', 'e']);
  });

  it('toggles one job', () => {
    const store = createAppStore();
    store.getState().toggleSelected('a');
    store.getState().toggleSelected('a');
    expect(store.getState().selectedIds.size).toBe(0);
  });
});
