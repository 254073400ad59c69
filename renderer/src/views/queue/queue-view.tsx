import { useCallback } from 'react';
import { useApi } from '../../hooks/api-context.tsx';
import type { BulkAction } from '../../lib/bulk-actions.ts';
import { applyJobAction } from '../../services/job-actions.ts';
import { useAppStore } from '../../store/app-store.ts';
import { BulkBar } from './bulk-bar.tsx';
import { QueueChart } from './queue-chart.tsx';
import { QueueFilters } from './queue-filters.tsx';
import { QueueList } from './queue-list.tsx';

/**
 * Renders every job of every type in one live list. A single retry or cancel runs at
 * once. A delete, and any action on several jobs, opens a confirmation first, which the
 * app shell renders.
 */
export function QueueView() {
  const api = useApi();
  const requestAction = useAppStore((state) => state.requestAction);

  const onAction = useCallback(
    (action: BulkAction, ids: readonly string[]) => {
      if (ids.length === 1 && action !== 'delete') {
        void applyJobAction(api, useAppStore, action, ids);
        return;
      }
      requestAction({ action, ids });
    },
    [api, requestAction],
  );

  return (
    <div className="view queue-view">
      <div className="view-header">
        <h1>Queue</h1>
        <span className="spacer" />
      </div>
      <div className="queue-top">
        <QueueFilters />
        <QueueChart />
      </div>
      <BulkBar onAction={onAction} />
      <QueueList onAction={onAction} />
    </div>
  );
}
