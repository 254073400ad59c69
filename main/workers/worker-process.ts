import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.ts';
import { JobCancelledError, TransientError } from '../jobs/job-errors.ts';
import { deserializeError } from './error-serialization.ts';
import type { FromWorkerMessage, ToWorkerMessage } from './worker-protocol.ts';

export interface WorkerProcessOptions {
  logger: Logger;
  /** Called on every message from the worker: the job's liveness signal. */
  onAlive?: () => void;
  /** Called once, when the worker has loaded and sent its first message. */
  onReady?: () => void;
  /** How often the worker pings, in ms. */
  pingMs?: number;
  /** Worker entry file; defaults to `worker-entry.ts` next to this file (or its build). */
  entry?: string;
  /**
   * How long a starting worker counts as alive before its first message, in ms; default
   * 60,000. Loading pdfjs and sharp takes seconds on a busy machine, before any ping.
   */
  startupGraceMs?: number;
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (data: unknown) => void;
  task: string;
}

/**
 * One pipeline worker: a child process that runs heavy tasks (PDF parsing, rendering,
 * tiling, embeddings) off the core's event loop. A crash or hang kills only the worker; the
 * calls in flight reject with a `TransientError` and the engine decides about retries.
 */
export class WorkerProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, PendingCall>();
  private readonly logger: Logger;
  private nextCallId = 1;
  private exited = false;
  private startupTimer: NodeJS.Timeout | undefined;

  constructor(options: WorkerProcessOptions) {
    this.logger = options.logger;
    const entry = options.entry ?? defaultWorkerEntry();
    this.child = fork(entry, [], {
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, KAI_WORKER_PING_MS: String(options.pingMs ?? 1_000) },
    });
    const startedAt = Date.now();
    const graceMs = options.startupGraceMs ?? 60_000;
    const pingMs = options.pingMs ?? 1_000;
    this.startupTimer = setInterval(() => {
      if (Date.now() - startedAt > graceMs) this.stopStartupGrace();
      else options.onAlive?.();
    }, pingMs);
    this.child.on('message', (message: FromWorkerMessage) => {
      if (this.startupTimer) options.onReady?.();
      this.stopStartupGrace();
      options.onAlive?.();
      this.handleMessage(message);
    });
    this.child.on('exit', (code, signal) => {
      this.stopStartupGrace();
      this.handleExit(code, signal);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Runs `task` in the worker; `signal` kills the worker, since pdfjs work cannot be interrupted. */
  call<T>(
    task: string,
    args: unknown,
    options: { onProgress?: (data: unknown) => void; signal?: AbortSignal } = {},
  ): Promise<T> {
    if (this.exited) return Promise.reject(workerGone(task, null, null));
    options.signal?.throwIfAborted();

    const callId = this.nextCallId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(callId);
        reject(options.signal?.reason ?? new JobCancelledError(''));
        this.kill();
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(callId, {
        task,
        onProgress: options.onProgress,
        resolve: (value) => {
          options.signal?.removeEventListener('abort', onAbort);
          resolve(value as T);
        },
        reject: (error) => {
          options.signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      const message: ToWorkerMessage = { type: 'call', callId, task, args };
      this.child.send(message);
    });
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Stops the worker and waits for its exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  private stopStartupGrace(): void {
    clearInterval(this.startupTimer);
    this.startupTimer = undefined;
  }

  private handleMessage(message: FromWorkerMessage): void {
    if (message.type === 'ping' || message.type === 'ready') return;
    const call = this.pending.get(message.callId);
    if (!call) return;
    if (message.type === 'progress') {
      call.onProgress?.(message.data);
      return;
    }
    this.pending.delete(message.callId);
    if (message.type === 'result') call.resolve(message.value);
    else call.reject(deserializeError(message.error));
  }

  private handleExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    for (const [callId, call] of this.pending) {
      this.pending.delete(callId);
      this.logger.warn({ task: call.task, code, signal }, 'Worker exited during a task.');
      call.reject(workerGone(call.task, code, signal));
    }
  }
}

function workerGone(
  task: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): TransientError {
  const ending = signal ? `was killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
  return new TransientError(
    'worker_crashed',
    `The pipeline worker ${ending} while running ${task}. The job resumes from its last checkpoint on retry.`,
  );
}

function defaultWorkerEntry(): string {
  const modulePath = fileURLToPath(import.meta.url);
  return modulePath.replace(/worker-process\.(ts|js|mjs)$/, 'worker-entry.$1');
}
