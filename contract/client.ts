/**
 * Builds a `KaiApi` over any transport that can send a call and deliver events, applying
 * each call's timeout on the client side so a lost reply becomes a `timeout` result.
 */
import { CALLS, type CallName } from './calls.ts';
import type { EventName } from './events.ts';
import type { KaiApi } from './kai-api.ts';
import { fail, type Result } from './result.ts';

/** The minimum a transport provides; it never rejects, failures are results. */
export interface CallTransport {
  call(name: CallName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export interface KaiClientOptions {
  mode: KaiApi['mode'];
  getPathForFile?: (file: File) => string;
  /** Overrides the contract's timeouts, in ms (tests use short ones). */
  timeoutMs?: number;
}

/** Creates the nested `kai.domain.verb()` object for `transport`. */
export function createKaiClient(transport: CallTransport, options: KaiClientOptions): KaiApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(CALLS) as CallName[]) {
    const [domain, verb] = name.split(':') as [string, string];
    const timeoutMs = options.timeoutMs ?? CALLS[name].timeoutMs;
    domains[domain] ??= {};
    domains[domain][verb] = (input?: unknown) =>
      callWithTimeout(transport, name, input ?? {}, timeoutMs);
  }
  return {
    ...domains,
    mode: options.mode,
    on: (event: EventName, listener: (payload: unknown) => void) =>
      transport.subscribe(event, listener),
    getPathForFile: options.getPathForFile ?? (() => ''),
  } as unknown as KaiApi;
}

/** Sends one call; resolves with a `timeout` result if no reply comes in `timeoutMs`. */
export function callWithTimeout(
  transport: Pick<CallTransport, 'call'>,
  name: CallName,
  input: unknown,
  timeoutMs: number,
): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve(fail('timeout', `${name} got no reply within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
    transport.call(name, input).then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve(fail('disconnected', `${name} failed in transport: ${String(error)}`));
      },
    );
  });
}
