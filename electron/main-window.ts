/**
 * The main window, locked down: isolated and sandboxed renderer without Node, a CSP, no
 * navigation away from the app, no new windows (http and https links open in the browser),
 * and every permission request denied.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, shell } from 'electron';
import type { Logger } from '../main/log.ts';
import { ASSET_SCHEME } from '../main/shell/app-identity.ts';
import { RENDERER_CSP } from '../main/server/security-headers.ts';

const INDEX_HTML = join(import.meta.dirname, '../renderer/index.html');

/** Returns the renderer's entry URL: the dev server while developing, else index.html. */
export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(INDEX_HTML).toString();
}

/** Applies the CSP header (the dev server sends none) and denies all permission requests. */
export function hardenSession(logger: Logger): void {
  const csp = RENDERER_CSP.replace("img-src 'self'", `img-src 'self' ${ASSET_SCHEME}:`);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, permission, callback) => {
    logger.warn({ permission }, 'Permission request denied.');
    callback(false);
  });
}

export function createMainWindow(logger: Logger): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'KAI Console',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click would otherwise request a new window; that is denied anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) void shell.openExternal(url);
    else logger.warn({ url }, 'Window open to a non-web URL blocked.');
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isWebLink(url)) void shell.openExternal(url);
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(INDEX_HTML);
  return window;
}

function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
