import { canApply, type BulkAction } from '../../lib/bulk-actions.ts';
import { pluralize } from '../../lib/format.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectSelectedJobs, selectVisibleIds } from '../../store/queue-selectors.ts';

/** Props of {@link BulkBar}. */
export interface BulkBarProps {
  onAction: (action: BulkAction, ids: readonly string[]) => void;
}

/**
 * Renders the selection controls over the list: select all shown, clear, and the bulk actions, each
 * enabled when at least one selected job is eligible.
 */
export function BulkBar({ onAction }: BulkBarProps) {
  const selected = useAppStore(selectSelectedJobs);
  const visibleCount = useAppStore((state) => selectVisibleIds(state).length);
  const setSelection = useAppStore((state) => state.setSelection);
  const clearSelection = useAppStore((state) => state.clearSelection);
  const ids = selected.map((job) => job.id);
  const eligible = (action: BulkAction) => selected.some((job) => canApply(action, job.status));

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected jobs">
      <span className="bulk-count" aria-live="polite">
        {selected.length > 0 ? `${pluralize(selected.length, 'job')} selected` : 'No jobs selected'}
      </span>
      <button
        type="button"
        onClick={() => setSelection(selectVisibleIds(useAppStore.getState()))}
        disabled={visibleCount === 0}
      >
        Select all shown ({visibleCount.toLocaleString('en')})
      </button>
      <button type="button" onClick={clearSelection} disabled={selected.length === 0}>
        Clear selection
      </button>
      <span className="spacer" />
      <button type="button" onClick={() => onAction('retry', ids)} disabled={!eligible('retry')}>
        Retry selected
      </button>
      <button type="button" onClick={() => onAction('cancel', ids)} disabled={!eligible('cancel')}>
        Cancel selected
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => onAction('delete', ids)}
        disabled={!eligible('delete')}
      >
        Delete selected
      </button>
    </div>
  );
}
