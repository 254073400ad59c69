import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Creates the process logger. Logs go to stderr as JSON lines so stdout stays free for
 * command output (`--json`). `KAI_LOG_LEVEL` sets the level; the default is `info`.
 */
export function createLogger(options: { level?: string; destination?: number } = {}): Logger {
  const level = options.level ?? process.env.KAI_LOG_LEVEL ?? 'info';
  return pino(
    { level, base: { app: 'kai' }, serializers: { err: pino.stdSerializers.err } },
    pino.destination({ dest: options.destination ?? 2, sync: true }),
  );
}

/** A logger that drops everything, for library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });
