import type { CallName, CallOutput, ParsedCallInput } from '../../contract/calls.ts';
import type { EventName, EventPayload } from '../../contract/events.ts';
import type { Core } from '../core.ts';
import type { Logger } from '../log.ts';
import type { SettingsState } from './settings-state.ts';
import type { NotificationCenter } from './notification-center.ts';

/** The services every call handler receives besides its validated input. */
export interface ApiContext {
  core: Core;
  logger: Logger;
  settings: SettingsState;
  notifications: NotificationCenter;
  /** Builds the URL the UI loads a data-folder file from (relative `/`-separated path). */
  assetUrl(relativePath: string): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type CallHandler<C extends CallName> = (
  input: ParsedCallInput<C>,
  context: ApiContext,
) => Promise<CallOutput<C>>;

/** Handlers for a subset of the calls, keyed by channel. */
export type CallHandlers<C extends CallName> = { [K in C]: CallHandler<K> };
