import { z } from 'zod';
import { defineCall } from '../call-spec.ts';

/** The console's settings as the settings view shows them. */
export interface Settings {
  /** The core's data folder; shown, never changed from the UI. */
  dataDir: string;
  /** Jobs run at once. */
  concurrency: number;
  /** Heartbeat interval of running jobs, in ms. */
  heartbeatMs: number;
  /** Heartbeat age in ms after which the running engine treats a processing job as stalled. */
  stallAfterMs: number;
  notifications: {
    /** OS notifications for failed jobs. */
    enabled: boolean;
    /** Suppresses OS notifications; failures are still counted for the badge. */
    doNotDisturb: boolean;
  };
  /** True when a saved engine setting differs from the running engine's. */
  restartRequired: boolean;
}

export const settingsSetInput = z.strictObject({
  concurrency: z.number().int().min(1).max(16).optional(),
  heartbeatMs: z
    .number()
    .int()
    .min(1_000)
    .max(10 * 60_000)
    .optional(),
  notifications: z
    .strictObject({ enabled: z.boolean().optional(), doNotDisturb: z.boolean().optional() })
    .optional(),
});

export const settingsCalls = {
  'settings:get': defineCall<Settings>()(z.strictObject({})),
  /** Saves the given fields; returns the settings after the change. */
  'settings:set': defineCall<Settings>()(settingsSetInput),
};
