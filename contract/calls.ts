/**
 * Every call from the renderer to the core, keyed by its `domain:verb` channel. Transports
 * (Electron IPC, the browser-mode WebSocket, the utility-process MessagePort) carry the
 * channel, the input and the result unchanged.
 */
import type { z } from 'zod';
import { filesCalls } from './calls/files-calls.ts';
import { importsCalls } from './calls/imports-calls.ts';
import { jobsCalls } from './calls/jobs-calls.ts';
import { materialsCalls } from './calls/materials-calls.ts';
import { notificationsCalls } from './calls/notifications-calls.ts';
import { scrapesCalls } from './calls/scrapes-calls.ts';
import { settingsCalls } from './calls/settings-calls.ts';
import type { Result } from './result.ts';

export const CALLS = {
  ...jobsCalls,
  ...filesCalls,
  ...materialsCalls,
  ...settingsCalls,
  ...notificationsCalls,
  ...importsCalls,
  ...scrapesCalls,
};

export type Calls = typeof CALLS;
export type CallName = keyof Calls;

/** The input a caller passes, where fields with defaults may be left out. */
export type CallInput<C extends CallName> = z.input<Calls[C]['input']>;
/** The input after validation, defaults applied; what the core's handler receives. */
export type ParsedCallInput<C extends CallName> = z.output<Calls[C]['input']>;
export type CallOutput<C extends CallName> = NonNullable<Calls[C]['output']>;
export type CallResult<C extends CallName> = Result<CallOutput<C>>;

/** Returns true when `name` is a channel of the contract. */
export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(CALLS, name);
}
