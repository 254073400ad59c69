/**
 * The `web_scraping` job: one `scraping_sessions` row whose frontier and page results live in
 * `scraping_pages`. Stages: `site_discovered` (the start URL is valid and queued),
 * `pages_scraped` (the crawl) and `session_completed`. A crashed or stopped crawl resumes its
 * frontier: pages in progress are queued again and finished pages are never refetched.
 * Products are upserted as materials when a page reports them, keyed by site and product, so
 * a page whose products are reported twice after a crash adds nothing.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../../jobs/job-errors.ts';
import type { JobRunContext, JobRunner } from '../../jobs/job-runner.ts';
import type { MaterialDraft } from '../../materials/material-draft.ts';
import { jobsRepository } from '../../store/jobs-repository.ts';
import { materialsRepository } from '../../store/materials-repository.ts';
import {
  createScrapeFrontierStore,
  scrapingRepository,
  type ScrapingSessionRow,
} from '../../store/scraping-repository.ts';
import { Crawler, productKey } from './index.ts';
import { scrapeControls } from './scrape-controls.ts';

/** `scraping_config` of a session. */
export interface ScrapingConfig {
  service: 'local';
  max_pages: number;
  max_depth: number;
  categories: string[];
  model: string | null;
  /** Politeness delay between requests to one host, in ms. */
  delay_ms: number;
}

/** Crawler settings the runner does not store per session (tests shorten the timers). */
export interface ScrapeRunnerOptions {
  crawlerOverrides?: Record<string, unknown>;
}

export function scrapeMaterialKey(sourceUrl: string, draft: MaterialDraft): string {
  const site = new URL(sourceUrl).host.replace(/^www\./, '');
  const digest = createHash('sha256').update(productKey(draft)).digest('hex').slice(0, 32);
  return `scrape:${site}:${digest}`;
}

export function createScrapeJobRunner(options: ScrapeRunnerOptions = {}): JobRunner {
  return {
    jobType: 'web_scraping',
    async run(context) {
      const sql = context.database.sql;
      const session = await scrapingRepository.getByJob(sql, context.job.id);
      if (!session) throw new Error(`Scrape job ${context.job.id} has no scraping_sessions row.`);

      try {
        if (!context.completedStages.has('site_discovered')) {
          await context.beginStage('site_discovered');
          await context.completeStage('site_discovered', { source_url: session.source_url });
        }
        if (!context.completedStages.has('pages_scraped')) await crawl(context, session, options);
        await finishSession(context, session);
      } catch (error) {
        await recordSessionOutcome(context, session, error);
        throw error;
      }
    },
  };
}

async function crawl(
  context: JobRunContext,
  session: ScrapingSessionRow,
  options: ScrapeRunnerOptions,
): Promise<void> {
  await context.beginStage('pages_scraped');
  const sql = context.database.sql;
  const config = session.scraping_config as unknown as ScrapingConfig;
  const store = createScrapeFrontierStore(context.database, session.id);
  const crawler = new Crawler({
    startUrls: [session.source_url],
    store,
    signal: context.signal,
    maxPages: config.max_pages,
    maxDepth: config.max_depth,
    categories: config.categories,
    politenessDelayMs: config.delay_ms,
    collectMaterials: false,
    ...options.crawlerOverrides,
  });

  const current = await scrapingRepository.getSession(sql, session.id);
  // A retry of a session that never fetched a page (the site was down) starts afresh, so
  // the URLs that failed then are fetched again.
  if (current && current.completed_pages === 0)
    await scrapingRepository.deletePages(sql, session.id);
  // The controls are registered before the status is read, so a pause that arrives while
  // the crawl starts either finds them or has already written 'paused'.
  const release = scrapeControls.register(context.job.id, {
    pause: async () => {
      crawler.pause();
      await scrapingRepository.setStatus(sql, session.id, 'paused');
    },
    resume: async () => {
      crawler.resume();
      await scrapingRepository.setStatus(sql, session.id, 'scraping');
    },
  });
  const startPaused = !(await scrapingRepository.startScraping(sql, session.id));
  if (startPaused) crawler.pause();
  // A paused crawl makes no requests, but the job is alive: keep its heartbeat going.
  const keepAlive = setInterval(() => context.touch(), 1_000);

  crawler.on('productsFound', ({ materials }) => void storeProducts(context, session, materials));
  crawler.on('pageFinished', () => void reportPages(context, session.id));

  try {
    const summary = await crawler.run();
    await pendingWrites(context);
    if (summary.outcome === 'aborted') throw context.signal.reason;
    const after = (await scrapingRepository.getSession(sql, session.id))!;
    if (after.completed_pages === 0) await failUnreachableSite(context, after);
    await context.completeStage('pages_scraped', {
      outcome: summary.outcome,
      pages_completed: summary.pagesCompleted,
      pages_failed: summary.pagesFailed,
      pages_skipped: summary.pagesSkipped,
      materials_filtered_out: summary.materialsFilteredOut,
    });
  } finally {
    clearInterval(keepAlive);
    release();
  }
}

