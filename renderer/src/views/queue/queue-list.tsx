import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { selectVisibleIds } from '../../store/queue-selectors.ts';
import { QueueRow, rowDomId } from './queue-row.tsx';

/** Row height in px; fixed, so the virtualiser never has to measure. */
const ROW_HEIGHT = 46;
const PAGE_ROWS = 10;

/** Props of {@link QueueList}. */
export interface QueueListProps {
  onAction: (action: 'retry' | 'cancel' | 'delete', ids: readonly string[]) => void;
}

/**
 * Renders the job list as an ARIA grid, virtualised so 10,000 jobs render only the rows in view.
 * The grid is one tab stop: arrow keys, Home, End and Page keys move the cursor row,
 * Shift extends the selection, Space toggles it, Ctrl+A selects every shown job, Escape
 * clears, and Enter opens the job's detail.
 */
export function QueueList({ onAction }: QueueListProps) {
  const ids = useAppStore(selectVisibleIds);
  const activeJobId = useAppStore((state) => state.activeJobId);
  const jobsStatus = useAppStore((state) => state.jobsStatus);
  const jobsError = useAppStore((state) => state.jobsError);
  const scrollRef = useRef<HTMLDivElement>(null);
  const idsRef = useRef(ids);
  idsRef.current = ids;

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => ids[index] ?? index,
    // The header row sits above the rows inside the scroll element.
    scrollMargin: ROW_HEIGHT,
  });

  const activeIndex = activeJobId ? ids.indexOf(activeJobId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const onRowClick = useCallback((id: string, event: MouseEvent) => {
    const state = useAppStore.getState();
    if (event.shiftKey) state.selectRange(idsRef.current, id);
    else if (event.ctrlKey || event.metaKey) state.toggleSelected(id);
    state.setActiveJob(id);
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  const onRowAction = useCallback(
    (action: 'retry' | 'cancel' | 'delete', id: string) => onAction(action, [id]),
    [onAction],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const state = useAppStore.getState();
    if (ids.length === 0) return;
    const current = activeIndex >= 0 ? activeIndex : -1;
    const moveTo = (index: number) => {
      const target = ids[Math.max(0, Math.min(ids.length - 1, index))]!;
      if (event.shiftKey) state.selectRange(ids, target);
      else state.setSelectionAnchor(target);
      state.setActiveJob(target);
    };

    switch (event.key) {
      case 'ArrowDown':
        moveTo(current + 1);
        break;
      case 'ArrowUp':
        moveTo(current <= 0 ? 0 : current - 1);
        break;
      case 'PageDown':
        moveTo(current + PAGE_ROWS);
        break;
      case 'PageUp':
        moveTo(current - PAGE_ROWS);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(ids.length - 1);
        break;
      case ' ':
        if (activeJobId) state.toggleSelected(activeJobId);
        break;
      case 'Enter':
        if (activeJobId) state.openDetail(activeJobId);
        break;
      case 'Escape':
        if (state.selectedIds.size === 0) return;
        state.clearSelection();
        break;
      case 'a':
        if (!(event.ctrlKey || event.metaKey)) return;
        state.setSelection(ids);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onFocus = () => {
    if (activeIndex < 0 && ids[0]) useAppStore.getState().setActiveJob(ids[0]);
  };

  return (
    <div className="queue-list">
      <div
        ref={scrollRef}
        className="queue-grid"
        role="grid"
        aria-label="Jobs"
        aria-rowcount={ids.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={activeIndex >= 0 && activeJobId ? rowDomId(activeJobId) : undefined}
        aria-busy={jobsStatus === 'loading'}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div role="rowgroup" className="queue-head">
          <div role="row" aria-rowindex={1} className="queue-row header">
            <div role="columnheader" className="cell-check">
              <span className="visually-hidden">Selected</span>
            </div>
            <div role="columnheader">Status</div>
            <div role="columnheader">Type</div>
            <div role="columnheader">Name</div>
            <div role="columnheader">Stage</div>
            <div role="columnheader">Progress</div>
            <div role="columnheader">Created</div>
            <div role="columnheader">
              <span className="visually-hidden">Actions</span>
            </div>
          </div>
        </div>
        <div role="rowgroup" className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <QueueRow
              key={item.key}
              id={ids[item.index]!}
              index={item.index}
              top={item.start - ROW_HEIGHT}
              height={ROW_HEIGHT}
              onRowClick={onRowClick}
              onAction={onRowAction}
            />
          ))}
        </div>
      </div>
      {ids.length === 0 ? (
        <p className="empty">
          {jobsStatus === 'loading'
            ? 'Loading jobs…'
            : jobsStatus === 'error'
              ? `The jobs could not be loaded: ${jobsError}`
              : 'No jobs match. Drop a PDF or a feed anywhere on the window to add one.'}
        </p>
      ) : null}
    </div>
  );
}
