import type { StateCreator } from 'zustand';
import type { DocumentTilesOutput } from '../../../contract/calls/files-calls.ts';
import type { JobDetail } from '../../../contract/calls/jobs-calls.ts';
import type { MaterialRow } from '../../../contract/rows.ts';
import type { AppState } from './app-store.ts';

/** What the job detail dialog shows, fetched when it opens and when the job changes. */
export interface JobDetailData {
  detail: JobDetail;
  materials: MaterialRow[];
  tiles: DocumentTilesOutput | null;
}

/** The job open in the detail dialog, and its fetched detail. */
export interface DetailSlice {
  detailJobId: string | null;
  detailData: JobDetailData | null;
  detailError: string | null;
  openDetail(id: string): void;
  closeDetail(): void;
  /** Stores fetched detail, unless the dialog moved on to another job meanwhile. */
  setDetailData(id: string, data: JobDetailData): void;
  setDetailError(id: string, message: string): void;
}

export const createDetailSlice: StateCreator<AppState, [], [], DetailSlice> = (set) => ({
  detailJobId: null,
  detailData: null,
  detailError: null,

  openDetail(id) {
    set((state) =>
      state.detailJobId === id
        ? {}
        : { detailJobId: id, detailData: null, detailError: null, activeJobId: id },
    );
  },

  closeDetail() {
    set({ detailJobId: null, detailData: null, detailError: null });
  },

  setDetailData(id, data) {
    set((state) => (state.detailJobId === id ? { detailData: data, detailError: null } : {}));
  },

  setDetailError(id, message) {
    set((state) => (state.detailJobId === id ? { detailError: message } : {}));
  },
});
