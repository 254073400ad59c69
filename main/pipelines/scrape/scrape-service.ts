/** Starting and steering scraping sessions: each is a `web_scraping` job plus its session. */
import type { JobEngine } from '../../jobs/job-engine.ts';
import type { Database } from '../../store/database.ts';
import { jobsRepository, type BackgroundJobRow } from '../../store/jobs-repository.ts';
import { scrapingRepository, type ScrapingSessionRow } from '../../store/scraping-repository.ts';
import { InvalidStartUrlError } from './scrape-errors.ts';
import { scrapeControls } from './scrape-controls.ts';
import type { ScrapingConfig } from './scrape-job-runner.ts';

export interface StartScrapeOptions {
  /** Pages fetched at most; default 100. */
  maxPages?: number;
  /** Links followed from a start URL at most; default 3. */
  maxDepth?: number;
  /** Keep only products whose URL, name or category contains one of these words. */
  categories?: string[];
  /** Delay between requests to one host, in ms; default 1,000 (robots.txt Crawl-delay wins when larger). */
  delayMs?: number;
}

function validateStartUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidStartUrlError(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new InvalidStartUrlError(url);
  return parsed.href;
}

export async function startScrape(
  database: Database,
  engine: JobEngine,
  url: string,
  options: StartScrapeOptions = {},
): Promise<{ job: BackgroundJobRow; session: ScrapingSessionRow }> {
  const sourceUrl = validateStartUrl(url);
  const config: ScrapingConfig = {
    service: 'local',
    max_pages: options.maxPages ?? 100,
    max_depth: options.maxDepth ?? 3,
    categories: options.categories ?? [],
    model: null,
    delay_ms: options.delayMs ?? 1_000,
  };
  const result = await database.transaction(async (tx) => {
    const job = await jobsRepository.insert(tx, {
      jobType: 'web_scraping',
      filename: null,
      metadata: { source_url: sourceUrl, scraping_config: config },
    });
    const session = await scrapingRepository.insertSession(tx, {
      backgroundJobId: job.id,
      sourceUrl,
      config: config as unknown as Record<string, unknown>,
    });
    return { job, session };
  });
  engine.emit('job:changed', result.job.id);
  engine.kick();
  return result;
}

/**
 * Pauses a session: a running crawl stops taking URLs after the pages in flight; a pending one
 * starts paused. Returns false for a session that has ended.
 */
export async function pauseScrape(database: Database, jobId: string): Promise<boolean> {
  const session = await scrapingRepository.getByJob(database.sql, jobId);
  if (!session || !['pending', 'processing', 'scraping'].includes(session.status)) return false;
  const control = scrapeControls.get(jobId);
  if (control) await control.pause();
  else await scrapingRepository.setStatus(database.sql, session.id, 'paused');
  return true;
}

export async function resumeScrape(database: Database, jobId: string): Promise<boolean> {
  const session = await scrapingRepository.getByJob(database.sql, jobId);
  if (session?.status !== 'paused') return false;
  const control = scrapeControls.get(jobId);
  if (control) await control.resume();
  else await scrapingRepository.setStatus(database.sql, session.id, 'pending');
  return true;
}
