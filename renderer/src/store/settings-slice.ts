import type { StateCreator } from 'zustand';
import type { Settings } from '../../../contract/calls/settings-calls.ts';
import type { AppState } from './app-store.ts';

/** The engine's default heartbeat, used for the stall badge until settings arrive. */
export const DEFAULT_HEARTBEAT_MS = 30_000;

/**
 * A processing job counts as stalled after this many heartbeat intervals without one, as
 * the engine's default `stallAfterMs` is.
 * NOTE: `settings:get` reports no stall threshold, so a core started with a custom
 * `KAI_STALL_AFTER_MS` stalls jobs at a different age than the badge shows.
 */
export const STALL_HEARTBEATS = 3;

/** The core's settings, and the clock the stall badges compare heartbeats against. */
export interface SettingsSlice {
  settings: Settings | null;
  stallAfterMs: number;
  /** Current time in ms, advanced every few seconds so stall badges age without events. */
  now: number;
  setSettings(settings: Settings): void;
  tick(now: number): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  stallAfterMs: DEFAULT_HEARTBEAT_MS * STALL_HEARTBEATS,
  now: Date.now(),

  setSettings(settings) {
    set({ settings, stallAfterMs: settings.heartbeatMs * STALL_HEARTBEATS });
  },

  tick(now) {
    set({ now });
  },
});
