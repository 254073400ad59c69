import type { StateCreator } from 'zustand';
import type { Settings } from '../../../contract/calls/settings-calls.ts';
import type { AppState } from './app-store.ts';

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
  /** Heartbeat age in ms past which a processing job shows as stalled; null until settings load. */
  stallAfterMs: number | null;
  /** Current time in ms, advanced every few seconds so stall badges age without events. */
  now: number;
  setSettings(settings: Settings): void;
  tick(now: number): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  // No badge before the settings arrive, rather than one computed from a guessed threshold.
  stallAfterMs: null,
  now: Date.now(),

  setSettings(settings) {
    set({ settings, stallAfterMs: settings.heartbeatMs * STALL_HEARTBEATS });
  },

  tick(now) {
    set({ now });
  },
});
