import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../contract/calls/settings-calls.ts';
import { useApi } from '../../hooks/api-context.tsx';
import { formatDuration } from '../../lib/format.ts';
import { useAppStore } from '../../store/app-store.ts';
import { STALL_HEARTBEATS } from '../../store/settings-slice.ts';

interface Draft {
  concurrency: number;
  heartbeatSeconds: number;
  notificationsEnabled: boolean;
  doNotDisturb: boolean;
}

function draftOf(settings: Settings): Draft {
  return {
    concurrency: settings.concurrency,
    heartbeatSeconds: settings.heartbeatMs / 1_000,
    notificationsEnabled: settings.notifications.enabled,
    doNotDisturb: settings.notifications.doNotDisturb,
  };
}

/** Renders the core's settings: data folder (read-only), concurrency, heartbeat, notifications. */
export function SettingsView() {
  const api = useApi();
  const settings = useAppStore((state) => state.settings);
  const theme = useAppStore((state) => state.theme);
  const setTheme = useAppStore((state) => state.setTheme);
  const [draft, setDraft] = useState<Draft | null>(settings ? draftOf(settings) : null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (settings && !draft) setDraft(draftOf(settings));
  }, [settings, draft]);

  if (!settings || !draft) {
    return (
      <div className="view">
        <h1>Settings</h1>
        <p className="muted">Loading settings…</p>
      </div>
    );
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.settings.set({
      concurrency: draft.concurrency,
      heartbeatMs: Math.round(draft.heartbeatSeconds * 1_000),
      notifications: { enabled: draft.notificationsEnabled, doNotDisturb: draft.doNotDisturb },
    });
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    useAppStore.getState().setSettings(result.value);
    setDraft(draftOf(result.value));
    setMessage({ tone: 'ok', text: 'Settings saved.' });
  };

  const update = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const stallMs = draft.heartbeatSeconds * 1_000 * STALL_HEARTBEATS;

  return (
    <div className="view settings-view">
      <div className="view-header">
        <h1>Settings</h1>
      </div>
      <form className="panel settings-form" onSubmit={(event) => void save(event)}>
        <label className="field">
          <span>Data folder (set with --data-dir or KAI_DATA_DIR when the core starts)</span>
          <input type="text" readOnly value={settings.dataDir} />
        </label>
        <label className="field">
          <span>Jobs run at once (1 to 16)</span>
          <input
            type="number"
            min={1}
            max={16}
            required
            value={draft.concurrency}
            onChange={(event) => update({ concurrency: Number(event.target.value) })}
          />
        </label>
        <label className="field">
          <span>Heartbeat interval in seconds (1 to 600)</span>
          <input
            type="number"
            min={1}
            max={600}
            step={1}
            required
            value={draft.heartbeatSeconds}
            onChange={(event) => update({ heartbeatSeconds: Number(event.target.value) })}
          />
        </label>
        <p className="muted">
          A running job with no heartbeat for {formatDuration(stallMs)} ({STALL_HEARTBEATS}{' '}
          intervals) is stalled and requeued.
        </p>
        <fieldset>
          <legend>Notifications of failed jobs</legend>
          <label>
            <input
              type="checkbox"
              checked={draft.notificationsEnabled}
              onChange={(event) => update({ notificationsEnabled: event.target.checked })}
            />
            Show system notifications
          </label>
          <label>
            <input
              type="checkbox"
              checked={draft.doNotDisturb}
              onChange={(event) => update({ doNotDisturb: event.target.checked })}
            />
            Do not disturb (failures are still counted on the badge)
          </label>
        </fieldset>
        {settings.restartRequired ? (
          <p className="warning" role="status">
            Restart the console to apply the new concurrency or heartbeat.
          </p>
        ) : null}
        <div className="form-row">
          <button type="submit" className="primary">
            Save settings
          </button>
          {message ? (
            <span role="status" className={message.tone === 'error' ? 'error-text' : 'ok-text'}>
              {message.text}
            </span>
          ) : null}
        </div>
      </form>
      <section className="panel" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        <label className="field">
          <span>Theme</span>
          <select value={theme} onChange={(event) => setTheme(event.target.value as typeof theme)}>
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </section>
    </div>
  );
}
