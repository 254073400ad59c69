/** The view a click on a notification opens. */
export type NotificationTarget =
  | { kind: 'job'; jobId: string }
  /** The queue filtered to failed jobs, for a summary of several failures. */
  | { kind: 'queue'; status: 'failed' };

/** A notice for the user, shown by the OS or in the app. */
export interface AppNotification {
  /** Unique per notice, so the UI can dismiss it. */
  id: string;
  kind: 'job_failed' | 'failures_summary';
  title: string;
  body: string;
  target: NotificationTarget;
  /** ISO 8601. */
  createdAt: string;
}
