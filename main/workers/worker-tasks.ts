import { pdfWorkerTasks } from './pdf-worker-tasks.ts';
import type { WorkerTask } from './worker-protocol.ts';

/** Every task a pipeline worker runs, by name. */
export const workerTasks: Record<string, WorkerTask<never, unknown> | undefined> = {
  ...pdfWorkerTasks,
};
