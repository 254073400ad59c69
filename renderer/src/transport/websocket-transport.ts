import { CALLS, type CallName } from '../../../contract/calls.ts';
import type { CallTransport } from '../../../contract/client.ts';
import type { EventName } from '../../../contract/events.ts';
import { fail, type Result } from '../../../contract/result.ts';
import {
  WS_CLOSE_FORBIDDEN,
  type WsCallMessage,
  type WsServerMessage,
} from '../../../contract/websocket-protocol.ts';

/**
 * Whether the socket to the core is up. `forbidden` is final: the server rejected the
 * page's token, so reconnecting cannot help.
 */
export type SocketState = 'connecting' | 'open' | 'closed' | 'forbidden';

/** Options of {@link WebSocketTransport}. */
export interface WebSocketTransportOptions {
  /** `ws://127.0.0.1:PORT/api/ws?token=T`. */
  url: string;
  /** First reconnection delay in ms; it doubles after each failed attempt. */
  reconnectMs?: number;
  /** Maximum reconnection delay in ms. */
  maxReconnectMs?: number;
  /** Creates the socket; tests under Node pass the `ws` package's client. */
  createSocket?: (url: string) => WebSocket;
}

interface PendingCall {
  name: CallName;
  resolve: (result: Result<unknown>) => void;
  /** The request, kept until it is sent; null once it went out on the socket. */
  message: string | null;
  /** When a call that is still unsent stops being worth sending: its contract timeout. */
  expiresAt: number;
}

// WebSocket.OPEN, spelled out because Node 20 has no global WebSocket for the tests.
const SOCKET_OPEN = 1;

/**
 * Carries the contract over browser mode's WebSocket: requests `{ id, call, input }`,
 * replies `{ id, result }`, pushed events `{ event, payload }`.
 *
 * When the socket drops, calls already sent resolve as `disconnected`, since the core may or
 * may not have run them. Calls not yet sent wait for the next socket until their contract
 * timeout passes. The transport reconnects with capped exponential backoff and tells
 * `onStateChange` listeners, so the UI can fetch what it missed. Per-call timeouts are the
 * client's job (`createKaiClient`), not this class's.
 */
export class WebSocketTransport implements CallTransport {
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(state: SocketState, reconnected: boolean) => void>();
  private reconnectDelay: number;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private everOpened = false;
  private closed = false;
  private currentState: SocketState = 'connecting';

  constructor(private readonly options: WebSocketTransportOptions) {
    this.reconnectDelay = options.reconnectMs ?? 250;
    this.connect();
  }

  get state(): SocketState {
    return this.currentState;
  }

  call(name: CallName, input: unknown): Promise<Result<unknown>> {
    if (this.closed) return Promise.resolve(fail('disconnected', 'The transport is closed.'));
    return new Promise((resolve) => {
      const id = this.nextId++;
      const request: WsCallMessage = { id, call: name, input };
      const message = JSON.stringify(request);
      const timeoutMs = CALLS[name]?.timeoutMs ?? 15_000;
      this.pending.set(id, { name, resolve, message, expiresAt: Date.now() + timeoutMs });
      this.flush();
    });
  }

  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  /**
   * Listens to socket state changes. `reconnected` is true on an `open` that follows a
   * lost connection, when events may have been missed.
   */
  onStateChange(listener: (state: SocketState, reconnected: boolean) => void): () => void {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }

  /** Closes the socket for good; pending calls resolve as `disconnected`. */
  close(): void {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    for (const [id, call] of this.pending) {
      this.pending.delete(id);
      call.resolve(fail('disconnected', `${call.name} was not answered: the transport closed.`));
    }
  }

  private connect(): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    const socket = create(this.options.url);
    this.socket = socket;
    this.setState('connecting', false);

    socket.addEventListener('open', () => {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.reconnectDelay = this.options.reconnectMs ?? 250;
      this.setState('open', reconnected);
      this.flush();
    });
    socket.addEventListener('message', (message: MessageEvent) => this.receive(message.data));
    socket.addEventListener('close', (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.failSent();
      if (event.code === WS_CLOSE_FORBIDDEN) {
        this.close();
        this.setState('forbidden', false);
        return;
      }
      this.setState('closed', false);
      if (!this.closed) this.scheduleReconnect();
    });
    // A failed connection attempt fires `error` then `close`; `close` handles both.
    socket.addEventListener('error', () => undefined);
  }

  private scheduleReconnect(): void {
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, this.options.maxReconnectMs ?? 5_000);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  /** Sends every unsent call that has not expired, if the socket is open. */
  private flush(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== SOCKET_OPEN) return;
    const now = Date.now();
    for (const [id, call] of this.pending) {
      if (call.message === null) continue;
      if (call.expiresAt <= now) {
        this.pending.delete(id);
        call.resolve(fail('timeout', `${call.name} was not sent: the core was unreachable.`));
        continue;
      }
      socket.send(call.message);
      call.message = null;
    }
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: WsServerMessage;
    try {
      message = JSON.parse(data) as WsServerMessage;
    } catch {
      return;
    }

    if ('event' in message) {
      for (const listener of this.listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const id = Number(message.id);
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    call.resolve(message.result);
  }

  private failSent(): void {
    for (const [id, call] of this.pending) {
      if (call.message !== null) continue;
      this.pending.delete(id);
      call.resolve(
        fail(
          'disconnected',
          `The connection dropped before ${call.name} was answered; it may have run.`,
        ),
      );
    }
  }

  private setState(state: SocketState, reconnected: boolean): void {
    this.currentState = state;
    for (const listener of this.stateListeners) listener(state, reconnected);
  }
}
