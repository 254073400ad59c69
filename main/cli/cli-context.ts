import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../core.ts';
import { createLogger } from '../log.ts';

/** Options every command accepts. */
export interface GlobalOptions {
  'data-dir'?: string;
  json?: boolean;
  verbose?: boolean;
}

/** Output streams, so tests and scripts can capture what a command prints. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns `value` when it is a job (or session) id, else raises a usage error naming it. */
export function requireId(value: string | undefined, command: string): string {
  if (!value) throw new UsageError(`kai ${command} needs an ID.`);
  if (!UUID.test(value)) {
    throw new UsageError(
      `"${value}" is not an ID; IDs look like 23a075b9-9c81-4a97-91c6-070604374959 (see kai jobs).`,
    );
  }
  return value;
}

/** Returns the data folder: `--data-dir`, else `KAI_DATA_DIR`, else the user's data folder. */
export function resolveDataDir(option: string | undefined): string {
  if (option) return resolve(option);
  if (process.env.KAI_DATA_DIR) return resolve(process.env.KAI_DATA_DIR);
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'kai-console');
}

/**
 * Opens the core for one command. Logs go to `<data dir>/logs/kai.log` so they do not mix
 * with progress bars; `--verbose` sends them to stderr instead.
 */
export async function openCliCore(
  options: GlobalOptions,
  overrides: Partial<CoreOptions> = {},
): Promise<Core> {
  const dataDir = resolveDataDir(options['data-dir']);
  const logger = createLogger({
    destination: options.verbose ? 2 : join(dataDir, 'logs', 'kai.log'),
  });
  return openCore({ dataDir, logger, ...engineOverridesFromEnv(), ...overrides });
}

/** Engine settings from the environment, for operators and for tests that need short timers. */
function engineOverridesFromEnv(): Partial<CoreOptions> {
  const overrides: Partial<CoreOptions> = {};
  const number = (name: string) => {
    const value = process.env[name];
    return value === undefined || value === '' ? undefined : Number(value);
  };
  const concurrency = number('KAI_CONCURRENCY');
  const heartbeatMs = number('KAI_HEARTBEAT_MS');
  const stallAfterMs = number('KAI_STALL_AFTER_MS');
  const maxAttempts = number('KAI_MAX_ATTEMPTS');
  const retryBaseMs = number('KAI_RETRY_BASE_MS');
  if (concurrency) overrides.concurrency = concurrency;
  if (heartbeatMs) overrides.heartbeatMs = heartbeatMs;
  if (stallAfterMs) overrides.stallAfterMs = stallAfterMs;
  if (maxAttempts) overrides.maxAttempts = maxAttempts;
  if (retryBaseMs !== undefined)
    overrides.backoff = { baseMs: retryBaseMs, maxMs: retryBaseMs * 32 };

  // Fault injection for crash-recovery tests: the process dies the way kill -9 kills it,
  // right after the named stage's checkpoint is committed.
  const killAfter = process.env.KAI_TEST_KILL_AFTER_STAGE;
  if (killAfter) {
    overrides.onCheckpoint = (_job, stage) => {
      if (stage === killAfter) process.kill(process.pid, 'SIGKILL');
    };
  }
  const crawlerOverrides: Record<string, unknown> = {};
  const pageTimeoutMs = number('KAI_CRAWL_PAGE_TIMEOUT_MS');
  const crawlRetryBaseMs = number('KAI_CRAWL_RETRY_BASE_MS');
  const crawlDelayMs = number('KAI_CRAWL_DELAY_MS');
  if (crawlDelayMs !== undefined) crawlerOverrides.politenessDelayMs = crawlDelayMs;
  if (pageTimeoutMs) crawlerOverrides.pageTimeoutMs = pageTimeoutMs;
  if (crawlRetryBaseMs !== undefined) crawlerOverrides.retryBaseDelayMs = crawlRetryBaseMs;
  if (Object.keys(crawlerOverrides).length > 0) overrides.crawlerOverrides = crawlerOverrides;

  const killAfterBatch = Number(process.env.KAI_TEST_KILL_AFTER_IMPORT_BATCH ?? 0);
  if (killAfterBatch > 0) {
    overrides.onImportBatch = (_jobId, batch) => {
      if (batch === killAfterBatch) process.kill(process.pid, 'SIGKILL');
    };
  }
  return overrides;
}
