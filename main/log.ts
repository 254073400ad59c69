import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Creates the process logger, writing JSON lines to `destination` (a file descriptor or a
 * path; default stderr, so stdout stays free for `--json` output). `KAI_LOG_LEVEL` sets the
 * level; the default is `info`.
 */
export function createLogger(
  options: { level?: string; destination?: number | string } = {},
): Logger {
  const level = options.level ?? process.env.KAI_LOG_LEVEL ?? 'info';
  return pino(
    { level, base: { app: 'kai' }, serializers: { err: pino.stdSerializers.err } },
    pino.destination({ dest: options.destination ?? 2, sync: true, mkdir: true }),
  );
}

/** A logger that drops everything, for library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });
