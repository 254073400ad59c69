/**
 * Starts the core's utility process and connects to it over a MessagePort. The returned
 * client carries contract calls and events between the main process and the core.
 */
import { join } from 'node:path';
import { MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron';
import type { Logger } from '../main/log.ts';
import { createPortClient, type PortClient, type PortLike } from '../main/shell/port-protocol.ts';
import type { CoreEntryInit } from './core-entry.ts';

export interface CoreHost {
  client: PortClient;
  /** Stops the engine and closes the store, then ends the process. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 15_000;

/** Forks `core-entry.js` and hands it the data folder and one end of a channel. */
export function startCoreHost(dataDir: string, logger: Logger): CoreHost {
  const child = utilityProcess.fork(join(import.meta.dirname, 'core-entry.js'), [], {
    serviceName: 'KAI Console core',
    stdio: 'inherit',
  });
  const { port1, port2 } = new MessageChannelMain();
  const init: CoreEntryInit = { dataDir };
  child.postMessage(init, [port2]);
  const client = createPortClient(adaptPort(port1));

  child.on('exit', (code) => {
    logger.warn({ code }, 'Core process exited.');
    port1.close();
  });

  return {
    client,
    async stop() {
      const stopped = await client.stop(STOP_TIMEOUT_MS);
      if (!stopped) logger.error('Core process did not stop in time; killing it.');
      child.kill();
    },
  };
}

function adaptPort(port: MessagePortMain): PortLike {
  const adapted: PortLike = {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    onClose: (listener) => port.on('close', listener),
  };
  port.start();
  return adapted;
}
