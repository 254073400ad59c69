import { randomUUID } from 'node:crypto';
import type { CrawlFrontierStore } from '../pipelines/scrape/crawl-frontier-store.ts';
import type { StoredPageResult } from '../pipelines/scrape/crawl-types.ts';
import type { Database, Sql } from './database.ts';
import type { ScrapingSessionRow, ScrapingPageRow } from '../../contract/rows.ts';

// The row types are defined once, in the contract the UI shares; this module writes them.
export type { ScrapingSessionRow, ScrapingPageRow };

/** The result the crawler records for a finished URL. */
export type ScrapedPageResult = StoredPageResult;

const SESSION_COLUMNS = `id, background_job_id, source_url, status, total_pages, completed_pages,
  failed_pages, materials_processed, progress_percentage, scraping_config,
  to_json(created_at)#>>'{}' as created_at, to_json(updated_at)#>>'{}' as updated_at,
  error_message`;

const PAGE_COLUMNS = `id, session_id, url, kind, final_url, status, page_kind, http_status, depth, content_hash,
  materials_found, error, bytes, to_json(started_at)#>>'{}' as started_at,
  to_json(finished_at)#>>'{}' as finished_at, duration_ms, product_keys,
  to_json(created_at)#>>'{}' as created_at, to_json(updated_at)#>>'{}' as updated_at`;

/**
 * Recomputes a session's page counters from its pages, so they always agree: total counts
 * every page URL discovered (not sitemaps), completed and failed count results, and progress
 * is the finished share of the total.
 */
async function refreshCounters(sql: Sql, sessionId: string): Promise<void> {
  await sql.query(
    `update scraping_sessions s set
       total_pages = c.total, completed_pages = c.completed, failed_pages = c.failed,
       progress_percentage = case when c.total = 0 then 0
         else least(100, floor(100.0 * c.finished / c.total))::int end,
       updated_at = now()
     from (
       select count(*)::int as total,
         count(*) filter (where status = 'completed')::int as completed,
         count(*) filter (where status = 'failed')::int as failed,
         count(*) filter (where status in ('completed', 'failed', 'skipped'))::int as finished
       from scraping_pages where session_id = $1 and kind = 'page') c
     where s.id = $1`,
    [sessionId],
  );
}

/** All writes to `scraping_sessions` and `scraping_pages`. */
export const scrapingRepository = {
  async insertSession(
    sql: Sql,
    fields: { backgroundJobId: string; sourceUrl: string; config: Record<string, unknown> },
  ): Promise<ScrapingSessionRow> {
    const result = await sql.query<ScrapingSessionRow>(
      `insert into scraping_sessions (id, background_job_id, source_url, scraping_config)
       values ($1, $2, $3, $4) returning ${SESSION_COLUMNS}`,
      [randomUUID(), fields.backgroundJobId, fields.sourceUrl, fields.config],
    );
    return result.rows[0]!;
  },

  async getByJob(sql: Sql, backgroundJobId: string): Promise<ScrapingSessionRow | undefined> {
    const result = await sql.query<ScrapingSessionRow>(
      `select ${SESSION_COLUMNS} from scraping_sessions where background_job_id = $1`,
      [backgroundJobId],
    );
    return result.rows[0];
  },

  async getSession(sql: Sql, id: string): Promise<ScrapingSessionRow | undefined> {
    const result = await sql.query<ScrapingSessionRow>(
      `select ${SESSION_COLUMNS} from scraping_sessions where id = $1 or background_job_id = $1`,
      [id],
    );
    return result.rows[0];
  },

  async listSessions(sql: Sql, limit = 500): Promise<ScrapingSessionRow[]> {
    const result = await sql.query<ScrapingSessionRow>(
      `select ${SESSION_COLUMNS} from scraping_sessions order by created_at desc limit $1`,
      [limit],
    );
    return result.rows;
  },

  async setStatus(
    sql: Sql,
    id: string,
    status: ScrapingSessionRow['status'],
    errorMessage: string | null = null,
  ): Promise<void> {
    await sql.query(
      `update scraping_sessions set status = $2, error_message = $3, updated_at = now() where id = $1`,
      [id, status, errorMessage],
    );
  },

  /** Moves a session to 'scraping' unless it is paused; returns false for a paused one. */
  async startScraping(sql: Sql, id: string): Promise<boolean> {
    const result = await sql.query(
      `update scraping_sessions set status = 'scraping', error_message = null, updated_at = now()
       where id = $1 and status <> 'paused'`,
      [id],
    );
    return (result.affectedRows ?? 0) > 0;
  },

  async addMaterialsProcessed(sql: Sql, id: string, count: number): Promise<void> {
    await sql.query(
      `update scraping_sessions set materials_processed = materials_processed + $2,
         updated_at = now() where id = $1`,
      [id, count],
    );
  },

  async listPages(sql: Sql, sessionId: string): Promise<ScrapingPageRow[]> {
    const result = await sql.query<ScrapingPageRow>(
      `select ${PAGE_COLUMNS} from scraping_pages where session_id = $1
       order by result_sequence nulls last, created_at, id`,
      [sessionId],
    );
    return result.rows;
  },

  /** Marks the URLs a session never fetched as skipped with `reason`; returns how many. */
  async skipPendingPages(sql: Sql, sessionId: string, reason: string): Promise<number> {
    const result = await sql.query(
      `update scraping_pages set status = 'skipped', error = $2, updated_at = now()
       where session_id = $1 and status in ('pending', 'in_progress')`,
      [sessionId, reason],
    );
    await refreshCounters(sql, sessionId);
    return result.affectedRows ?? 0;
  },

  /** Removes every page of a session, frontier included. */
  async deletePages(sql: Sql, sessionId: string): Promise<void> {
    await sql.query('delete from scraping_pages where session_id = $1', [sessionId]);
    await refreshCounters(sql, sessionId);
  },

  /** Returns the first recorded reason a page of the session failed or was skipped. */
  async firstProblem(sql: Sql, sessionId: string): Promise<string | undefined> {
    const result = await sql.query<{ error: string }>(
      `select error from scraping_pages where session_id = $1 and error is not null
       order by result_sequence nulls last limit 1`,
      [sessionId],
    );
    return result.rows[0]?.error;
  },

  refreshCounters,
};

