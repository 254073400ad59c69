import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { WS_CLOSE_FORBIDDEN } from '../../../contract/websocket-protocol.ts';
import {
  WebSocketTransport,
  type SocketState,
} from '../../../renderer/src/transport/websocket-transport.ts';
import { waitFor } from '../../support/wait-for.ts';

interface Received {
  id: number;
  call: string;
  input: unknown;
}

/** Starts a real WebSocket server on 127.0.0.1 that records requests for the test to reply to. */
async function startServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const sockets: ServerSocket[] = [];
  const received: Received[] = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as Received));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/api/ws?token=t`,
    sockets,
    received,
    reply(id: number, result: unknown) {
      sockets.at(-1)!.send(JSON.stringify({ id, result }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function connect(url: string) {
  const states: [SocketState, boolean][] = [];
  const transport = new WebSocketTransport({
    url,
    reconnectMs: 20,
    maxReconnectMs: 100,
    createSocket: (target) => new WebSocket(target) as unknown as globalThis.WebSocket,
  });
  transport.onStateChange((state, reconnected) => states.push([state, reconnected]));
  cleanups.push(() => transport.close());
  await waitFor(() => transport.state === 'open', { what: 'the socket to open' });
  return { transport, states };
}

describe('WebSocketTransport', () => {
  it('resolves a call with its reply', async () => {
    const server = await startServer();
    cleanups.push(server.close);
    const { transport } = await connect(server.url);

    const pending = transport.call('jobs:counts', {});
    const request = await waitFor(() => server.received[0], { what: 'the request' });
    expect(request.call).toBe('jobs:counts');
    expect(request.input).toEqual({});
    server.reply(request.id, { ok: true, value: { total: 3 } });
    expect(await pending).toEqual({ ok: true, value: { total: 3 } });
  });

  it('delivers pushed events to listeners', async () => {
    const server = await startServer();
    cleanups.push(server.close);
    const { transport } = await connect(server.url);
    const payloads: unknown[] = [];
    const stop = transport.subscribe('jobs:deleted', (payload) => payloads.push(payload));

    server.sockets[0]!.send(JSON.stringify({ event: 'jobs:deleted', payload: { ids: ['a'] } }));
    await waitFor(() => payloads.length === 1, { what: 'the event' });
    stop();
    server.sockets[0]!.send(JSON.stringify({ event: 'jobs:deleted', payload: { ids: ['b'] } }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(payloads).toEqual([{ ids: ['a'] }]);
  });

  it('fails sent calls on a drop and reconnects', async () => {
    const server = await startServer();
    cleanups.push(server.close);
    const { transport, states } = await connect(server.url);

    const sent = transport.call('jobs:counts', {});
    await waitFor(() => server.received.length === 1, { what: 'the first request' });
    server.sockets[0]!.terminate();
    expect(await sent).toMatchObject({ ok: false, error: { code: 'disconnected' } });

    // A call made while the socket is down goes out on the next one.
    const later = transport.call('jobs:counts', {});
    await waitFor(() => server.sockets.length === 2 && server.received.length === 2, {
      what: 'the request on the new socket',
    });
    server.reply(server.received[1]!.id, { ok: true, value: { total: 1 } });
    expect(await later).toEqual({ ok: true, value: { total: 1 } });
    expect(states).toContainEqual(['closed', false]);
    expect(states.at(-1)).toEqual(['open', true]);
  });

  it('stops reconnecting when the token is rejected', async () => {
    const server = await startServer();
    cleanups.push(server.close);
    const { transport } = await connect(server.url);

    server.sockets[0]!.close(WS_CLOSE_FORBIDDEN, 'bad token');
    await waitFor(() => transport.state === 'forbidden', { what: 'the forbidden state' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.sockets).toHaveLength(1);
    expect(await transport.call('jobs:counts', {})).toMatchObject({
      ok: false,
      error: { code: 'disconnected' },
    });
  });
});
