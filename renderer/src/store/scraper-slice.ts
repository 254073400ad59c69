import type { StateCreator } from 'zustand';
import type { ScrapeDetail } from '../../../contract/calls/scrapes-calls.ts';
import type { MaterialRow, ScrapingSessionRow } from '../../../contract/rows.ts';
import type { AppState } from './app-store.ts';

/** Scrape sessions, newest first, and the open session's pages and materials. */
export interface ScraperSlice {
  sessions: readonly ScrapingSessionRow[];
  openSessionId: string | null;
  sessionDetail: ScrapeDetail | null;
  sessionMaterials: readonly MaterialRow[];
  replaceSessions(rows: readonly ScrapingSessionRow[]): void;
  /** Applies a changed session; an older copy than the one held is ignored. */
  upsertSession(row: ScrapingSessionRow): void;
  openSession(id: string | null): void;
  setSessionDetail(id: string, detail: ScrapeDetail, materials: readonly MaterialRow[]): void;
}

function newestFirst(a: ScrapingSessionRow, b: ScrapingSessionRow): number {
  return a.created_at === b.created_at
    ? a.id.localeCompare(b.id)
    : a.created_at > b.created_at
      ? -1
      : 1;
}

export const createScraperSlice: StateCreator<AppState, [], [], ScraperSlice> = (set) => ({
  sessions: [],
  openSessionId: null,
  sessionDetail: null,
  sessionMaterials: [],

  replaceSessions(rows) {
    set({ sessions: [...rows].sort(newestFirst) });
  },

  upsertSession(row) {
    set((state) => {
      const index = state.sessions.findIndex((session) => session.id === row.id);
      if (index < 0) return { sessions: [...state.sessions, row].sort(newestFirst) };
      if (state.sessions[index]!.updated_at > row.updated_at) return {};
      const sessions = [...state.sessions];
      sessions[index] = row;
      return { sessions };
    });
  },

  openSession(id) {
    set((state) =>
      state.openSessionId === id
        ? {}
        : { openSessionId: id, sessionDetail: null, sessionMaterials: [] },
    );
  },

  setSessionDetail(id, detail, materials) {
    set((state) =>
      state.openSessionId === id ? { sessionDetail: detail, sessionMaterials: materials } : {},
    );
  },
});
