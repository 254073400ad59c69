/**
 * Chooses how the desktop shell shows a notice: as an OS notification when the platform
 * supports them, else in the app (`notifications:show` to the renderer). The missing
 * support is logged once, not per notice.
 */
import type { AppNotification } from '../../contract/notifications.ts';
import type { Logger } from '../log.ts';

export type NoticeRoute = 'os' | 'in_app';

export function createNotificationRouter(options: {
  osSupported: () => boolean;
  logger: Logger;
}): (notification: AppNotification) => NoticeRoute {
  let loggedUnsupported = false;
  return (notification) => {
    if (options.osSupported()) return 'os';
    if (!loggedUnsupported) {
      loggedUnsupported = true;
      options.logger.warn(
        { notificationId: notification.id },
        'OS notifications are not supported here; showing notices inside the window instead.',
      );
    }
    return 'in_app';
  };
}
