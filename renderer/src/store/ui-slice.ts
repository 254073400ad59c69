import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

/** The views of the console, one per navigation entry. */
export const VIEWS = ['queue', 'scraper', 'import', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** `system` follows prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Whether the core is reachable: `closed` while the transport reconnects, `forbidden` for a bad token. */
export type Connection = 'connecting' | 'open' | 'closed' | 'forbidden';

/** The current view, theme and connection state. */
export interface UiSlice {
  view: View;
  theme: ThemeChoice;
  connection: Connection;
  setView(view: View): void;
  setTheme(theme: ThemeChoice): void;
  setConnection(connection: Connection): void;
}

export function isView(value: string): value is View {
  return (VIEWS as readonly string[]).includes(value);
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'queue',
  theme: 'system',
  connection: 'connecting',

  setView(view) {
    set({ view });
  },

  setTheme(theme) {
    set({ theme });
  },

  setConnection(connection) {
    set({ connection });
  },
});
