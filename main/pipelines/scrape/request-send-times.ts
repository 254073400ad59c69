/**
 * Reports when Node's fetch actually writes a request to the socket, through the
 * `undici:client:sendHeaders` diagnostics channel of the undici client built into Node 18+.
 * A request can leave later than the code that started it, for example while a new
 * connection opens or a long parse blocks the event loop. Spacing counted only from the start
 * call would then let two requests reach the server closer together than the delay.
 */

import diagnosticsChannel from 'node:diagnostics_channel';

/** Called with the origin (`http://host:port`) of each request as its headers are sent. */
export type RequestSentListener = (origin: string, sentAt: number) => void;

const SEND_HEADERS_CHANNEL = 'undici:client:sendHeaders';
const listeners = new Set<RequestSentListener>();

function publish(message: unknown): void {
  const origin = (message as { request?: { origin?: unknown } }).request?.origin;
  if (typeof origin !== 'string') return;
  const sentAt = Date.now();
  for (const listener of listeners) listener(origin, sentAt);
}

/**
 * Calls `listener` for every request any fetch in this process sends, until the returned
 * function is called.
 */
export function onRequestSent(listener: RequestSentListener): () => void {
  if (listeners.size === 0) diagnosticsChannel.subscribe(SEND_HEADERS_CHANNEL, publish);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) diagnosticsChannel.unsubscribe(SEND_HEADERS_CHANNEL, publish);
  };
}
