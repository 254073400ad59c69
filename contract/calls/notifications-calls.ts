import { z } from 'zod';
import { defineCall } from '../call-spec.ts';

export interface NotificationState {
  /** Failures since the user last looked at them; the dock or taskbar badge shows it. */
  unseenFailures: number;
}

export const notificationsCalls = {
  'notifications:state': defineCall<NotificationState>()(z.strictObject({})),
  /** Marks every failure as seen (the user opened the failed queue); clears the badge. */
  'notifications:acknowledge': defineCall<NotificationState>()(z.strictObject({})),
};
