/** Handlers of the feed import (`imports:*`) and scraping (`scrapes:*`) calls. */
import { resolve } from 'node:path';
import type { CallName } from '../../contract/calls.ts';
import type { ChangedIds } from '../../contract/calls/common-schemas.ts';
import { failuresToCsv } from '../cli/failures-csv.ts';
import { importsRepository } from '../store/imports-repository.ts';
import { scrapingRepository } from '../store/scraping-repository.ts';
import type { ApiContext, CallHandlers } from './api-context.ts';
import { notFound } from './api-errors.ts';
import { toContractPreview } from './import-preview.ts';

type PipelineCall = Extract<CallName, `imports:${string}` | `scrapes:${string}`>;

async function changeSessions(
  context: ApiContext,
  ids: string[],
  change: (jobId: string) => Promise<boolean>,
): Promise<ChangedIds> {
  const changed: string[] = [];
  for (const id of ids) {
    const session = await scrapingRepository.getSession(context.core.database.sql, id);
    if (session && (await change(session.background_job_id))) changed.push(session.id);
  }
  return { changed: changed.length, ids: changed };
}

export const pipelineHandlers: CallHandlers<PipelineCall> = {
  'imports:preview': async (input, context) => {
    const preview = await context.core.previewImport(resolve(input.path), {
      sourceName: input.sourceName,
    });
    return toContractPreview(preview);
  },

  'imports:start': async (input, context) => {
    const started = await context.core.startImport(resolve(input.path), {
      sourceName: input.sourceName,
      fieldChoices: input.mapping,
      recordPath: input.recordPath ?? undefined,
      saveTemplate: input.saveAsTemplate,
    });
    return { job: started.job, importJob: started.dataImportJob };
  },

  'imports:list': async (input, context) => {
    const rows = await importsRepository.list(context.core.database.sql, 5_000);
    const imports = rows
      .filter((row) => !input.statuses || input.statuses.includes(row.status))
      .filter((row) => !input.types || input.types.includes(row.import_type))
      .slice(0, input.limit);
    return { imports };
  },

  'imports:failures': async (input, context) => {
    const sql = context.core.database.sql;
    const row = await importsRepository.get(sql, input.importId);
    if (!row) throw notFound('import', input.importId);
    const all = await importsRepository.listFailures(sql, row.id);
    return {
      total: all.length,
      failures: all.slice(input.offset, input.offset + input.limit),
      csv: input.format === 'csv' ? failuresToCsv(all) : null,
    };
  },

  'imports:templates': async (input, context) => ({
    templates: await importsRepository.listTemplates(context.core.database.sql, input.supplier),
  }),

  'scrapes:start': async (input, context) => {
    const { job, session } = await context.core.startScrape(input.url, {
      maxPages: input.maxPages,
      maxDepth: input.maxDepth,
      categories: input.categories,
    });
    return { job, session };
  },

  'scrapes:list': async (input, context) => {
    const rows = await scrapingRepository.listSessions(context.core.database.sql, 5_000);
    const sessions = rows
      .filter((row) => !input.statuses || input.statuses.includes(row.status))
      .slice(0, input.limit);
    return { sessions };
  },

  'scrapes:get': async (input, context) => {
    const sql = context.core.database.sql;
    const session = await scrapingRepository.getSession(sql, input.id);
    if (!session) throw notFound('scraping session', input.id);
    const pages = await scrapingRepository.listPages(sql, session.id);
    return {
      session,
      pages: pages.slice(input.pageOffset, input.pageOffset + input.pageLimit),
      totalPages: pages.length,
    };
  },

  'scrapes:pause': (input, context) =>
    changeSessions(context, input.ids, (jobId) => context.core.pauseScrape(jobId)),

  'scrapes:resume': (input, context) =>
    changeSessions(context, input.ids, (jobId) => context.core.resumeScrape(jobId)),

  'scrapes:cancel': (input, context) =>
    changeSessions(context, input.ids, (jobId) => context.core.engine.cancel(jobId)),
};
