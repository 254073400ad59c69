/**
 * Entry of a pipeline worker process (forked by `worker-process.ts`). It runs one task at a
 * time from `worker-tasks.ts` and pings the core every `KAI_WORKER_PING_MS`. The ping stops
 * when a task blocks the event loop, which is how the core detects a hung parser.
 */
import { serializeError } from './error-serialization.ts';
import type { FromWorkerMessage, ToWorkerMessage, WorkerTask } from './worker-protocol.ts';
import { workerTasks } from './worker-tasks.ts';

const send = (message: FromWorkerMessage) => process.send?.(message);
const controllers = new Map<number, AbortController>();

setInterval(() => send({ type: 'ping' }), Number(process.env.KAI_WORKER_PING_MS ?? 1_000));

process.on('message', (message: ToWorkerMessage) => {
  if (message.type === 'cancel') {
    controllers.get(message.callId)?.abort();
    return;
  }
  void runTask(message.callId, message.task, message.args);
});

process.on('disconnect', () => process.exit(0));

async function runTask(callId: number, name: string, args: unknown): Promise<void> {
  const task = workerTasks[name] as WorkerTask<unknown, unknown> | undefined;
  if (!task) {
    send({
      type: 'error',
      callId,
      error: { name: 'Error', message: `Unknown worker task ${name}.` },
    });
    return;
  }
  const controller = new AbortController();
  controllers.set(callId, controller);
  try {
    const value = await task(args, {
      signal: controller.signal,
      progress: (data) => send({ type: 'progress', callId, data }),
    });
    send({ type: 'result', callId, value });
  } catch (error) {
    send({ type: 'error', callId, error: serializeError(error) });
  } finally {
    controllers.delete(callId);
  }
}

send({ type: 'ready' });
