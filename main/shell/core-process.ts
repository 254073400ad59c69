/**
 * The body of the core's utility process in the desktop app: opens the core, serves the
 * API over the port from the main process, and stops cleanly on request. Plain Node, so
 * tests run it over a worker_threads MessageChannel.
 */
import { createCoreApi } from '../api/core-api.ts';
import { openCore, type Core, type CoreOptions } from '../core.ts';
import type { Logger } from '../log.ts';
import { loadSettings } from '../settings/settings-store.ts';
import { electronAssetUrl } from './app-identity.ts';
import { serveApiOverPort, type PortLike } from './port-protocol.ts';

export interface CoreProcessOptions {
  port: PortLike;
  dataDir: string;
  logger: Logger;
  workerEntry?: string;
  /** Engine options for tests (short timers); saved settings fill the rest. */
  coreOptions?: Partial<CoreOptions>;
}

/** Runs until the main process sends `stop` or closes the port; resolves once closed. */
export async function runCoreProcess(options: CoreProcessOptions): Promise<void> {
  const { port, logger } = options;
  let core: Core;
  try {
    const saved = await loadSettings(options.dataDir, logger);
    core = await openCore({
      dataDir: options.dataDir,
      logger,
      workerEntry: options.workerEntry,
      concurrency: saved.concurrency,
      heartbeatMs: saved.heartbeatMs,
      ...options.coreOptions,
    });
  } catch (error) {
    logger.error({ err: error, dataDir: options.dataDir }, 'Opening the core failed.');
    port.postMessage({ type: 'fatal', message: (error as Error).message });
    return;
  }

  const api = await createCoreApi(core, { assetUrl: electronAssetUrl });
  const unsubscribe = serveApiOverPort(api, port);
  await core.engine.start();
  port.postMessage({ type: 'ready', dataDir: core.database.dataDir });
  logger.info({ dataDir: core.database.dataDir }, 'Core process ready.');

  await new Promise<void>((resolve) => {
    port.onMessage((message) => {
      if (message.type === 'stop') resolve();
    });
    port.onClose(resolve);
  });

  unsubscribe();
  api.close();
  await core.close();
  logger.info('Core process stopped.');
  port.postMessage({ type: 'stopped' });
}
