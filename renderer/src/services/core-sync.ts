import type { EventPayloads } from '../../../contract/events.ts';
import type { KaiApi } from '../../../contract/kai-api.ts';
import type { BackgroundJobRow } from '../../../contract/rows.ts';
import type { AppStore } from '../store/app-store.ts';
import type { CoreConnection } from '../transport/connect-core.ts';
import { fetchAllJobs } from './job-loader.ts';
import { showTarget } from './navigation.ts';
import { errorNotice } from './notice-factory.ts';

/** How often the stall badges re-check heartbeat ages, in ms. */
const CLOCK_TICK_MS = 5_000;

/**
 * Feeds the store from the core: the initial lists, every event, and a full reload after a
 * reconnection, when events may have been missed. Job changes are applied once per
 * animation frame, so a burst of progress events costs one render. Returns a stop function.
 */
export function startCoreSync(connection: CoreConnection, store: AppStore): () => void {
  const { api } = connection;
  const buffered = new Map<string, BackgroundJobRow>();
  let frame: number | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  // Changes that arrive while `jobs:list` is in flight are newer than its reply, or jobs it
  // missed, so they are applied again on top of it.
  let duringLoad: Map<string, BackgroundJobRow> | null = null;
  let loadGeneration = 0;

  const flush = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(fallback);
    frame = undefined;
    fallback = undefined;
    if (buffered.size === 0) return;
    const rows = [...buffered.values()];
    buffered.clear();
    store.getState().upsertJobs(rows);
  };

  const queueJob = (job: BackgroundJobRow) => {
    buffered.set(job.id, job);
    duringLoad?.set(job.id, job);
    if (frame !== undefined) return;
    frame = requestAnimationFrame(flush);
    // Hidden tabs get no animation frames; the timer keeps the store current there.
    fallback = setTimeout(flush, 250);
  };

  const loadJobs = async () => {
    const generation = ++loadGeneration;
    duringLoad = new Map();
    store.getState().setJobsStatus('loading');
    const result = await fetchAllJobs(api);
    if (generation !== loadGeneration) return;
    const missed = [...(duringLoad?.values() ?? [])];
    duringLoad = null;
    if (!result.ok) {
      store.getState().setJobsStatus('error', result.error.message);
      return;
    }
    store.getState().replaceJobs(result.value);
    store.getState().upsertJobs(missed);
  };

  const loadEverything = () => {
    void loadJobs();
    void loadSettings(api, store);
    void loadSideLists(api, store);
  };

  const unsubscribers = [
    // The first open and every reconnection load everything again.
    connection.onStateChange((state) => {
      store.getState().setConnection(state);
      if (state === 'open') loadEverything();
    }),
    api.on('jobs:changed', ({ job }) => queueJob(job)),
    api.on('jobs:deleted', ({ ids }) => {
      flush();
      for (const id of ids) buffered.delete(id);
      store.getState().removeJobs(ids);
    }),
    api.on('jobs:failed', (payload) => onFailed(store, payload, queueJob)),
    api.on('notifications:show', ({ notification }) => store.getState().pushNotice(notification)),
    api.on('notifications:badge', ({ unseenFailures }) =>
      store.getState().setUnseenFailures(unseenFailures),
    ),
    api.on('notifications:clicked', ({ target }) => showTarget(store, target)),
    api.on('scrapes:changed', ({ session }) => store.getState().upsertSession(session)),
    api.on('imports:changed', ({ importJob }) => store.getState().upsertImport(importJob)),
  ];

  const clock = setInterval(() => store.getState().tick(Date.now()), CLOCK_TICK_MS);

  return () => {
    clearInterval(clock);
    flush();
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

function onFailed(
  store: AppStore,
  payload: EventPayloads['jobs:failed'],
  queueJob: (job: BackgroundJobRow) => void,
): void {
  queueJob(payload.job);
  const state = store.getState();
  state.setUnseenFailures(payload.unseenFailures);
  if (payload.notification) state.pushNotice(payload.notification);
}

async function loadSettings(api: KaiApi, store: AppStore): Promise<void> {
  const [settings, notifications] = await Promise.all([
    api.settings.get({}),
    api.notifications.state({}),
  ]);
  if (settings.ok) store.getState().setSettings(settings.value);
  else store.getState().pushNotice(errorNotice('Settings could not be loaded', settings.error));
  if (notifications.ok) store.getState().setUnseenFailures(notifications.value.unseenFailures);
}

async function loadSideLists(api: KaiApi, store: AppStore): Promise<void> {
  const [sessions, imports] = await Promise.all([api.scrapes.list(), api.imports.list()]);
  if (sessions.ok) store.getState().replaceSessions(sessions.value.sessions);
  if (imports.ok) store.getState().replaceImports(imports.value.imports);
}
