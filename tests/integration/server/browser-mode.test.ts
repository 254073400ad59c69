import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '../../../contract/websocket-protocol.ts';
import {
  connectKaiWebSocket,
  type KaiWebSocketClient,
  type WebSocketLike,
} from '../../../contract/websocket-client.ts';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import { openCore, type Core } from '../../../main/core.ts';
import { silentLogger } from '../../../main/log.ts';
import { startBrowserMode, type BrowserMode } from '../../../main/server/browser-mode.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { waitFor } from '../../support/wait-for.ts';

const corona = new URL(
  '../../fixtures/pdf/corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf',
  import.meta.url,
).pathname;

interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a raw GET so paths reach the server unnormalised (`/../`, `%2e%2e`). */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<HttpReply>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Opens a raw socket and resolves with the close code the server sent. */
function closeCodeOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

describe('unit', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let mode: BrowserMode;
  let client: KaiWebSocketClient;
  let port: number;
  let cookie: string;
  const changed: BackgroundJobRow[] = [];

  const wsUrl = (token: string) => `ws://127.0.0.1:${port}/api/ws?token=${token}`;

  beforeAll(async () => {
    dir = await makeTempDir();
    const rendererDir = join(dir.path, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>KAI</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {};');
    await writeFile(join(dir.path, 'secret.txt'), 'outside the data folder');

    core = await openCore({ dataDir: join(dir.path, 'data'), logger: silentLogger });
    await symlink(join(dir.path, 'secret.txt'), join(core.database.dataDir, 'link.txt'));
    mode = await startBrowserMode(core, { rendererDir, port: 0 });
    port = mode.server.port;
    cookie = `kai_token=${mode.token}`;
    client = connectKaiWebSocket({
      url: wsUrl(mode.token),
      createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    });
    client.api.on('jobs:changed', ({ job }) => changed.push(job));
  });

  afterAll(async () => {
    client?.close();
    await mode?.stop();
    await core?.close();
    await dir?.remove();
  });

  it('printed URL carries the token', () => {
    expect(mode.server.url).toBe(`http://127.0.0.1:${port}/?token=${mode.token}`);
  });

  it('request without token gets 401', async () => {
    expect((await get(port, '/')).status).toBe(401);
  });

  it('request with wrong token gets 403', async () => {
    expect((await get(port, '/?token=not-the-token')).status).toBe(403);
  });

  it('wrong cookie gets 403', async () => {
    expect((await get(port, '/assets/app.js', { Cookie: 'kai_token=nope' })).status).toBe(403);
  });

  it('page load sets headers and cookie', async () => {
    const reply = await get(port, `/?token=${mode.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>KAI</title>');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(String(reply.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict');
  });

  it('assets load with the cookie', async () => {
    const reply = await get(port, '/assets/app.js', { Cookie: cookie });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('non-GET methods get 405', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(
        { host: '127.0.0.1', port, path: '/', method: 'POST', headers: { Cookie: cookie } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(status).toBe(405);
  });

  it.each([
    '/files/../secret.txt',
    '/files/..%2fsecret.txt',
    '/files/%2e%2e/secret.txt',
    '/files/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/files//etc/passwd',
    '/files/link.txt',
    '/files/pgdata/..%5c..%5csecret.txt',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
  ])('path traversal %s is rejected', async (path) => {
    const reply = await get(port, path, { Cookie: cookie });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside the data folder');
  });

  it('socket without token is closed', async () => {
    expect(await closeCodeOf(`ws://127.0.0.1:${port}/api/ws`)).toBe(4403);
  });

  it('socket with wrong token is closed', async () => {
    expect(await closeCodeOf(wsUrl('wrong'))).toBe(4403);
  });

  it('cross-origin socket is closed', async () => {
    const code = await closeCodeOf(wsUrl(mode.token), { Origin: 'https://evil.example' });
    expect(code).toBe(4403);
  });

  it('invalid input is answered invalid_input', async () => {
    const result = await client.api.jobs.list({ limit: 0 });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
  });

  it('raw frames get id-matched replies', async () => {
    const socket = new WebSocket(wsUrl(mode.token));
    const replies: WsServerMessage[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(String(data)) as WsServerMessage));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('not json');
    socket.send(JSON.stringify({ id: 7, call: 'jobs:counts', input: {} }));
    socket.send(JSON.stringify({ id: 8, call: 'jobs:get', input: { id: 'x' } }));
    await waitFor(() => replies.filter((reply) => 'id' in reply).length >= 3);
    socket.close();
    const byId = new Map(replies.filter((reply) => 'id' in reply).map((r) => [r.id, r]));
    expect(byId.get(null as never)).toMatchObject({ result: { ok: false } });
    expect(byId.get(7)).toMatchObject({ result: { ok: true, value: { total: 0 } } });
    expect(byId.get(8)).toMatchObject({ result: { error: { code: 'invalid_input' } } });
  });

  it('ingested PDF reaches completed over the socket', async () => {
    const result = await client.api.files.ingest({ paths: [corona] });
    if (!result.ok) throw new Error(result.error.message);
    const item = result.value.items[0];
    if (item?.kind !== 'job') throw new Error(`expected a job, got ${JSON.stringify(item)}`);
    await waitFor(
      () => changed.some((job) => job.id === item.job.id && job.status === 'completed'),
      { timeoutMs: 120_000, what: 'jobs:changed with status completed' },
    );
    const statuses = changed.filter((job) => job.id === item.job.id).map((job) => job.status);
    expect(statuses).toContain('processing');
    expect(statuses.at(-1)).toBe('completed');
  }, 150_000);

  it('tile URLs serve JPEG images', async () => {
    const job = changed.find((row) => row.status === 'completed')!;
    const tiles = await client.api.documents.tiles({ jobId: job.id, limit: 1 });
    if (!tiles.ok) throw new Error(tiles.error.message);
    const reply = await get(port, tiles.value.tiles[0]!.url, { Cookie: cookie });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/jpeg');
    expect(reply.body.startsWith('\xff\xd8')).toBe(true);
  });
});
