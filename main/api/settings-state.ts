/** The settings calls' state: saved settings in memory, the running engine's values. */
import type { Settings } from '../../contract/calls/settings-calls.ts';
import type { Core } from '../core.ts';
import type { NotificationPreferences } from '../notifications/notification-policy.ts';
import {
  loadSettings,
  saveSettings,
  type SavedSettings,
  type SettingsPatch,
} from '../settings/settings-store.ts';

export class SettingsState {
  private saved: SavedSettings;

  private constructor(
    private readonly core: Core,
    saved: SavedSettings,
  ) {
    this.saved = saved;
  }

  /** Loads the data folder's saved settings. */
  static async load(core: Core): Promise<SettingsState> {
    return new SettingsState(core, await loadSettings(core.database.dataDir, core.logger));
  }

  get notifications(): NotificationPreferences {
    return this.saved.notifications;
  }

  /** Returns the settings as the settings view shows them. */
  view(): Settings {
    const running = this.core.engine.settings;
    const concurrency = this.saved.concurrency ?? running.concurrency;
    const heartbeatMs = this.saved.heartbeatMs ?? running.heartbeatMs;
    return {
      dataDir: this.core.database.dataDir,
      concurrency,
      heartbeatMs,
      stallAfterMs: running.stallAfterMs,
      notifications: { ...this.saved.notifications },
      restartRequired: concurrency !== running.concurrency || heartbeatMs !== running.heartbeatMs,
    };
  }

  /** Saves `patch` and returns the new view. */
  async update(patch: SettingsPatch): Promise<Settings> {
    this.saved = await saveSettings(this.core.database.dataDir, patch, this.core.logger);
    return this.view();
  }
}
