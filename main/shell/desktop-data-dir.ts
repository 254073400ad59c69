/**
 * The desktop app's data folder, by the same rule as the CLI's `resolveDataDir` (a unit
 * test keeps them equal) so app and CLI share one folder. It lives here because importing
 * the CLI module would pull the whole core into the Electron main process's bundle.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Returns `KAI_DATA_DIR`, else `$XDG_DATA_HOME/kai-console` (default `~/.local/share`). */
export function desktopDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KAI_DATA_DIR) return resolve(env.KAI_DATA_DIR);
  const base = env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'kai-console');
}
