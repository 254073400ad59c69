/**
 * Runs the notification policy on the real clock: records failures, sends the events the
 * policy decides on, and schedules the summary flush.
 */
import type { EventName, EventPayload } from '../../contract/events.ts';
import type { BackgroundJobRow } from '../../contract/rows.ts';
import {
  NotificationPolicy,
  type NotificationPreferences,
} from '../notifications/notification-policy.ts';

export interface NotificationCenterOptions {
  policy?: NotificationPolicy;
  preferences: () => NotificationPreferences;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  now?: () => number;
}

export class NotificationCenter {
  private readonly policy: NotificationPolicy;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: NotificationCenterOptions) {
    this.policy = options.policy ?? new NotificationPolicy();
    this.now = options.now ?? Date.now;
  }

  get unseenFailures(): number {
    return this.policy.unseenFailures;
  }

  /** Records a failed job and emits `jobs:failed`, its notice and the new badge count. */
  jobFailed(job: BackgroundJobRow): void {
    const decision = this.policy.recordFailure(job, this.now(), this.options.preferences());
    this.options.emit('jobs:failed', { job, ...decision });
    if (decision.notification) {
      this.options.emit('notifications:show', { notification: decision.notification });
    }
    this.options.emit('notifications:badge', { unseenFailures: decision.unseenFailures });
    this.schedule();
  }

  /** Marks failures seen and emits the cleared badge count. */
  acknowledge(): number {
    const unseen = this.policy.acknowledge();
    this.options.emit('notifications:badge', { unseenFailures: unseen });
    return unseen;
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const at = this.policy.nextFlushAt();
    if (at === null) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, at - this.now()));
    this.timer.unref();
  }

  private flush(): void {
    const summary = this.policy.flush(this.now());
    if (summary) this.options.emit('notifications:show', { notification: summary });
    this.schedule();
  }
}
