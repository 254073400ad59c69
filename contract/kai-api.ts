/**
 * `KaiApi`: the object the renderer talks to. In Electron the preload exposes it as
 * `window.kai`; in browser mode `connectKaiWebSocket` builds the same shape. Each call
 * `domain:verb` is the function `kai.domain.verb(input)`.
 */
import type { CallInput, CallName, CallResult } from './calls.ts';
import type { EventName, EventPayload } from './events.ts';

type DomainOf<C extends string> = C extends `${infer Domain}:${string}` ? Domain : never;

/** A call's function; the input is optional when every field of it is. */
export type CallFunction<C extends CallName> =
  object extends CallInput<C>
    ? (input?: CallInput<C>) => Promise<CallResult<C>>
    : (input: CallInput<C>) => Promise<CallResult<C>>;

/** The calls grouped by domain: `jobs:list` becomes `jobs.list`. */
export type KaiCalls = {
  [Domain in DomainOf<CallName>]: {
    [C in CallName as C extends `${Domain}:${infer Verb}` ? Verb : never]: CallFunction<C>;
  };
};

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

export interface KaiApi extends KaiCalls {
  /** The UI's host: the Electron window, or a browser tab served by `kai serve`. */
  readonly mode: 'electron' | 'browser';
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /**
   * Returns the path of a dropped or picked file on the core's machine, or '' when it has
   * none (always so in browser mode). For '', read the file's bytes and call `files.upload`.
   */
  getPathForFile(file: File): string;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    kai?: KaiApi;
  }
}
