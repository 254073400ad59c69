/**
 * Binds the contract to Electron IPC: one `ipcMain.handle` per call, generated from the
 * contract, so no channel string is written by hand.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CALLS, type CallName } from '../contract/calls.ts';
import type { EventName } from '../contract/events.ts';
import type { Result } from '../contract/result.ts';
import type { Logger } from '../main/log.ts';
import { createIpcCallHandler } from '../main/shell/ipc-dispatch.ts';
import {
  isTrustedSender,
  type SenderInfo,
  type TrustedOrigin,
} from '../main/shell/sender-check.ts';

export interface IpcBinding {
  /** Sends an event to the window; dropped while there is none. */
  send(event: EventName, payload: unknown): void;
  dispose(): void;
}

export function registerIpcHandlers(options: {
  window: () => { webContents: WebContents } | null;
  rendererUrl: string;
  forward(call: CallName, input: unknown): Promise<Result<unknown>>;
  logger: Logger;
}): IpcBinding {
  const trusted = (): TrustedOrigin | null => {
    const window = options.window();
    return window
      ? { webContentsId: window.webContents.id, rendererUrl: options.rendererUrl }
      : null;
  };
  const names = Object.keys(CALLS) as CallName[];
  for (const name of names) {
    const handler = createIpcCallHandler(name, {
      isTrusted: (sender) => {
        const origin = trusted();
        return origin !== null && isTrustedSender(sender, origin);
      },
      forward: options.forward,
      logger: options.logger,
    });
    ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown) =>
      handler(senderInfo(event), input),
    );
  }

  return {
    send(event, payload) {
      const window = options.window();
      if (window && !window.webContents.isDestroyed()) window.webContents.send(event, payload);
    },
    dispose() {
      for (const name of names) ipcMain.removeHandler(name);
    },
  };
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  return { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url ?? null };
}
