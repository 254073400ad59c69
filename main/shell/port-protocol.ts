/**
 * The contract over a message port, between the Electron main process and the utility
 * process that runs the core. Messages are structured-cloned, so rows pass as they are.
 */
import type { CallName } from '../../contract/calls.ts';
import type { EventName } from '../../contract/events.ts';
import { fail, type Result } from '../../contract/result.ts';
import type { CoreApi } from '../api/core-api.ts';

/** The two operations both port kinds offer (Electron's MessagePortMain, Node's MessagePort). */
export interface PortLike {
  postMessage(message: PortMessage): void;
  onMessage(listener: (message: PortMessage) => void): void;
  onClose(listener: () => void): void;
}

export type PortMessage =
  | { type: 'call'; id: number; call: string; input: unknown }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  /** The core is open; sent once by the utility process. */
  | { type: 'ready'; dataDir: string }
  /** The core failed to open; the utility process exits after sending it. */
  | { type: 'fatal'; message: string }
  /** Main to core: stop the engine and close the store (app quit). */
  | { type: 'stop' }
  /** Core to main: the store is closed; the process may be ended. */
  | { type: 'stopped' };

/** Dispatches calls arriving on `port` to `api`, posts each result back, and pushes events. */
export function serveApiOverPort(api: CoreApi, port: PortLike): () => void {
  port.onMessage((message) => {
    if (message.type !== 'call') return;
    void api.dispatch(message.call, message.input).then((result) => {
      port.postMessage({ type: 'reply', id: message.id, result });
    });
  });
  return api.subscribe((event, payload) => port.postMessage({ type: 'event', event, payload }));
}

export interface PortClient {
  call(call: CallName, input: unknown): Promise<Result<unknown>>;
  /** Asks the core to stop; resolves when it reports the store closed, or after `timeoutMs`. */
  stop(timeoutMs: number): Promise<boolean>;
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Resolves with the data folder once the core is open; rejects if it fails to open. */
  readonly ready: Promise<string>;
}

/** Creates the main-process side, which sends calls over `port` and receives events. */
export function createPortClient(port: PortLike): PortClient {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const stopped = new Set<() => void>();
  let nextId = 1;
  let closed = false;
  let settleReady: { resolve(dataDir: string): void; reject(error: Error): void };
  const ready = new Promise<string>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  ready.catch(() => undefined);

  port.onMessage((message) => {
    if (message.type === 'reply') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of listeners) listener(message.event, message.payload);
    } else if (message.type === 'ready') {
      settleReady.resolve(message.dataDir);
    } else if (message.type === 'fatal') {
      settleReady.reject(new Error(message.message));
    } else if (message.type === 'stopped') {
      for (const resolve of stopped) resolve();
    }
  });
  port.onClose(() => {
    closed = true;
    settleReady.reject(new Error('The core process closed its port before it was ready.'));
    for (const resolve of pending.values()) {
      resolve(fail('disconnected', 'The core process stopped before it replied.'));
    }
    pending.clear();
  });

  return {
    ready,
    async call(call, input) {
      // The core only listens once it is open, so calls wait for `ready` before posting.
      const openError = await ready.then(
        () => null,
        (error: Error) => error,
      );
      if (openError) return fail('internal', `The core failed to start: ${openError.message}`);
      if (closed) return fail('disconnected', 'The core process has stopped.');
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        port.postMessage({ type: 'call', id, call, input });
      });
    },
    stop(timeoutMs) {
      if (closed) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          stopped.delete(onStopped);
          resolve(value);
        };
        const onStopped = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        stopped.add(onStopped);
        port.postMessage({ type: 'stop' });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
