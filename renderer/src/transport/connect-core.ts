import { createKaiClient } from '../../../contract/client.ts';
import type { KaiApi } from '../../../contract/kai-api.ts';
import { browserModeSocketUrl } from '../../../contract/websocket-client.ts';
import { WebSocketTransport, type SocketState } from './websocket-transport.ts';

/** The API and how to follow its connection, whichever transport carries it. */
export interface CoreConnection {
  api: KaiApi;
  /**
   * Listens to connection changes; `reconnected` is true when the connection came back
   * after a loss. The Electron bridge never drops, so it reports `open` once.
   */
  onStateChange(listener: (state: SocketState, reconnected: boolean) => void): () => void;
}

/**
 * Picks the transport: the Electron preload's `window.kai` when present, otherwise browser
 * mode's WebSocket at `/api/ws` on the page's own host, with the token from `?token=`.
 * The renderer has its own socket transport rather than the contract's `connectKaiWebSocket`
 * because it must learn of reconnections, to fetch the jobs it missed while offline.
 */
export function connectCore(location: Location = window.location): CoreConnection {
  const bridge = window.kai;
  if (bridge) {
    return {
      api: bridge,
      onStateChange(listener) {
        queueMicrotask(() => listener('open', false));
        return () => undefined;
      },
    };
  }

  const transport = new WebSocketTransport({ url: browserModeSocketUrl(location) });
  return {
    api: createKaiClient(transport, { mode: 'browser' }),
    onStateChange: (listener) => {
      queueMicrotask(() => listener(transport.state, false));
      return transport.onStateChange(listener);
    },
  };
}
