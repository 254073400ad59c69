/**
 * Browser mode's WebSocket protocol at `/api/ws?token=...`: the same calls and events as IPC,
 * as JSON text frames.
 */
import type { CallName, CallResult } from './calls.ts';
import type { EventName, EventPayload } from './events.ts';

/** Client to server: one call. `id` is echoed in the reply. */
export interface WsCallMessage {
  id: string | number;
  call: CallName;
  input: unknown;
}

/** Server to client: the result of the call with the same `id`. */
export interface WsReplyMessage<C extends CallName = CallName> {
  id: string | number;
  result: CallResult<C>;
}

/** Server to client: a pushed event. */
export interface WsEventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}

export type WsServerMessage = WsReplyMessage | WsEventMessage;

/** Close code the server uses for a missing or wrong token (an application-range code). */
export const WS_CLOSE_FORBIDDEN = 4403;

/** Path of the WebSocket endpoint. */
export const WS_PATH = '/api/ws';
