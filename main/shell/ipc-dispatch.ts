/**
 * The main-process side of each IPC call: drop untrusted senders, validate the input with
 * the contract's schema, then forward it to the core. Electron binds it with one
 * `ipcMain.handle` per channel.
 */
import { CALLS, type CallName } from '../../contract/calls.ts';
import { fail, type Result } from '../../contract/result.ts';
import { inputIssues } from '../api/api-errors.ts';
import type { Logger } from '../log.ts';
import type { SenderInfo } from './sender-check.ts';

export interface IpcDispatchOptions {
  isTrusted(sender: SenderInfo): boolean;
  forward(call: CallName, input: unknown): Promise<Result<unknown>>;
  logger: Logger;
}

export type IpcCallHandler = (sender: SenderInfo, input: unknown) => Promise<Result<unknown>>;

/** Creates the handler of one channel. */
export function createIpcCallHandler(call: CallName, options: IpcDispatchOptions): IpcCallHandler {
  return async (sender, input) => {
    if (!options.isTrusted(sender)) {
      options.logger.warn(
        { call, webContentsId: sender.webContentsId, frameUrl: sender.frameUrl },
        'IPC call from an untrusted sender dropped.',
      );
      return fail('forbidden', `${call} was rejected: the sender is not the KAI Console window.`);
    }
    const parsed = CALLS[call].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = inputIssues(parsed.error);
      return fail('invalid_input', `Invalid input for ${call}: ${issues[0]?.message ?? ''}`, {
        issues,
      });
    }
    return options.forward(call, input ?? {});
  };
}
