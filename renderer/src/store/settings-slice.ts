import type { StateCreator } from 'zustand';
import type { Settings } from '../../../contract/calls/settings-calls.ts';
import type { AppState } from './app-store.ts';

/**
 * Heartbeat intervals without a heartbeat after which the engine stalls a job by default.
 * The settings view uses it to explain a heartbeat interval that is not saved yet.
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
    // The running engine's threshold, so the badge and the engine agree on what stalled is.
    set({ settings, stallAfterMs: settings.stallAfterMs });
  },

  tick(now) {
    set({ now });
  },
});
