import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import { openCore } from '../../../main/core.ts';
import { silentLogger } from '../../../main/log.ts';
import { runCoreProcess } from '../../../main/shell/core-process.ts';
import {
  createPortClient,
  type PortClient,
  type PortLike,
  type PortMessage,
} from '../../../main/shell/port-protocol.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { unwrap } from '../../support/unwrap-result.ts';
import { waitFor } from '../../support/wait-for.ts';

const corona = new URL(
  '../../fixtures/pdf/corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf',
  import.meta.url,
).pathname;

/**
 * Adapts a worker_threads port to the protocol's port as Electron's adapter does, started
 * at once, so messages that arrive before a listener is attached are lost, as in Electron.
 */
function nodePort(port: MessagePort): PortLike {
  const adapted: PortLike = {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (message: PortMessage) => listener(message)),
    onClose: (listener) => port.on('close', listener),
  };
  port.start();
  return adapted;
}

describe('unit', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let client: PortClient;
  let running: Promise<void>;
  const changed: BackgroundJobRow[] = [];

  beforeAll(async () => {
    dir = await makeTempDir();
    dataDir = join(dir.path, 'data');
    const channel = new MessageChannel();
    running = runCoreProcess({ port: nodePort(channel.port2), dataDir, logger: silentLogger });
    client = createPortClient(nodePort(channel.port1));
    client.onEvent((event, payload) => {
      if (event === 'jobs:changed') changed.push((payload as { job: BackgroundJobRow }).job);
    });
  });

  afterAll(async () => {
    await dir.remove();
  });

  it('calls before ready wait for the core', async () => {
    const result = await client.call('jobs:counts', {});
    expect(result.ok).toBe(true);
  });

  it('reports ready with the data folder', async () => {
    expect(await client.ready).toBe(dataDir);
  });

  it('answers calls over the port', async () => {
    const result = await client.call('jobs:counts', {});
    expect((unwrap(result) as { total: number }).total).toBe(0);
  });

  it('runs a PDF job to completion', async () => {
    const result = await client.call('files:ingest', { paths: [corona] });
    if (!result.ok) throw new Error(result.error.message);
    await waitFor(() => changed.some((job) => job.status === 'completed'), {
      timeoutMs: 120_000,
      what: 'jobs:changed with status completed over the port',
    });
    expect(changed.at(-1)?.status).toBe('completed');
  }, 150_000);

  it('tile URLs use the asset scheme', async () => {
    const result = await client.call('documents:tiles', { jobId: changed[0]!.id, limit: 1 });
    const tiles = result.ok ? (result.value as { tiles: Array<{ url: string }> }).tiles : [];
    expect(tiles[0]?.url).toMatch(/^kai-asset:\/\/data\/documents\//);
  });

  it('stop closes the store', async () => {
    expect(await client.stop(30_000)).toBe(true);
    await running;
    // The data folder's lock is released, so another core can open it.
    const again = await openCore({ dataDir, logger: silentLogger });
    await again.close();
  });

  it('open failure is reported as fatal', async () => {
    const channel = new MessageChannel();
    const blocker = await openCore({ dataDir, logger: silentLogger });
    try {
      const done = runCoreProcess({ port: nodePort(channel.port2), dataDir, logger: silentLogger });
      const failing = createPortClient(nodePort(channel.port1));
      await expect(failing.ready).rejects.toThrow(/lock|in use|another/i);
      const call = await failing.call('jobs:counts', {});
      expect(call.ok ? 'ok' : call.error.code).toBe('internal');
      await done;
    } finally {
      channel.port1.close();
      await blocker.close();
    }
  });
});
