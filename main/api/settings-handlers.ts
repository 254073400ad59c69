/** Handlers of `settings:*` and `notifications:*`. */
import type { CallHandlers } from './api-context.ts';

type SettingsCall =
  'settings:get' | 'settings:set' | 'notifications:state' | 'notifications:acknowledge';

export const settingsHandlers: CallHandlers<SettingsCall> = {
  'settings:get': async (_input, { settings }) => settings.view(),

  async 'settings:set'(input, { settings, logger }) {
    const view = await settings.update(input);
    logger.info({ change: input }, 'Settings saved.');
    return view;
  },

  'notifications:state': async (_input, { notifications }) => ({
    unseenFailures: notifications.unseenFailures,
  }),

  'notifications:acknowledge': async (_input, { notifications }) => ({
    unseenFailures: notifications.acknowledge(),
  }),
};
