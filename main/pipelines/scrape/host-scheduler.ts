/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and request starts
 * spaced at least the host's delay apart.
 */

import { setTimeout as sleep } from 'node:timers/promises';

interface HostState {
  active: number;
  /** Earliest time (ms since the epoch) the next request to this host may start. */
  nextStartAt: number;
  /** Start time of the latest request, or null before the first. */
  lastStartAt: number | null;
  delayMs: number;
  waiters: Array<() => void>;
}

/** Hands out request slots per host. One instance serves one crawl. */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly defaultDelayMs: number,
  ) {
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`Per-host concurrency must be a positive integer, got ${concurrency}.`);
    }
  }

  /** Sets the minimum spacing between request starts to `host`, e.g. from Crawl-delay. */
  setDelay(host: string, delayMs: number): void {
    const state = this.state(host);
    state.delayMs = delayMs;
    // The request already scheduled last was spaced by the old delay; the next one is not.
    if (state.lastStartAt !== null) {
      state.nextStartAt = Math.max(state.nextStartAt, state.lastStartAt + delayMs);
    }
  }

  /** Returns the spacing in ms currently applied to `host`. */
  delayFor(host: string): number {
    return this.state(host).delayMs;
  }

  /** Holds back every request to `host` for `delayMs`, e.g. after a 429 with Retry-After. */
  deferHost(host: string, delayMs: number): void {
    const state = this.state(host);
    state.nextStartAt = Math.max(state.nextStartAt, Date.now() + delayMs);
  }

  /**
   * Waits for a free slot and for the host's spacing, then returns the function that frees the
   * slot. Rejects with the signal's reason when `signal` aborts while waiting.
   */
  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.state(host);
    while (state.active >= this.concurrency) {
      await this.waitForSlot(state, signal);
    }
    state.active += 1;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      state.active -= 1;
      state.waiters.shift()?.();
    };
    const startAt = Math.max(Date.now(), state.nextStartAt);
    state.lastStartAt = startAt;
    state.nextStartAt = startAt + state.delayMs;
    try {
      const wait = startAt - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal });
      signal?.throwIfAborted();
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private waitForSlot(state: HostState, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        state.waiters.splice(state.waiters.indexOf(wake), 1);
        reject(signal?.reason);
      };
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiters.push(wake);
    });
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = {
        active: 0,
        nextStartAt: 0,
        lastStartAt: null,
        delayMs: this.defaultDelayMs,
        waiters: [],
      };
      this.hosts.set(host, state);
    }
    return state;
  }
}
