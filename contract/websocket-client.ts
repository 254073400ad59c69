/**
 * The browser-mode `KaiApi`: calls and events over one WebSocket to `kai serve`, reconnecting
 * with backoff. Calls made while disconnected wait for the connection up to their timeout.
 */
import { createKaiClient, type CallTransport } from './client.ts';
import type { CallName } from './calls.ts';
import type { EventName } from './events.ts';
import type { KaiApi } from './kai-api.ts';
import { fail, type Result } from './result.ts';
import {
  WS_CLOSE_FORBIDDEN,
  WS_PATH,
  type WsCallMessage,
  type WsServerMessage,
} from './websocket-protocol.ts';

/** The parts of the WHATWG WebSocket this client uses; the `ws` package matches them too. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: (event: unknown) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface WebSocketClientOptions {
  /** Full `ws://` URL including `?token=`; see `browserModeSocketUrl`. */
  url: string;
  /** Defaults to the global WebSocket; Node tests pass the `ws` package's. */
  createSocket?: (url: string) => WebSocketLike;
  /** Overrides every call's timeout, in ms. */
  timeoutMs?: number;
  /** Called when the server rejects the token; the client then stops reconnecting. */
  onForbidden?: () => void;
}

export interface KaiWebSocketClient {
  api: KaiApi;
  close(): void;
}

const OPEN = 1;

/** Returns the socket URL for a page served by `kai serve`, carrying the page's token over. */
export function browserModeSocketUrl(location: { protocol: string; host: string; search: string }) {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}

/** Opens the connection and returns the API over it. */
export function connectKaiWebSocket(options: WebSocketClientOptions): KaiWebSocketClient {
  const createSocket =
    options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const pending = new Map<string, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const waitingForOpen: Array<() => void> = [];
  let socket: WebSocketLike;
  let nextId = 1;
  let closed = false;
  let retryMs = 500;

  const connect = () => {
    socket = createSocket(options.url);
    socket.addEventListener('open', () => {
      retryMs = 500;
      for (const resume of waitingForOpen.splice(0)) resume();
    });
    socket.addEventListener('message', (event) => dispatch(String(event.data)));
    socket.addEventListener('close', (event) => {
      const code = (event as { code?: number }).code;
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve(fail('disconnected', 'The connection to the KAI core closed before the reply.'));
      }
      if (code === WS_CLOSE_FORBIDDEN) {
        closed = true;
        options.onForbidden?.();
      }
      if (!closed) setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    });
  };

  const dispatch = (text: string) => {
    let message: WsServerMessage;
    try {
      message = JSON.parse(text) as WsServerMessage;
    } catch {
      return;
    }
    if ('event' in message) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const resolve = pending.get(String(message.id));
    pending.delete(String(message.id));
    resolve?.(message.result);
  };

  const whenOpen = (): Promise<void> =>
    socket.readyState === OPEN
      ? Promise.resolve()
      : new Promise((resolve) => waitingForOpen.push(resolve));

  const transport: CallTransport = {
    async call(name: CallName, input: unknown) {
      await whenOpen();
      const id = String(nextId++);
      const message: WsCallMessage = { id, call: name, input };
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify(message));
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };

  connect();
  return {
    api: createKaiClient(transport, { mode: 'browser', timeoutMs: options.timeoutMs }),
    close() {
      closed = true;
      socket.close(1000, 'client closed');
    },
  };
}
