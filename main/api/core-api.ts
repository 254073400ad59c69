/**
 * `createCoreApi(core)`: every contract call over the core, with input validated by the
 * contract's schemas, and the contract's events from the engine. Electron's utility process
 * and browser mode both put a transport in front of it.
 */
import {
  CALLS,
  isCallName,
  type CallInput,
  type CallName,
  type CallResult,
} from '../../contract/calls.ts';
import type { EventName, EventPayload } from '../../contract/events.ts';
import { fail, ok, type Result } from '../../contract/result.ts';
import type { BackgroundJobRow } from '../../contract/rows.ts';
import type { Core } from '../core.ts';
import { importsRepository } from '../store/imports-repository.ts';
import { scrapingRepository } from '../store/scraping-repository.ts';
import type { NotificationPolicy } from '../notifications/notification-policy.ts';
import type { ApiContext, CallHandler } from './api-context.ts';
import { inputIssues, toFailure } from './api-errors.ts';
import { contentHandlers } from './content-handlers.ts';
import { fileHandlers } from './file-handlers.ts';
import { jobHandlers } from './job-handlers.ts';
import { JobEventCoalescer } from './job-event-coalescer.ts';
import { NotificationCenter } from './notification-center.ts';
import { pipelineHandlers } from './pipeline-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { SettingsState } from './settings-state.ts';

/** Receives every contract event. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface CoreApiOptions {
  /** Builds the URL for a data-folder file; see `ApiContext.assetUrl`. */
  assetUrl(relativePath: string): string;
  /** Window for coalescing `jobs:changed` per job, in ms; default 50. */
  coalesceMs?: number;
  notificationPolicy?: NotificationPolicy;
  now?: () => number;
}

export interface CoreApi {
  /** Runs a call from an untrusted transport: unknown names and bad input become results. */
  dispatch(call: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed form of `dispatch` for callers inside the core (tests, the CLI). */
  call<C extends CallName>(call: C, input?: CallInput<C>): Promise<CallResult<C>>;
  /** Subscribes to every event; returns the function that unsubscribes. */
  subscribe(sink: EventSink): () => void;
  /** Stops emitting events; the core itself stays open. */
  close(): void;
}

const handlers = {
  ...jobHandlers,
  ...fileHandlers,
  ...contentHandlers,
  ...settingsHandlers,
  ...pipelineHandlers,
} satisfies { [C in CallName]: CallHandler<C> };

/** Follows a job change with the import or scraping session row it belongs to. */
async function emitPipelineRow(core: Core, job: BackgroundJobRow, emit: EventSink): Promise<void> {
  const sql = core.database.sql;
  try {
    if (job.job_type === 'xml_import') {
      const importJob = await importsRepository.getByJob(sql, job.id);
      if (importJob) emit('imports:changed', { importJob });
    } else if (job.job_type === 'web_scraping') {
      const session = await scrapingRepository.getByJob(sql, job.id);
      if (session) emit('scrapes:changed', { session });
    }
  } catch (error) {
    core.logger.warn({ err: error, jobId: job.id }, 'Reading a changed import or session failed.');
  }
}

/** Creates the API over an open core. */
export async function createCoreApi(core: Core, options: CoreApiOptions): Promise<CoreApi> {
  const logger = core.logger.child({ component: 'api' });
  const sinks = new Set<EventSink>();
  const emit: EventSink = (event, payload) => {
    for (const sink of sinks) sink(event, payload);
  };
  const settings = await SettingsState.load(core);
  const notifications = new NotificationCenter({
    policy: options.notificationPolicy,
    preferences: () => settings.notifications,
    emit,
    now: options.now,
  });
  const coalescer = new JobEventCoalescer(core, {
    intervalMs: options.coalesceMs,
    onRow: (job) => {
      emit('jobs:changed', { job });
      void emitPipelineRow(core, job, emit);
    },
    onFinished: (job) => {
      if (job.status === 'failed') notifications.jobFailed(job);
    },
  });
  const context: ApiContext = {
    core,
    logger,
    settings,
    notifications,
    assetUrl: options.assetUrl,
    emit,
  };

  const dispatch = async (call: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isCallName(call)) {
      return fail('not_found', `Unknown call ${JSON.stringify(call)}; see contract/calls.ts.`);
    }
    const parsed = CALLS[call].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = inputIssues(parsed.error);
      const first = issues[0];
      const where = first?.path ? ` at ${first.path}` : '';
      return fail('invalid_input', `Invalid input for ${call}${where}: ${first?.message ?? ''}`, {
        issues,
      });
    }
    try {
      const handler = handlers[call] as CallHandler<CallName>;
      return ok(await handler(parsed.data as never, context));
    } catch (error) {
      return toFailure(error, call, logger);
    }
  };

  return {
    dispatch,
    call: (call, input) => dispatch(call, input) as never,
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    close() {
      coalescer.close();
      notifications.close();
      sinks.clear();
    },
  };
}
