import { create } from 'zustand';
import { createDetailSlice, type DetailSlice } from './detail-slice.ts';
import { createImportSlice, type ImportSlice } from './import-slice.ts';
import { createJobsSlice, type JobsSlice } from './jobs-slice.ts';
import { createNoticesSlice, type NoticesSlice } from './notices-slice.ts';
import { createQueueSlice, type QueueSlice } from './queue-slice.ts';
import { createScraperSlice, type ScraperSlice } from './scraper-slice.ts';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';

/**
 * The renderer's whole state. It projects the core's rows, fed by calls and events through
 * `core-sync.ts`; the core stays the owner of every job, session and import.
 */
export type AppState = JobsSlice &
  QueueSlice &
  DetailSlice &
  NoticesSlice &
  SettingsSlice &
  UiSlice &
  ScraperSlice &
  ImportSlice;

/** Creates a store; the app uses one, tests make their own. */
export function createAppStore() {
  return create<AppState>()((...args) => ({
    ...createJobsSlice(...args),
    ...createQueueSlice(...args),
    ...createDetailSlice(...args),
    ...createNoticesSlice(...args),
    ...createSettingsSlice(...args),
    ...createUiSlice(...args),
    ...createScraperSlice(...args),
    ...createImportSlice(...args),
  }));
}

/** The store hook type, for code that receives a store. */
export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store. */
export const useAppStore: AppStore = createAppStore();
