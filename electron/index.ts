/**
 * The Electron shell: app lifecycle, the main window, and the binding of the core. The core
 * runs in a utility process (`core-host.ts`). This process relays contract calls and events
 * between it and the window, and drives notifications, badge, taskbar progress and tray.
 */
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import type { JobCounts } from '../contract/calls/jobs-calls.ts';
import type { EventName, EventPayloads } from '../contract/events.ts';
import type { NotificationTarget } from '../contract/notifications.ts';
import { createLogger } from '../main/log.ts';
import { APP_ID } from '../main/shell/app-identity.ts';
import { desktopDataDir } from '../main/shell/desktop-data-dir.ts';
import { QueueProgress } from '../main/shell/queue-status.ts';
import { handleAssetProtocol, registerAssetScheme } from './asset-protocol.ts';
import { startCoreHost, type CoreHost } from './core-host.ts';
import { registerIpcHandlers, type IpcBinding } from './ipc-handlers.ts';
import { createMainWindow, hardenSession, rendererUrl } from './main-window.ts';
import { createOsNotifier } from './os-notifications.ts';
import { createQueueTray, type QueueTray } from './tray.ts';

// The desktop app and the kai CLI share one data folder (KAI_DATA_DIR or the default).
const dataDir = desktopDataDir();
const logger = createLogger({ destination: join(dataDir, 'logs', 'kai.log') }).child({
  process: 'shell',
});
const TRAY_REFRESH_MS = 1_000;

let window: BrowserWindow | null = null;
let host: CoreHost | undefined;
let ipc: IpcBinding | undefined;
let tray: QueueTray | undefined;
let quitting = false;

function showWindow(): void {
  if (!window || window.isDestroyed()) window = createMainWindow(logger);
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function openTarget(target: NotificationTarget): void {
  showWindow();
  ipc?.send('notifications:clicked', { target });
}

/** Relays core events to the window and updates the shell's own indicators. */
function bindCoreEvents(core: CoreHost): void {
  const progress = new QueueProgress();
  const notify = createOsNotifier(logger, {
    showInApp: (notification) => ipc?.send('notifications:show', { notification }),
    openTarget,
  });
  let trayTimer: NodeJS.Timeout | undefined;
  const refreshTray = () => {
    trayTimer ??= setTimeout(async () => {
      trayTimer = undefined;
      const counts = await core.client.call('jobs:counts', {});
      if (counts.ok) tray?.update(counts.value as JobCounts);
    }, TRAY_REFRESH_MS);
  };

  core.client.onEvent((event: EventName, payload: unknown) => {
    if (event === 'notifications:show') {
      notify((payload as EventPayloads['notifications:show']).notification);
      return;
    }
    if (event === 'notifications:badge') {
      app.setBadgeCount((payload as EventPayloads['notifications:badge']).unseenFailures);
    }
    if (event === 'jobs:changed') {
      const { job } = payload as EventPayloads['jobs:changed'];
      if (progress.update(job)) window?.setProgressBar(progress.value());
      refreshTray();
    }
    ipc?.send(event, payload);
  });
  refreshTray();
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  hardenSession(logger);
  handleAssetProtocol(dataDir, logger);

  host = startCoreHost(dataDir, logger);
  const core = host;
  ipc = registerIpcHandlers({
    window: () => (window && !window.isDestroyed() ? window : null),
    rendererUrl: rendererUrl(),
    forward: (call, input) => core.client.call(call, input),
    logger,
  });
  bindCoreEvents(core);
  tray = createQueueTray({ show: showWindow, quit: () => app.quit() });
  showWindow();

  try {
    await core.client.ready;
    logger.info({ dataDir }, 'Core ready.');
  } catch (error) {
    logger.error({ err: error, dataDir }, 'The core failed to start.');
  }
}

async function stop(): Promise<void> {
  tray?.destroy();
  ipc?.dispose();
  await host?.stop();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAssetScheme();
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Stop the engine and close the store before exiting, so running jobs return to
    // pending and the data folder's lock is released.
    event.preventDefault();
    quitting = true;
    void stop().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
