/**
 * Messages between the core and a pipeline worker process. The worker runs one task at a
 * time, sends `progress` while it works and a `ping` every `pingMs` so the core can tell a
 * busy worker from a hung one.
 */
export type ToWorkerMessage =
  | { type: 'call'; callId: number; task: string; args: unknown }
  | { type: 'cancel'; callId: number };

export type FromWorkerMessage =
  | { type: 'ready' }
  | { type: 'ping' }
  | { type: 'progress'; callId: number; data: unknown }
  | { type: 'result'; callId: number; value: unknown }
  | { type: 'error'; callId: number; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
  /** Fields of an InputError, so the core rebuilds the same class. */
  source?: string;
  location?: string;
  problem?: string;
  fix?: string;
  wrongPassword?: boolean;
}

/** A task the worker can run; `progress` sends a message to the core. */
export type WorkerTask<Args, Result> = (
  args: Args,
  tools: { progress(data: unknown): void; signal: AbortSignal },
) => Promise<Result>;
