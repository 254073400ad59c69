import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { HostScheduler } from '../../../main/pipelines/scrape/host-scheduler.ts';

describe('HostScheduler', () => {
  it('caps requests in flight per host', async () => {
    const scheduler = new HostScheduler(2, 0);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await scheduler.acquire('shop.example');
        active += 1;
        peak = Math.max(peak, active);
        await sleep(10);
        active -= 1;
        release();
      }),
    );
    expect(peak).toBe(2);
  });

  it('keeps hosts independent', async () => {
    const scheduler = new HostScheduler(1, 0);
    await scheduler.acquire('a.example');
    const other = await Promise.race([
      scheduler.acquire('b.example').then(() => 'acquired'),
      sleep(50).then(() => 'blocked'),
    ]);
    expect(other).toBe('acquired');
  });

  it('spaces request starts by the delay', async () => {
    const scheduler = new HostScheduler(2, 40);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        const release = await scheduler.acquire('shop.example');
        starts.push(performance.now());
        release();
      }),
    );
    const gaps = starts.slice(1).map((start, index) => start - (starts[index] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(35);
  });

  it('applies a raised delay to the next request', async () => {
    const scheduler = new HostScheduler(1, 0);
    (await scheduler.acquire('shop.example'))();
    const first = performance.now();
    scheduler.setDelay('shop.example', 60);
    (await scheduler.acquire('shop.example'))();
    expect(performance.now() - first).toBeGreaterThanOrEqual(50);
  });

  it('counts the delay from the send time', async () => {
    const scheduler = new HostScheduler(2, 50);
    const start = performance.now();
    await scheduler.acquire('shop.example');
    const second = scheduler.acquire('shop.example').then(() => performance.now() - start);
    await sleep(30);
    scheduler.markSent('shop.example', Date.now());
    expect(await second).toBeGreaterThanOrEqual(75);
  });

  it('holds the next start until the previous one is sent', async () => {
    const scheduler = new HostScheduler(2, 10);
    const release = await scheduler.acquire('shop.example');
    const next = scheduler.acquire('shop.example').then(() => 'acquired');
    const early = await Promise.race([next, sleep(60).then(() => 'waiting')]);
    release();
    expect([early, await next]).toEqual(['waiting', 'acquired']);
  });

  it('does not hold starts without a delay', async () => {
    const scheduler = new HostScheduler(2, 0);
    await scheduler.acquire('shop.example');
    const next = await Promise.race([
      scheduler.acquire('shop.example').then(() => 'acquired'),
      sleep(50).then(() => 'waiting'),
    ]);
    expect(next).toBe('acquired');
  });

  it('defers a host', async () => {
    const scheduler = new HostScheduler(1, 0);
    scheduler.deferHost('shop.example', 60);
    const start = performance.now();
    (await scheduler.acquire('shop.example'))();
    expect(performance.now() - start).toBeGreaterThanOrEqual(50);
  });

  it('rejects waiters on abort', async () => {
    const scheduler = new HostScheduler(1, 0);
    await scheduler.acquire('shop.example');
    const controller = new AbortController();
    const waiting = scheduler.acquire('shop.example', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });

  it('forgets an aborted waiter', async () => {
    const scheduler = new HostScheduler(1, 0);
    const release = await scheduler.acquire('shop.example');
    const controller = new AbortController();
    const aborted = scheduler.acquire('shop.example', controller.signal).catch(() => 'aborted');
    controller.abort();
    await aborted;
    release();
    const next = await Promise.race([
      scheduler.acquire('shop.example').then(() => 'acquired'),
      sleep(50).then(() => 'blocked'),
    ]);
    expect(next).toBe('acquired');
  });

  it('rejects a zero concurrency', () => {
    expect(() => new HostScheduler(0, 0)).toThrow(RangeError);
  });
});
