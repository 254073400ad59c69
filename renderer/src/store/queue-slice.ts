import type { StateCreator } from 'zustand';
import type { BulkAction } from '../lib/bulk-actions.ts';
import { EMPTY_FILTER, type JobFilter } from '../lib/job-filter.ts';
import type { AppState } from './app-store.ts';

/** An action on jobs that waits for the user's confirmation. */
export interface ActionRequest {
  action: BulkAction;
  ids: readonly string[];
}

/** The queue's filter, multi-selection, keyboard cursor and pending confirmation. */
export interface QueueSlice {
  filter: JobFilter;
  /** Jobs ticked for a bulk action. */
  selectedIds: ReadonlySet<string>;
  /** The row the keyboard cursor is on; Enter opens it. */
  activeJobId: string | null;
  /** The row a Shift-click range starts from. */
  selectionAnchorId: string | null;
  setFilter(patch: Partial<JobFilter>): void;
  resetFilter(): void;
  toggleSelected(id: string): void;
  /** Selects the rows of `visibleIds` between the anchor and `id`, inclusive. */
  selectRange(visibleIds: readonly string[], id: string): void;
  setSelection(ids: Iterable<string>): void;
  /** Moves the start of the next Shift range, as a plain cursor move does. */
  setSelectionAnchor(id: string | null): void;
  clearSelection(): void;
  setActiveJob(id: string | null): void;
  /** The action whose confirmation dialog is open, if any. */
  actionRequest: ActionRequest | null;
  requestAction(request: ActionRequest | null): void;
}

export const createQueueSlice: StateCreator<AppState, [], [], QueueSlice> = (set) => ({
  filter: EMPTY_FILTER,
  selectedIds: new Set(),
  activeJobId: null,
  selectionAnchorId: null,
  actionRequest: null,

  setFilter(patch) {
    set((state) => ({ filter: { ...state.filter, ...patch } }));
  },

  resetFilter() {
    set({ filter: EMPTY_FILTER });
  },

  toggleSelected(id) {
    set((state) => {
      const selectedIds = new Set(state.selectedIds);
      if (selectedIds.has(id)) selectedIds.delete(id);
      else selectedIds.add(id);
      return { selectedIds, selectionAnchorId: id };
    });
  },

  selectRange(visibleIds, id) {
    set((state) => {
      const anchor = state.selectionAnchorId ?? state.activeJobId ?? id;
      const from = visibleIds.indexOf(anchor);
      const to = visibleIds.indexOf(id);
      if (from < 0 || to < 0) return { selectedIds: new Set([id]), selectionAnchorId: id };
      const [start, end] = from <= to ? [from, to] : [to, from];
      const selectedIds = new Set(state.selectedIds);
      for (const rangeId of visibleIds.slice(start, end + 1)) selectedIds.add(rangeId);
      return { selectedIds };
    });
  },

  setSelection(ids) {
    set({ selectedIds: new Set(ids) });
  },

  setSelectionAnchor(id) {
    set({ selectionAnchorId: id });
  },

  clearSelection() {
    set({ selectedIds: new Set(), selectionAnchorId: null });
  },

  setActiveJob(id) {
    set({ activeJobId: id });
  },

  requestAction(request) {
    set({ actionRequest: request });
  },
});
