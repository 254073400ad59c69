/**
 * The contract over WebSocket: `{ id, call, input }` in, `{ id, result }` out, and every
 * core event pushed to every open socket as `{ event, payload }`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { fail } from '../../contract/result.ts';
import { WS_CLOSE_FORBIDDEN, type WsServerMessage } from '../../contract/websocket-protocol.ts';
import type { CoreApi } from '../api/core-api.ts';
import type { Logger } from '../log.ts';

/** Largest frame accepted: a maximal `files:upload` (256 MiB as base64) plus its envelope. */
const MAX_PAYLOAD_BYTES = 360 * 1024 * 1024;
const PING_INTERVAL_MS = 30_000;

export class WebSocketEndpoint {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  private readonly alive = new WeakSet<WebSocket>();
  private readonly unsubscribe: () => void;
  private readonly pinger: NodeJS.Timeout;
  private nextClient = 1;

  constructor(
    private readonly api: CoreApi,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = api.subscribe((event, payload) =>
      this.broadcast(JSON.stringify({ event, payload } satisfies WsServerMessage)),
    );
    this.pinger = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** Completes the upgrade; a socket with `authorised` false is closed with 4403 at once. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, authorised: boolean) {
    this.server.handleUpgrade(request, socket, head, (client) => {
      if (!authorised) {
        client.close(WS_CLOSE_FORBIDDEN, 'missing or invalid token');
        return;
      }
      this.accept(client);
    });
  }

  /** Closes every socket and stops pushing events. */
  async close(): Promise<void> {
    this.unsubscribe();
    clearInterval(this.pinger);
    for (const client of this.server.clients) client.close(1001, 'server stopping');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: WebSocket): void {
    const logger = this.logger.child({ client: this.nextClient++ });
    this.alive.add(client);
    client.on('pong', () => this.alive.add(client));
    client.on('message', (data, isBinary) => {
      if (isBinary) {
        client.send(
          JSON.stringify({ id: null, result: fail('invalid_input', 'Send text frames.') }),
        );
        return;
      }
      void this.answer(client, data.toString(), logger);
    });
    client.on('error', (error) => logger.warn({ err: error }, 'WebSocket client error.'));
    client.on('close', (code) => logger.info({ code }, 'WebSocket client disconnected.'));
    logger.info('WebSocket client connected.');
  }

  private async answer(client: WebSocket, text: string, logger: Logger): Promise<void> {
    let message: { id?: unknown; call?: unknown; input?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      client.send(JSON.stringify({ id: null, result: fail('invalid_input', 'Invalid JSON.') }));
      return;
    }
    const id = typeof message.id === 'string' || typeof message.id === 'number' ? message.id : null;
    if (id === null) {
      const result = fail('invalid_input', 'A call needs an id (string or number).');
      client.send(JSON.stringify({ id: null, result }));
      return;
    }
    const result = await this.api.dispatch(message.call, message.input);
    if (!result.ok && result.error.code === 'internal') {
      logger.warn({ call: message.call, id }, 'WebSocket call failed with an internal error.');
    }
    if (client.readyState === client.OPEN) client.send(JSON.stringify({ id, result }));
  }

  private broadcast(text: string): void {
    for (const client of this.server.clients) {
      if (client.readyState === client.OPEN) client.send(text);
    }
  }

  private pingAll(): void {
    for (const client of this.server.clients) {
      if (!this.alive.has(client)) {
        client.terminate();
        continue;
      }
      this.alive.delete(client);
      client.ping();
    }
  }
}
