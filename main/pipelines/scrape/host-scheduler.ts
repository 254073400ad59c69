/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and request starts
 * spaced at least the host's delay apart.
 *
 * Spacing is counted from when a request actually reaches the socket (`markSent`), not from
 * when its slot was granted, because a new connection or a long parse elsewhere on the event
 * loop can hold a request back. With a positive delay the next request therefore waits until
 * the previous one was sent, or its slot was freed, before its own delay starts.
 */

import { setTimeout as sleep } from 'node:timers/promises';

interface HostState {
  active: number;
  /** Earliest time (ms since the epoch) the next request to this host may start. */
  nextStartAt: number;
  /** Start or send time of the latest request, or null before the first. */
  lastStartAt: number | null;
  delayMs: number;
  waiters: Array<() => void>;
  /** Settles when the acquirer ahead in line has been sent, so the next one may count. */
  turn: Promise<void>;
  /** Ends the turn of the acquirer whose request has started but not yet been sent. */
  endPendingTurn: (() => void) | null;
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

  /**
   * Records that a request to `host` reached the socket at `sentAt` (ms since the epoch): the
   * next start keeps the delay from that moment. Hosts without a slot so far are ignored.
   */
  markSent(host: string, sentAt: number): void {
    const state = this.hosts.get(host);
    if (!state) return;
    state.lastStartAt = Math.max(state.lastStartAt ?? sentAt, sentAt);
    state.nextStartAt = Math.max(state.nextStartAt, sentAt + state.delayMs);
    state.endPendingTurn?.();
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
    let endTurn = (): void => {};
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      endTurn();
      state.active -= 1;
      state.waiters.shift()?.();
    };
    try {
      endTurn = await this.waitForTurn(state, signal);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  /**
   * Waits until the host's spacing allows a start, one acquirer at a time, and returns the
   * function that ends this acquirer's turn (idempotent). With a delay, the turn lasts until
   * `markSent` reports the request as sent or its slot is freed.
   */
  private async waitForTurn(state: HostState, signal?: AbortSignal): Promise<() => void> {
    const previous = state.turn;
    let resolveTurn = (): void => {};
    state.turn = new Promise<void>((resolve) => (resolveTurn = resolve));
    let ended = false;
    const endTurn = (): void => {
      if (ended) return;
      ended = true;
      if (state.endPendingTurn === endTurn) state.endPendingTurn = null;
      resolveTurn();
    };
    try {
      await previous;
      for (
        let wait = state.nextStartAt - Date.now();
        wait > 0;
        wait = state.nextStartAt - Date.now()
      ) {
        await sleep(wait, undefined, { signal });
      }
      signal?.throwIfAborted();
    } catch (error) {
      endTurn();
      throw error;
    }
    const now = Date.now();
    state.lastStartAt = now;
    state.nextStartAt = now + state.delayMs;
    if (state.delayMs > 0) state.endPendingTurn = endTurn;
    else endTurn();
    return endTurn;
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
        turn: Promise.resolve(),
        endPendingTurn: null,
      };
      this.hosts.set(host, state);
    }
    return state;
  }
}
