import { contextBridge } from 'electron';

/** The API the renderer sees as `window.kai`. */
const api = {
  platform: process.platform,
};

export type KaiBridge = typeof api;

contextBridge.exposeInMainWorld('kai', api);
