/**
 * The console's saved settings in `<data dir>/settings.json`. The engine reads concurrency
 * and heartbeat when the core opens, so changing them takes effect at the next start.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log.ts';

export const savedSettingsSchema = z.object({
  concurrency: z.number().int().min(1).max(16).optional(),
  heartbeatMs: z
    .number()
    .int()
    .min(1_000)
    .max(10 * 60_000)
    .optional(),
  notifications: z
    .object({ enabled: z.boolean().default(true), doNotDisturb: z.boolean().default(false) })
    .default({ enabled: true, doNotDisturb: false }),
});

/** Settings as stored; engine fields are absent until the user changes them. */
export type SavedSettings = z.output<typeof savedSettingsSchema>;

export interface SettingsPatch {
  concurrency?: number;
  heartbeatMs?: number;
  notifications?: { enabled?: boolean; doNotDisturb?: boolean };
}

const FILE_NAME = 'settings.json';

/** Reads the settings; a missing file gives the defaults, an unreadable one too (logged). */
export async function loadSettings(dataDir: string, logger?: Logger): Promise<SavedSettings> {
  const path = join(dataDir, FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return savedSettingsSchema.parse({});
  }
  try {
    return savedSettingsSchema.parse(JSON.parse(text));
  } catch (error) {
    logger?.warn({ err: error, path }, 'Settings file is invalid; using the defaults.');
    return savedSettingsSchema.parse({});
  }
}

/** Applies `patch` to the saved settings and writes them atomically (temp file, rename). */
export async function saveSettings(
  dataDir: string,
  patch: SettingsPatch,
  logger?: Logger,
): Promise<SavedSettings> {
  const current = await loadSettings(dataDir, logger);
  const next = savedSettingsSchema.parse({
    ...current,
    ...definedFields({ concurrency: patch.concurrency, heartbeatMs: patch.heartbeatMs }),
    notifications: { ...current.notifications, ...definedFields(patch.notifications ?? {}) },
  });
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, FILE_NAME);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`);
  await rename(temporary, path);
  return next;
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}
