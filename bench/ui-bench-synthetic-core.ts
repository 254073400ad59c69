/**
 * The synthetic core of the UI benchmark. Playwright's addInitScript serialises
 * `installSyntheticCore` into the page, so the function must not reference anything
 * outside its own body. It defines `window.kai` with the preload's shape, generates the
 * jobs, sends progress events once the first row is on screen, and records frame deltas
 * into `window.kaiBench`.
 */

/** Settings of the synthetic core: job count, event rate and run time. */
export interface SyntheticCoreOptions {
  jobCount: number;
  updatesPerSecond: number;
  durationMs: number;
}

/** The measurements the page leaves in `window.kaiBench`. */
export interface BenchRecord {
  navigationStart: number;
  listAnsweredAt: number;
  firstRowAt: number;
  frameDeltas: number[];
  eventsSent: number;
  rowsAtEnd: number;
  /** Rendered rows whose progress bar differs from the last event, a frame after the end. */
  staleRowsAtEnd: number;
  done: boolean;
}

declare global {
  interface Window {
    kaiBench?: BenchRecord;
  }
}

/** Installs `window.kai` and the measurement hooks; runs in the page before its scripts. */
export function installSyntheticCore(options: SyntheticCoreOptions): void {
  const record: BenchRecord = {
    navigationStart: 0,
    listAnsweredAt: 0,
    firstRowAt: 0,
    frameDeltas: [],
    eventsSent: 0,
    rowsAtEnd: 0,
    staleRowsAtEnd: 0,
    done: false,
  };
  window.kaiBench = record;

  const statuses = ['pending', 'processing', 'completed', 'failed', 'cancelled'];
  const types = ['pdf_processing', 'web_scraping', 'xml_import'];
  const stages = ['pdf_loaded', 'text_extracted', 'tiles_generated', 'materials_extracted'];
  const now = Date.now();
  const jobs: Record<string, unknown>[] = [];
  for (let index = 0; index < options.jobCount; index += 1) {
    // Every fifth job is processing, so updates land on rows in view and off it.
    const status = statuses[index % 5]!;
    const created = new Date(now - index * 1_000).toISOString();
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    jobs.push({
      id,
      job_type: types[index % 3],
      status,
      progress: status === 'completed' ? 100 : (index * 7) % 100,
      current_stage: stages[index % stages.length],
      last_heartbeat: status === 'processing' ? new Date(now).toISOString() : null,
      document_id: null,
      filename: `supplier-catalog-${index}.pdf`,
      metadata: { source: `Supplier ${index % 40}` },
      created_at: created,
      started_at: created,
      completed_at: status === 'completed' ? created : null,
      failed_at: status === 'failed' ? created : null,
      updated_at: created,
      error: status === 'failed' ? `supplier-catalog-${index}.pdf: The file is not a PDF.` : null,
      retry_count: 0,
      next_attempt_at: null,
    });
  }
  const processing = jobs.filter((job) => job.status === 'processing');
  // Running jobs are the newest, so half the updates go to those in the first screenful
  // of rows. The other half spread over every processing job, mostly off screen.
  const onScreen = processing.slice(0, 8);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const unavailable = () =>
    Promise.resolve({ ok: false, error: { code: 'not_available', message: 'Not in the bench.' } });

  const list = (input: { limit?: number; createdTo?: string }) => {
    const limit = input.limit ?? 500;
    const before = input.createdTo ?? '9999';
    const page = jobs.filter((job) => (job.created_at as string) < before).slice(0, limit);
    record.listAnsweredAt = performance.now();
    return ok({
      jobs: page,
      total: jobs.filter((job) => (job.created_at as string) < before).length,
    });
  };

  const startUpdates = () => {
    const batchEveryMs = 50;
    const perBatch = Math.round((options.updatesPerSecond * batchEveryMs) / 1_000);
    let cursor = 0;
    const started = performance.now();
    let last = started;
    const frame = (time: number) => {
      record.frameDeltas.push(time - last);
      last = time;
      if (time - started < options.durationMs) requestAnimationFrame(frame);
    };
    requestAnimationFrame((time) => {
      last = time;
      requestAnimationFrame(frame);
    });
    const timer = setInterval(() => {
      if (performance.now() - started >= options.durationMs) {
        clearInterval(timer);
        // Two frames let the last batch reach the DOM before the rows are compared.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const rows = [...document.querySelectorAll<HTMLElement>('[role="row"][data-job-id]')];
            const byId = new Map(jobs.map((job) => [job.id as string, job]));
            record.rowsAtEnd = rows.length;
            record.staleRowsAtEnd = rows.filter((row) => {
              const progressShown = row
                .querySelector('[role="progressbar"]')
                ?.getAttribute('aria-valuenow');
              const job = byId.get(row.dataset.jobId ?? '');
              return (
                job !== undefined && Number(progressShown) !== Math.round(job.progress as number)
              );
            }).length;
            record.done = true;
          }),
        );
        return;
      }
      for (let count = 0; count < perBatch; count += 1) {
        const job =
          cursor % 2 === 0
            ? onScreen[(cursor / 2) % onScreen.length]!
            : processing[cursor % processing.length]!;
        cursor += 1;
        const progress = ((job.progress as number) + 1) % 100;
        const updated = { ...job, progress, updated_at: new Date().toISOString() };
        Object.assign(job, updated);
        for (const listener of listeners.get('jobs:changed') ?? []) listener({ job: updated });
        record.eventsSent += 1;
      }
    }, batchEveryMs);
  };

  const observer = new MutationObserver(() => {
    if (record.firstRowAt || !document.querySelector('[role="row"][data-job-id]')) return;
    record.firstRowAt = performance.now();
    observer.disconnect();
    startUpdates();
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true }),
  );

  const domain = (calls: Record<string, (input: never) => Promise<unknown>>) => calls;
  (window as unknown as { kai: unknown }).kai = {
    mode: 'electron',
    getPathForFile: () => '',
    on(event: string, listener: (payload: unknown) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    jobs: domain({ list, get: unavailable, retry: unavailable, cancel: unavailable }),
    settings: domain({
      get: () =>
        ok({
          dataDir: '/bench',
          concurrency: 2,
          heartbeatMs: 30_000,
          notifications: { enabled: false, doNotDisturb: false },
          restartRequired: false,
        }),
    }),
    notifications: domain({ state: () => ok({ unseenFailures: 0 }) }),
    scrapes: domain({ list: () => ok({ sessions: [] }) }),
    imports: domain({ list: () => ok({ imports: [] }) }),
  };
}
