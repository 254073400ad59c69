import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundJobRow } from '../../main/store/jobs-repository.ts';
import type { MaterialRow } from '../../main/store/materials-repository.ts';
import type { ScrapingPageRow, ScrapingSessionRow } from '../../main/store/scraping-repository.ts';
import { parseJson, runKai } from '../support/run-kai.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestSite, type TestSite } from '../support/test-site/test-site.ts';
import { waitFor } from '../support/wait-for.ts';

type SessionDetail = ScrapingSessionRow & { pages: ScrapingPageRow[] };

const crawlEnv = { KAI_CRAWL_PAGE_TIMEOUT_MS: '500', KAI_CRAWL_RETRY_BASE_MS: '20' };

describe('kai scrape', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let site: TestSite;

  beforeAll(async () => {
    dir = await makeTempDir();
    dataDir = join(dir.path, 'data');
    site = await startTestSite({ crawlDelaySeconds: 0.01, slowPageDelayMs: 2000 });
  });

  afterAll(async () => {
    await site.close();
    await dir.remove();
  });

  const kai = (args: string[], env: Record<string, string> = {}) =>
    runKai([...args, '--data-dir', dataDir], { ...crawlEnv, ...env });

  it('crawls the test site into a session', async () => {
    const run = await kai([
      'scrape',
      `${site.url}/`,
      '--max-pages',
      '200',
      '--max-depth',
      '10',
      '--delay-ms',
      '0',
      '--json',
    ]);
    const job = parseJson<BackgroundJobRow & { scraping_session: ScrapingSessionRow }>(run);
    expect(run.code).toBe(0);
    expect(job.status).toBe('completed');
    expect(job.job_type).toBe('web_scraping');
    expect(job.scraping_session.status).toBe('completed');
    expect(job.scraping_session.materials_processed).toBeGreaterThan(0);
    expect(job.scraping_session.progress_percentage).toBe(100);
  });

  it('keeps session counters equal to its pages', async () => {
    const [session] = parseJson<ScrapingSessionRow[]>(await kai(['sessions', '--json']));
    const detail = parseJson<SessionDetail>(await kai(['session', session!.id, '--json']));
    const pages = detail.pages.filter((page) => page.kind === 'page');
    expect(detail.total_pages).toBe(pages.length);
    expect(detail.completed_pages).toBe(pages.filter((page) => page.status === 'completed').length);
    expect(detail.failed_pages).toBe(pages.filter((page) => page.status === 'failed').length);
    expect(pages.some((page) => page.status === 'pending' || page.status === 'in_progress')).toBe(
      false,
    );
  });

  it('records robots, challenge and 404 pages with reasons', async () => {
    const [session] = parseJson<ScrapingSessionRow[]>(await kai(['sessions', '--json']));
    const detail = parseJson<SessionDetail>(await kai(['session', session!.id, '--json']));
    const reasons = detail.pages.map(
      (page) => `${page.status} ${page.page_kind ?? ''} ${page.error ?? ''}`,
    );
    expect(reasons.some((reason) => /skipped.*robots\.txt/.test(reason))).toBe(true);
    expect(reasons.some((reason) => /bot challenge/i.test(reason))).toBe(true);
    expect(detail.pages.some((page) => page.http_status === 404)).toBe(true);
  });

  it('stores products as scrape materials once', async () => {
    const materials = parseJson<MaterialRow[]>(await kai(['materials', '--json']));
    const scraped = materials.filter((material) => material.source_type === 'scrape');
    const [session] = parseJson<ScrapingSessionRow[]>(await kai(['sessions', '--json']));
    expect(scraped.length).toBeGreaterThan(0);
    expect(scraped.every((material) => material.source_url?.startsWith(site.url))).toBe(true);
    expect(new Set(scraped.map((material) => material.dedupe_key)).size).toBe(scraped.length);
    expect(session!.materials_processed).toBeGreaterThanOrEqual(scraped.length);
  });

  it('resumes a killed crawl without refetching pages', async () => {
    const resumeDir = join(dir.path, 'resume');
    const before = site.requests.length;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'main/cli/kai.ts',
        'scrape',
        `${site.url}/`,
        '--max-pages',
        '200',
        '--max-depth',
        '10',
        '--delay-ms',
        '0',
        '--data-dir',
        resumeDir,
      ],
      { env: { ...process.env, ...crawlEnv }, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('close', resolve));
    await waitFor(() => site.requests.length - before >= 12, {
      what: '12 requests',
      timeoutMs: 60_000,
    });
    child.kill('SIGKILL');
    await exited;

    const [interrupted] = parseJson<ScrapingSessionRow[]>(
      await runKai(['sessions', '--json', '--data-dir', resumeDir]),
    );
    const halfway = parseJson<SessionDetail>(
      await runKai(['session', interrupted!.id, '--json', '--data-dir', resumeDir]),
    );
    const fetchedBefore = new Set(
      halfway.pages
        .filter((page) => page.status === 'completed')
        .map((page) => new URL(page.url).pathname + new URL(page.url).search),
    );
    expect(fetchedBefore.size).toBeGreaterThan(0);

    const resumeStart = site.requests.length;
    const resumed = await runKai(['resume', '--json', '--data-dir', resumeDir], crawlEnv);
    const [job] = parseJson<BackgroundJobRow[]>(resumed);
    expect(job?.status).toBe('completed');

    const refetched = site.requests
      .slice(resumeStart)
      .map((request) => request.path)
      .filter((path) => fetchedBefore.has(path));
    expect(refetched).toEqual([]);
    const done = parseJson<SessionDetail>(
      await runKai(['session', interrupted!.id, '--json', '--data-dir', resumeDir]),
    );
    expect(done.status).toBe('completed');
  });

  it('fails a scrape of an unreachable site', async () => {
    const closed = await startTestSite();
    const url = `${closed.url}/`;
    await closed.close();
    const run = await kai(['scrape', url, '--delay-ms', '0', '--json']);
    const job = parseJson<BackgroundJobRow & { scraping_session: ScrapingSessionRow }>(run);
    expect(run.code).toBe(1);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('No page of the site could be fetched');
    expect(job.scraping_session.status).toBe('failed');
  });

  it('skips the pages past max-pages with a reason', async () => {
    const run = await kai([
      'scrape',
      `${site.url}/`,
      '--max-pages',
      '3',
      '--delay-ms',
      '0',
      '--json',
    ]);
    const job = parseJson<BackgroundJobRow & { scraping_session: ScrapingSessionRow }>(run);
    const detail = parseJson<SessionDetail>(
      await kai(['session', job.scraping_session.id, '--json']),
    );
    const unvisited = detail.pages.filter((page) => /max_pages/.test(page.error ?? ''));
    expect(job.status).toBe('completed');
    expect(job.metadata.summary).toMatchObject({ max_pages_reached: true });
    expect(unvisited.length).toBeGreaterThan(0);
    expect(detail.pages.some((page) => page.status === 'pending')).toBe(false);
    expect(detail.progress_percentage).toBe(100);
  });

  it('rejects a start URL that is not http', async () => {
    const run = await kai(['scrape', 'ftp://example.test/catalog']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not an absolute http or https URL');
  });
});
