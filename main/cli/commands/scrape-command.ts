import { parseArgs } from 'node:util';
import { jobsRepository } from '../../store/jobs-repository.ts';
import { scrapingRepository } from '../../store/scraping-repository.ts';
import { openCliCore, requireId, UsageError, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';
import { runJobsWithProgress } from './run-jobs.ts';

export const scrapeHelp = `Usage: kai scrape URL [--max-pages N] [--max-depth N] [--categories a,b]
                  [--delay-ms MS] [--json]

Crawls a supplier site page by page from URL (and its sitemap), honouring robots.txt, and
stores the products it finds as materials. Shows pages done / failed / total while it runs.
  --max-pages N     pages fetched at most (default 100)
  --max-depth N     links followed from the start URL at most (default 3)
  --categories a,b  keep only products whose URL, name or category contains one of the words
  --delay-ms MS     delay between requests to the site, in ms (default 1000)
  --json            print the final background_jobs row with its session under scraping_session
Exits with 1 when the session failed.`;

export const sessionsHelp = `Usage: kai sessions [--json]

Lists scraping sessions (scraping_sessions rows), newest first.`;

export const sessionHelp = `Usage: kai session ID [--json]

Shows a scraping session (by session or job id) with every page: status, HTTP status, depth,
products found and the reason a page failed or was skipped.`;

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new UsageError(`${name} must be a whole number, got "${value}".`);
  return number;
}

export async function scrapeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...globalOptionSpec,
      'max-pages': { type: 'string' },
      'max-depth': { type: 'string' },
      categories: { type: 'string' },
      'delay-ms': { type: 'string' },
    },
  });
  const url = positionals[0];
  if (!url) throw new UsageError('kai scrape needs a URL.');
  const options = {
    maxPages: positiveInteger(values['max-pages'], '--max-pages'),
    maxDepth: positiveInteger(values['max-depth'], '--max-depth'),
    delayMs: positiveInteger(values['delay-ms'], '--delay-ms'),
    categories: values.categories
      ?.split(',')
      .map((word) => word.trim())
      .filter(Boolean),
  };

  const core = await openCliCore(values);
  try {
    const { job } = await core.startScrape(url, options);
    const [finished] = await runJobsWithProgress(core, [job.id], io, true);
    const session = await scrapingRepository.getByJob(core.database.sql, job.id);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ...finished, scraping_session: session }, null, 2)}\n`);
    } else if (session) {
      io.stdout.write(
        `${session.source_url}  ${job.id}  ${finished?.status}: ${session.completed_pages} pages done, ` +
          `${session.failed_pages} failed, ` +
          `${session.total_pages - session.completed_pages - session.failed_pages} skipped of ` +
          `${session.total_pages}, ${session.materials_processed} products` +
          `${(finished?.metadata.summary as { max_pages_reached?: boolean } | undefined)?.max_pages_reached ? ' (stopped at --max-pages)' : ''}` +
          `${finished?.error ? `\n${finished.error}` : ''}\n`,
      );
    }
    return finished?.status === 'completed' ? 0 : 1;
  } finally {
    await core.close();
  }
}

export async function sessionsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: globalOptionSpec });
  const core = await openCliCore(values);
  try {
    const sessions = await scrapingRepository.listSessions(core.database.sql);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(sessions, null, 2)}\n`);
      return 0;
    }
    for (const session of sessions) {
      io.stdout.write(
        `${session.background_job_id}  ${session.status.padEnd(10)} ${session.completed_pages}/` +
          `${session.failed_pages}/${session.total_pages} pages  ${session.materials_processed} products  ` +
          `${session.source_url}\n`,
      );
    }
    if (sessions.length === 0) io.stdout.write('No scraping sessions.\n');
    return 0;
  } finally {
    await core.close();
  }
}

export async function sessionCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: globalOptionSpec,
  });
  const id = requireId(positionals[0], 'session');

  const core = await openCliCore(values);
  try {
    const sql = core.database.sql;
    const session = await scrapingRepository.getSession(sql, id).catch(() => undefined);
    if (!session) {
      io.stderr.write(`Scraping session ${id} not found. List sessions with kai sessions.\n`);
      return 1;
    }
    const pages = await scrapingRepository.listPages(sql, session.id);
    const job = await jobsRepository.get(sql, session.background_job_id);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ ...session, job, pages }, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(
      `${session.source_url}  ${session.status}  ${session.completed_pages} done, ${session.failed_pages} failed, ` +
        `${session.total_pages} pages, ${session.materials_processed} products\n`,
    );
    for (const page of pages) {
      io.stdout.write(
        `  ${page.status.padEnd(11)} ${String(page.http_status ?? '-').padEnd(4)} d${page.depth} ` +
          `${String(page.materials_found).padStart(3)}  ${page.url}${page.error ? `  (${page.error})` : ''}\n`,
      );
    }
    return 0;
  } finally {
    await core.close();
  }
}