const writes = new WeakMap<JobRunContext, Promise<unknown>>();

/** Chains the job's material and counter writes so they commit in the order pages report them. */
function enqueueWrite(context: JobRunContext, write: () => Promise<unknown>): Promise<unknown> {
  const next = (writes.get(context) ?? Promise.resolve()).then(write, write);
  writes.set(
    context,
    next.catch((error) => context.logger.error({ err: error }, 'Storing scrape results failed.')),
  );
  return next;
}

function pendingWrites(context: JobRunContext): Promise<unknown> {
  return writes.get(context) ?? Promise.resolve();
}

function storeProducts(
  context: JobRunContext,
  session: ScrapingSessionRow,
  materials: MaterialDraft[],
) {
  return enqueueWrite(context, () =>
    context.database.transaction(async (tx) => {
      for (const material of materials) {
        const source = material.sourceUrl ?? session.source_url;
        await materialsRepository.upsert(tx, scrapeMaterialKey(source, material), material, {
          sourceType: 'scrape',
          sourceName: new URL(session.source_url).host,
          jobId: context.job.id,
        });
      }
      await scrapingRepository.addMaterialsProcessed(tx, session.id, materials.length);
    }),
  );
}

function reportPages(context: JobRunContext, sessionId: string) {
  return enqueueWrite(context, async () => {
    const row = await scrapingRepository.getSession(context.database.sql, sessionId);
    if (!row) return;
    await jobsRepository.mergeMetadata(context.database.sql, context.job.id, {
      pages: { completed: row.completed_pages, failed: row.failed_pages, total: row.total_pages },
    });
    await context.setProgress(5 + 0.9 * row.progress_percentage);
  });
}

async function finishSession(context: JobRunContext, session: ScrapingSessionRow): Promise<void> {
  if (context.completedStages.has('session_completed')) return;
  await context.beginStage('session_completed');
  const sql = context.database.sql;
  const config = session.scraping_config as unknown as ScrapingConfig;
  const unvisited = await scrapingRepository.skipPendingPages(
    sql,
    session.id,
    `Not fetched: the session reached its limit of ${config.max_pages} pages (max_pages).`,
  );
  const row = (await scrapingRepository.getSession(sql, session.id))!;
  const summary = {
    pages: row.total_pages,
    completed_pages: row.completed_pages,
    failed_pages: row.failed_pages,
    skipped_pages: row.total_pages - row.completed_pages - row.failed_pages,
    unvisited_pages: unvisited,
    max_pages_reached: unvisited > 0,
    materials: row.materials_processed,
  };
  await context.completeStage('session_completed', summary, async (tx) => {
    await scrapingRepository.setStatus(tx, session.id, 'completed');
    await jobsRepository.mergeMetadata(tx, context.job.id, { summary });
  });
}

/** Fails a session that fetched no page at all, with the first reason a page gave. */
async function failUnreachableSite(
  context: JobRunContext,
  row: ScrapingSessionRow,
): Promise<never> {
  const reason = await scrapingRepository.firstProblem(context.database.sql, row.id);
  throw new InputError('site_unreachable', {
    source: row.source_url,
    problem: `No page of the site could be fetched${reason ? `: ${reason.replace(/[.\s]*$/, '.')}` : '.'}`,
    fix: 'Check that the site is up and reachable from this machine and that robots.txt allows KAI-Console, then retry the job.',
  });
}

async function recordSessionOutcome(
  context: JobRunContext,
  session: ScrapingSessionRow,
  error: unknown,
): Promise<void> {
  const sql = context.database.sql;
  const job = await jobsRepository.get(sql, context.job.id);
  if (job?.status === 'cancelled') await scrapingRepository.setStatus(sql, session.id, 'cancelled');
  else if (context.signal.aborted) await scrapingRepository.setStatus(sql, session.id, 'pending');
  else await scrapingRepository.setStatus(sql, session.id, 'failed', (error as Error).message);
}
