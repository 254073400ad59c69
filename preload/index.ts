/**
 * The sandboxed preload: exposes `window.kai`, one named function per contract call
 * (`kai.jobs.list(input)`), event subscription limited to the contract's events, and
 * `getPathForFile`. The renderer never gets `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createKaiClient, type CallTransport } from '../contract/client.ts';
import { isEventName } from '../contract/events.ts';
import { fail } from '../contract/result.ts';

const transport: CallTransport = {
  call: (name, input) =>
    ipcRenderer
      .invoke(name, input)
      .catch((error: unknown) =>
        fail('disconnected', `${name} failed in IPC: ${(error as Error).message}`),
      ),
  subscribe(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}.`);
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, relay);
    return () => {
      ipcRenderer.removeListener(event, relay);
    };
  },
};

const kai = createKaiClient(transport, {
  mode: 'electron',
  // Returns '' for files that have no path (dragged from a browser or an archive viewer),
  // so the renderer uploads their bytes instead.
  getPathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('kai', kai);
