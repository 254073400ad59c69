/**
 * Shows the core's notices as OS notifications; a click focuses the window and opens the
 * notice's target. Where the platform has no notifications, notices go to the renderer.
 */
import { Notification } from 'electron';
import type { AppNotification, NotificationTarget } from '../contract/notifications.ts';
import type { Logger } from '../main/log.ts';
import { createNotificationRouter } from '../main/shell/notification-router.ts';

export interface NoticeOutlets {
  /** Forwards the notice to the renderer as `notifications:show`. */
  showInApp(notification: AppNotification): void;
  /** Brings the window forward and shows `target` (sends `notifications:clicked`). */
  openTarget(target: NotificationTarget): void;
}

export function createOsNotifier(logger: Logger, outlets: NoticeOutlets) {
  const route = createNotificationRouter({ osSupported: () => Notification.isSupported(), logger });
  // Electron drops click handlers of notifications that were garbage-collected.
  const visible = new Set<Notification>();

  return (notification: AppNotification): void => {
    if (route(notification) === 'in_app') {
      outlets.showInApp(notification);
      return;
    }
    const osNotice = new Notification({ title: notification.title, body: notification.body });
    visible.add(osNotice);
    osNotice.on('click', () => {
      visible.delete(osNotice);
      outlets.openTarget(notification.target);
    });
    osNotice.on('close', () => visible.delete(osNotice));
    osNotice.on('failed', (_event, error) => {
      visible.delete(osNotice);
      logger.warn({ error, notificationId: notification.id }, 'OS notification failed.');
      outlets.showInApp(notification);
    });
    osNotice.show();
  };
}
