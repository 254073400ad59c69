import { useShallow } from 'zustand/react/shallow';
import { JOB_STATUSES, JOB_TYPES } from '../../../../contract/vocabulary.ts';
import { pluralize } from '../../lib/format.ts';
import { isFilterActive } from '../../lib/job-filter.ts';
import { jobTypeLabel } from '../../lib/job-labels.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectStatusCounts } from '../../store/queue-selectors.ts';

function toggle(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
}

/**
 * Renders the queue's filters: status toggles that also show the count per status, type toggles,
 * a creation date range and a text search over filename, URL, source and error.
 */
export function QueueFilters() {
  const filter = useAppStore((state) => state.filter);
  const setFilter = useAppStore((state) => state.setFilter);
  const resetFilter = useAppStore((state) => state.resetFilter);
  const counts = useAppStore(useShallow(selectStatusCounts));
  const total = useAppStore((state) => state.jobs.size);

  return (
    <div className="queue-filters" role="search" aria-label="Filter jobs">
      <fieldset className="toggle-group">
        <legend>Status ({pluralize(total, 'job')})</legend>
        {JOB_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`toggle ${status}`}
            aria-pressed={filter.statuses.includes(status)}
            onClick={() => setFilter({ statuses: toggle(filter.statuses, status) })}
          >
            {status} <span className="count">{(counts[status] ?? 0).toLocaleString('en')}</span>
          </button>
        ))}
      </fieldset>
      <fieldset className="toggle-group">
        <legend>Type</legend>
        {JOB_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="toggle"
            aria-pressed={filter.types.includes(type)}
            onClick={() => setFilter({ types: toggle(filter.types, type) })}
          >
            {jobTypeLabel(type)}
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>Created from</span>
        <input
          type="date"
          value={filter.createdFrom}
          max={filter.createdTo || undefined}
          onChange={(event) => setFilter({ createdFrom: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Created to</span>
        <input
          type="date"
          value={filter.createdTo}
          min={filter.createdFrom || undefined}
          onChange={(event) => setFilter({ createdTo: event.target.value })}
        />
      </label>
      <label className="field search-field">
        <span>Search</span>
        <input
          type="search"
          placeholder="Filename, URL, source or error"
          value={filter.search}
          onChange={(event) => setFilter({ search: event.target.value })}
        />
      </label>
      <button type="button" onClick={resetFilter} disabled={!isFilterActive(filter)}>
        Clear filters
      </button>
    </div>
  );
}
