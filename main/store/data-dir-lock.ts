import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** The exclusive hold one process has on a data folder. */
export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  readonly code = 'data_dir_locked';

  constructor(dataDir: string, pid: number) {
    super(
      `Data folder ${dataDir} is in use by process ${pid}. ` +
        'Close the other KAI Console window or command, or pass another --data-dir.',
    );
  }
}

/**
 * Takes `<dataDir>/kai.lock`. PGlite has no locking of its own, and two processes writing
 * one data folder corrupt it, so a second opener is rejected while the holder is alive. A
 * lock left by a process that no longer exists (after kill -9) is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, 'kai.lock');

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && isProcessAlive(holder)) {
      throw new DataDirLockedError(dataDir, holder);
    }
    await unlink(path).catch(() => undefined);
  }

  throw new Error(`Could not take the lock ${path}; remove it if no KAI process is running.`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
