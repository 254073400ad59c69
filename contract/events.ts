/** Every event from the core to the renderer, keyed by its `domain:verb` channel. */
import type { AppNotification, NotificationTarget } from './notifications.ts';
import type { BackgroundJobRow, DataImportJobRow, ScrapingSessionRow } from './rows.ts';

export interface EventPayloads {
  /** A job's row after a change; bursts are coalesced to one event per job per ~50 ms. */
  'jobs:changed': { job: BackgroundJobRow };
  /** Jobs removed by `jobs:delete` (from any window or browser tab). */
  'jobs:deleted': { ids: string[] };
  /**
   * A job reached `failed`. `notification` is its notice (also sent as `notifications:show`,
   * which is what the UI displays), or null when it was folded into a summary or muted.
   */
  'jobs:failed': {
    job: BackgroundJobRow;
    notification: AppNotification | null;
    unseenFailures: number;
  };
  /** An in-app notice: the browser-mode UI, do-not-disturb off, or no OS notifications. */
  'notifications:show': { notification: AppNotification };
  /** The unseen-failure count changed (a failure, or `notifications:acknowledge`). */
  'notifications:badge': { unseenFailures: number };
  /** The user clicked an OS notification; the UI shows its target. */
  'notifications:clicked': { target: NotificationTarget };
  'scrapes:changed': { session: ScrapingSessionRow };
  'imports:changed': { importJob: DataImportJobRow };
}

export type EventName = keyof EventPayloads;
export type EventPayload<E extends EventName> = EventPayloads[E];

/** The event channels as a run-time list, for transports that subscribe to each. */
export const EVENT_NAMES = [
  'jobs:changed',
  'jobs:deleted',
  'jobs:failed',
  'notifications:show',
  'notifications:badge',
  'notifications:clicked',
  'scrapes:changed',
  'imports:changed',
] as const satisfies readonly EventName[];

// Compile-time check that EVENT_NAMES lists every key of EventPayloads.
type MissingEventName = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const everyEventListed: [MissingEventName] extends [never] ? true : MissingEventName = true;
void everyEventListed;

/** Returns true when `name` is an event channel of the contract. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
