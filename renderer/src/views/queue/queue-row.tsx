import { memo, type MouseEvent } from 'react';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { canApply } from '../../lib/bulk-actions.ts';
import { formatTimestamp } from '../../lib/format.ts';
import { briefError, jobDisplayName, jobTypeLabel, stageLabel } from '../../lib/job-labels.ts';
import { isStalled } from '../../lib/job-stall.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Props of {@link QueueRow}. */
export interface QueueRowProps {
  id: string;
  index: number;
  /** Offset of the row from the top of the list, in px. */
  top: number;
  height: number;
  onRowClick: (id: string, event: MouseEvent) => void;
  onAction: (action: 'retry' | 'cancel' | 'delete', id: string) => void;
}

/** Returns the DOM id of a job's row, which the grid's aria-activedescendant points at. */
export function rowDomId(id: string): string {
  return `job-row-${id}`;
}

/**
 * Renders one job in the queue. It selects its own job, selection and stall state, so a progress
 * event re-renders this row alone.
 */
export const QueueRow = memo(function QueueRow({
  id,
  index,
  top,
  height,
  onRowClick,
  onAction,
}: QueueRowProps) {
  const job = useAppStore((state) => state.jobs.get(id));
  const selected = useAppStore((state) => state.selectedIds.has(id));
  const active = useAppStore((state) => state.activeJobId === id);
  const stalled = useAppStore((state) => {
    const row = state.jobs.get(id);
    return row ? isStalled(row, state.now, state.stallAfterMs) : false;
  });
  const toggleSelected = useAppStore((state) => state.toggleSelected);
  const openDetail = useAppStore((state) => state.openDetail);
  if (!job) return null;

  const name = jobDisplayName(job);
  const classes = ['queue-row', active ? 'active' : '', selected ? 'selected' : ''].join(' ');

  return (
    <div
      id={rowDomId(id)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(event) => onRowClick(id, event)}
      onDoubleClick={() => openDetail(id)}
      data-job-id={id}
      data-status={job.status}
    >
      <div role="gridcell" className="cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={`Select ${name}`}
          onClick={(event) => event.stopPropagation()}
          onChange={() => toggleSelected(id)}
        />
      </div>
      <div role="gridcell" className="cell-status">
        <StatusBadge status={job.status} />
        {stalled ? <StatusBadge status="stalled" label="stalled" /> : null}
      </div>
      <div role="gridcell" className="cell-type">
        {jobTypeLabel(job.job_type)}
      </div>
      <div role="gridcell" className="cell-name">
        <button
          type="button"
          className="link-button"
          tabIndex={-1}
          title={job.error ?? name}
          onClick={(event) => {
            event.stopPropagation();
            openDetail(id);
          }}
        >
          {name}
        </button>
        {job.status === 'failed' && job.error ? (
          <span className="row-error">{briefError(job.error)}</span>
        ) : null}
      </div>
      <div role="gridcell" className="cell-stage">
        {stageLabel(job.current_stage)}
      </div>
      <div role="gridcell" className="cell-progress">
        <ProgressBar value={job.progress} label={`Progress of ${name}`} tone={job.status} />
        <span className="progress-text">{Math.round(job.progress)}%</span>
      </div>
      <div role="gridcell" className="cell-created">
        {formatTimestamp(job.created_at)}
      </div>
      <div role="gridcell" className="cell-actions">
        {canApply('retry', job.status) ? (
          <RowButton label="Retry" name={name} onClick={() => onAction('retry', id)} />
        ) : null}
        {canApply('cancel', job.status) ? (
          <RowButton label="Cancel" name={name} onClick={() => onAction('cancel', id)} />
        ) : null}
        {canApply('delete', job.status) ? (
          <RowButton label="Delete" name={name} onClick={() => onAction('delete', id)} />
        ) : null}
      </div>
    </div>
  );
});

// Row buttons stay out of the tab order: the grid is one tab stop, and the keyboard
// reaches the same actions through selection and the bulk bar, or the detail dialog.
function RowButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="small"
      tabIndex={-1}
      aria-label={`${label} ${name}`}
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      {label}
    </button>
  );
}
