/**
 * Entry of the utility process that runs the core, so PGlite and the job engine stay off
 * the main process and the window stays responsive. The main process sends the data
 * folder and a MessagePort; everything else is `runCoreProcess` in plain Node.
 */
import { join } from 'node:path';
import type { MessagePortMain } from 'electron';
import { createLogger } from '../main/log.ts';
import { runCoreProcess } from '../main/shell/core-process.ts';
import type { PortLike, PortMessage } from '../main/shell/port-protocol.ts';

/** First message from the main process. */
export interface CoreEntryInit {
  dataDir: string;
}

function adaptPort(port: MessagePortMain): PortLike {
  const adapted: PortLike = {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as PortMessage)),
    onClose: (listener) => port.on('close', listener),
  };
  port.start();
  return adapted;
}

process.parentPort.once('message', (event) => {
  const init = event.data as CoreEntryInit;
  const [port] = event.ports;
  if (!port) {
    process.exit(1);
  }
  const logger = createLogger({ destination: join(init.dataDir, 'logs', 'kai.log') }).child({
    process: 'core',
  });
  void runCoreProcess({
    port: adaptPort(port),
    dataDir: init.dataDir,
    logger,
    // The build puts the worker entry next to this file (see electron.vite.config.ts).
    workerEntry: join(import.meta.dirname, 'worker-entry.js'),
  }).finally(() => process.exit(0));
});