/** Converts a stored page row back to the result the crawler recorded. */
function toResult(row: ScrapingPageRow): ScrapedPageResult {
  return {
    url: row.url,
    finalUrl: row.final_url ?? row.url,
    kind: row.kind,
    status: row.status as ScrapedPageResult['status'],
    httpStatus: row.http_status,
    depth: row.depth,
    contentHash: row.content_hash,
    materialsFound: row.materials_found,
    pageKind: row.page_kind as StoredPageResult['pageKind'],
    reason: row.error,
    startedAt: row.started_at ?? '',
    finishedAt: row.finished_at ?? '',
    durationMs: row.duration_ms ?? 0,
    bytes: row.bytes ?? 0,
    productKeys: row.product_keys,
  };
}

/**
 * Creates the crawl frontier of one session in `scraping_pages`: queued URLs are `pending`, taken
 * ones `in_progress`, finished ones carry their result. Every method is one statement or one
 * transaction, so a crash leaves each URL in exactly one state, and a resumed crawl calls
 * `requeueInProgress()` and never refetches a finished URL.
 */
export function createScrapeFrontierStore(
  database: Database,
  sessionId: string,
): CrawlFrontierStore {
  const sql = database.sql;
  return {
    async add(entries: ReadonlyArray<{ url: string; depth: number; kind: 'page' | 'sitemap' }>) {
      let added = 0;
      await database.transaction(async (tx) => {
        for (const entry of entries) {
          const result = await tx.query(
            `insert into scraping_pages (id, session_id, url, kind, depth)
             values ($1, $2, $3, $4, $5) on conflict (session_id, url) do nothing`,
            [randomUUID(), sessionId, entry.url, entry.kind, entry.depth],
          );
          added += result.affectedRows ?? 0;
        }
        if (added > 0) await refreshCounters(tx, sessionId);
      });
      return added;
    },

    async claim(entry: { url: string; depth: number; kind: 'page' | 'sitemap' }) {
      const result = await sql.query(
        `insert into scraping_pages (id, session_id, url, kind, depth, status, started_at)
         values ($1, $2, $3, $4, $5, 'in_progress', now()) on conflict (session_id, url) do nothing`,
        [randomUUID(), sessionId, entry.url, entry.kind, entry.depth],
      );
      return (result.affectedRows ?? 0) > 0;
    },

    async dequeue() {
      const result = await sql.query<{ url: string; depth: number; kind: 'page' | 'sitemap' }>(
        `update scraping_pages set status = 'in_progress', started_at = now(), updated_at = now()
         where id = (select id from scraping_pages where session_id = $1 and status = 'pending'
                     order by created_at, id limit 1 for update skip locked)
         returning url, depth, kind`,
        [sessionId],
      );
      return result.rows[0] ?? null;
    },

    async markResult(page: ScrapedPageResult) {
      await database.transaction(async (tx) => {
        await tx.query(
          `insert into scraping_pages (id, session_id, url, kind, depth)
           values ($1, $2, $3, $4, $5) on conflict (session_id, url) do nothing`,
          [randomUUID(), sessionId, page.url, page.kind, page.depth],
        );
        await tx.query(
          `update scraping_pages set final_url = $3, status = $4, http_status = $5, depth = $6,
             content_hash = $7, materials_found = $8, page_kind = $9, error = $10,
             started_at = $11, finished_at = $12, duration_ms = $13, bytes = $14,
             product_keys = $15, result_sequence = (
               select coalesce(max(result_sequence), 0) + 1 from scraping_pages where session_id = $1),
             updated_at = now()
           where session_id = $1 and url = $2`,
          [
            sessionId,
            page.url,
            page.finalUrl,
            page.status,
            page.httpStatus,
            page.depth,
            page.contentHash,
            page.materialsFound,
            page.pageKind,
            page.reason,
            page.startedAt || null,
            page.finishedAt || null,
            Math.round(page.durationMs),
            page.bytes,
            JSON.stringify(page.productKeys),
          ],
        );
        await refreshCounters(tx, sessionId);
      });
    },

    async requeueInProgress() {
      const result = await sql.query(
        `update scraping_pages set status = 'pending', updated_at = now()
         where session_id = $1 and status = 'in_progress'`,
        [sessionId],
      );
      return result.affectedRows ?? 0;
    },

    async listResults() {
      const result = await sql.query<ScrapingPageRow>(
        `select ${PAGE_COLUMNS} from scraping_pages
         where session_id = $1 and status in ('completed', 'failed', 'skipped')
         order by result_sequence, id`,
        [sessionId],
      );
      return result.rows.map(toResult);
    },

    async countQueued() {
      const result = await sql.query<{ count: number }>(
        `select count(*)::int as count from scraping_pages where session_id = $1 and status = 'pending'`,
        [sessionId],
      );
      return result.rows[0]!.count;
    },
  };
}
