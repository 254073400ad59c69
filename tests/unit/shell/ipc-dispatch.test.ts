import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../../contract/result.ts';
import { silentLogger } from '../../../main/log.ts';
import { createIpcCallHandler } from '../../../main/shell/ipc-dispatch.ts';

const trustedSender = { webContentsId: 1, frameUrl: 'file:///app/index.html' };

function handlerFor(trusted: boolean) {
  const forwarded: unknown[] = [];
  const handler = createIpcCallHandler('jobs:list', {
    isTrusted: () => trusted,
    forward: async (_call, input): Promise<Result<unknown>> => {
      forwarded.push(input);
      return ok({ jobs: [], total: 0 });
    },
    logger: silentLogger,
  });
  return { handler, forwarded };
}

describe('unit', () => {
  it('trusted valid call is forwarded', async () => {
    const { handler, forwarded } = handlerFor(true);
    const result = await handler(trustedSender, { statuses: ['failed'] });
    expect(result).toEqual(ok({ jobs: [], total: 0 }));
    expect(forwarded).toEqual([{ statuses: ['failed'] }]);
  });

  it('untrusted sender is rejected', async () => {
    const { handler, forwarded } = handlerFor(false);
    const result = await handler(trustedSender, {});
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
    expect(forwarded).toEqual([]);
  });

  it('invalid input never reaches the core', async () => {
    const { handler, forwarded } = handlerFor(true);
    const result = await handler(trustedSender, { statuses: ['exploded'] });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    expect(forwarded).toEqual([]);
  });

  it('missing input counts as empty', async () => {
    const { handler, forwarded } = handlerFor(true);
    await handler(trustedSender, undefined);
    expect(forwarded).toEqual([{}]);
  });
});
