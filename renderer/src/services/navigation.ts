import type { NotificationTarget } from '../../../contract/notifications.ts';
import type { AppStore } from '../store/app-store.ts';

/** Shows what a notification points at: a job's detail, or the failed jobs in the queue. */
export function showTarget(store: AppStore, target: NotificationTarget): void {
  const state = store.getState();
  if (target.kind === 'job') {
    state.openDetail(target.jobId);
    return;
  }
  state.setView('queue');
  state.resetFilter();
  state.setFilter({ statuses: [target.status] });
}
