import { describe, expect, it } from 'vitest';

import type {
  FrontierEntry,
  StoredPageResult,
} from '../../../main/pipelines/scrape/crawl-types.ts';
import { MemoryFrontierStore } from '../../../main/pipelines/scrape/memory-frontier-store.ts';

const entry = (path: string, depth = 0): FrontierEntry => ({
  url: `https://shop.example${path}`,
  depth,
  kind: 'page',
});

function result(path: string): StoredPageResult {
  const url = `https://shop.example${path}`;
  return {
    url,
    finalUrl: url,
    kind: 'page',
    status: 'completed',
    httpStatus: 200,
    depth: 0,
    contentHash: 'abc',
    materialsFound: 0,
    pageKind: 'no-products',
    reason: null,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:00.010Z',
    durationMs: 10,
    bytes: 5,
    productKeys: ['sku:a'],
  };
}

describe('MemoryFrontierStore', () => {
  it('dequeues in insertion order', async () => {
    const store = new MemoryFrontierStore();
    await store.add([entry('/a'), entry('/b')]);
    expect([(await store.dequeue())?.url, (await store.dequeue())?.url]).toEqual([
      'https://shop.example/a',
      'https://shop.example/b',
    ]);
  });

  it('ignores URLs it has seen', async () => {
    const store = new MemoryFrontierStore();
    await store.add([entry('/a')]);
    expect(await store.add([entry('/a', 2), entry('/b')])).toBe(1);
  });

  it('ignores finished URLs', async () => {
    const store = new MemoryFrontierStore();
    await store.add([entry('/a')]);
    await store.dequeue();
    await store.markResult(result('/a'));
    expect(await store.add([entry('/a')])).toBe(0);
  });

  it('returns null when empty', async () => {
    expect(await new MemoryFrontierStore().dequeue()).toBeNull();
  });

  it('claims only new URLs', async () => {
    const store = new MemoryFrontierStore();
    await store.add([entry('/a')]);
    expect([await store.claim(entry('/a')), await store.claim(entry('/b'))]).toEqual([false, true]);
  });

  it('does not dequeue claimed URLs', async () => {
    const store = new MemoryFrontierStore();
    await store.claim(entry('/a'));
    expect(await store.dequeue()).toBeNull();
  });

  it('requeues in-progress entries', async () => {
    const store = new MemoryFrontierStore();
    await store.add([entry('/a'), entry('/b')]);
    await store.dequeue();
    await store.claim(entry('/c'));
    expect(await store.requeueInProgress()).toBe(2);
  });

  it('hands requeued entries out again', async () => {
    const store = new MemoryFrontierStore();
    await store.add([entry('/a')]);
    await store.dequeue();
    await store.requeueInProgress();
    expect((await store.dequeue())?.url).toBe('https://shop.example/a');
  });

  it('counts queued entries', async () => {
    const store = new MemoryFrontierStore();
    await store.add([entry('/a'), entry('/b'), entry('/c')]);
    await store.dequeue();
    expect(await store.countQueued()).toBe(2);
  });

  it('lists results with product keys', async () => {
    const store = new MemoryFrontierStore();
    await store.markResult(result('/a'));
    expect((await store.listResults())[0]?.productKeys).toEqual(['sku:a']);
  });

  it('returns copies of results', async () => {
    const store = new MemoryFrontierStore();
    await store.markResult(result('/a'));
    const [first] = await store.listResults();
    if (first) first.status = 'failed';
    expect((await store.listResults())[0]?.status).toBe('completed');
  });

  it('keeps a long queue in order', async () => {
    const store = new MemoryFrontierStore();
    await store.add(Array.from({ length: 5000 }, (_, index) => entry(`/p${index}`)));
    let last: FrontierEntry | null = null;
    for (let index = 0; index < 5000; index += 1) last = await store.dequeue();
    expect(last?.url).toBe('https://shop.example/p4999');
  });
});
