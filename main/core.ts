/**
 * The core as one object: the store of a data folder, the job engine with every pipeline's
 * runner, and the operations the CLI, the Electron shell and browser mode share.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { JobEngine, type JobEngineOptions } from './jobs/job-engine.ts';
import type { JobRunContext } from './jobs/job-runner.ts';
import { createLogger, type Logger } from './log.ts';
import { createImportJobRunner } from './pipelines/import/import-job-runner.ts';
import {
  previewImport,
  rerunImport,
  startImport,
  type ImportPreview,
  type StartImportOptions,
} from './pipelines/import/import-service.ts';
import { createPdfJobRunner, hashFile } from './pipelines/pdf/pdf-job-runner.ts';
import type { DataImportJobRow } from './store/imports-repository.ts';
import { createScrapeJobRunner } from './pipelines/scrape/scrape-job-runner.ts';
import {
  pauseScrape,
  resumeScrape,
  startScrape,
  type StartScrapeOptions,
} from './pipelines/scrape/scrape-service.ts';
import type { ScrapingSessionRow } from './store/scraping-repository.ts';
import { openDatabase, type Database } from './store/database.ts';
import { documentsRepository } from './store/documents-repository.ts';
import { jobsRepository, type BackgroundJobRow } from './store/jobs-repository.ts';
import { InputError } from './jobs/job-errors.ts';
import { WorkerProcess } from './workers/worker-process.ts';

export interface CoreOptions extends Partial<
  Pick<
    JobEngineOptions,
    | 'concurrency'
    | 'heartbeatMs'
    | 'stallAfterMs'
    | 'maxAttempts'
    | 'backoff'
    | 'pollMs'
    | 'onCheckpoint'
  >
> {
  dataDir: string;
  logger?: Logger;
  /** How often workers ping, in ms; default a third of the heartbeat, at most 1 s. */
  workerPingMs?: number;
  /** Crawler settings for every scrape, e.g. shorter timeouts in tests. */
  crawlerOverrides?: Record<string, unknown>;
  /** Called after each committed import batch; used to inject crashes in tests. */
  onImportBatch?: (jobId: string, batchNumber: number) => void;
  /** Built worker entry file, for bundles where the source layout is gone (Electron). */
  workerEntry?: string;
}

export interface Core {
  readonly database: Database;
  readonly engine: JobEngine;
  readonly logger: Logger;
  /** Enqueues a PDF, or resumes the unfinished job of the same file. */
  ingestPdf(filePath: string, options?: { password?: string }): Promise<BackgroundJobRow>;
  /** Detects a feed's format and fields and proposes a mapping; imports nothing. */
  previewImport(
    filePath: string,
    options?: { sourceName?: string; encoding?: string; recordPath?: string },
  ): Promise<ImportPreview>;
  /** Enqueues a feed import with the given, saved or proposed mapping. */
  startImport(
    filePath: string,
    options?: StartImportOptions,
  ): Promise<{
    job: BackgroundJobRow;
    dataImportJob: DataImportJobRow;
    preview: ImportPreview | null;
  }>;
  /** Enqueues a past import again with its mapping. */
  rerunImport(
    backgroundJobId: string,
  ): Promise<{ job: BackgroundJobRow; dataImportJob: DataImportJobRow }>;
  /** Enqueues a scraping session of a site. */
  startScrape(
    url: string,
    options?: StartScrapeOptions,
  ): Promise<{ job: BackgroundJobRow; session: ScrapingSessionRow }>;
  pauseScrape(jobId: string): Promise<boolean>;
  resumeScrape(jobId: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? createLogger();
  const dataDir = resolve(options.dataDir);
  const database = await openDatabase(dataDir);
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const pingMs = options.workerPingMs ?? Math.min(1_000, Math.max(20, Math.floor(heartbeatMs / 3)));

  const startWorker = (context: JobRunContext) => {
    const jobId = context.job.id;
    const worker: WorkerProcess = new WorkerProcess({
      logger: context.logger,
      onAlive: context.touch,
      onReady: () => engine.emit('worker:ready', jobId, worker.pid ?? 0),
      pingMs,
      entry: options.workerEntry,
    });
    if (worker.pid) engine.emit('worker:started', jobId, worker.pid);
    return worker;
  };

  const engine: JobEngine = new JobEngine({
    database,
    logger,
    runners: [
      createPdfJobRunner({ startWorker }),
      createImportJobRunner({ onBatchCommitted: options.onImportBatch }),
      createScrapeJobRunner({ crawlerOverrides: options.crawlerOverrides }),
    ],
    concurrency: options.concurrency,
    heartbeatMs,
    stallAfterMs: options.stallAfterMs,
    maxAttempts: options.maxAttempts,
    backoff: options.backoff,
    pollMs: options.pollMs,
    onCheckpoint: options.onCheckpoint,
  });

  return {
    database,
    engine,
    logger,
    ingestPdf: (filePath, ingestOptions) => ingestPdf(database, engine, filePath, ingestOptions),
    previewImport: (filePath, previewOptions) => previewImport(database, filePath, previewOptions),
    startImport: (filePath, importOptions) =>
      startImport(database, engine, filePath, importOptions),
    rerunImport: (jobId) => rerunImport(database, engine, jobId),
    startScrape: (url, scrapeOptions) => startScrape(database, engine, url, scrapeOptions),
    pauseScrape: (jobId) => pauseScrape(database, jobId),
    resumeScrape: (jobId) => resumeScrape(database, jobId),
    async close() {
      await engine.stop();
      await database.close();
    },
  };
}

async function ingestPdf(
  database: Database,
  engine: JobEngine,
  filePath: string,
  options: { password?: string } = {},
): Promise<BackgroundJobRow> {
  const absolute = resolve(filePath);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) {
    throw new InputError('file_not_found', {
      source: absolute,
      problem: 'The file does not exist or is not a regular file.',
      fix: 'Check the path and try again.',
    });
  }

  const sql = database.sql;
  const document = await documentsRepository.upsert(sql, {
    sha256: await hashFile(absolute),
    filename: basename(absolute),
    fileSize: info.size,
  });
  const unfinished = await jobsRepository.findUnfinishedForDocument(sql, document.id);
  const job =
    unfinished ??
    (await engine.enqueue({
      jobType: 'pdf_processing',
      filename: basename(absolute),
      documentId: document.id,
      metadata: { file_path: absolute },
    }));

  if (unfinished) await jobsRepository.mergeMetadata(sql, unfinished.id, { file_path: absolute });
  if (options.password) engine.setSecrets(job.id, { password: options.password });
  if (unfinished?.status === 'failed') await engine.retry(unfinished.id);
  return (await jobsRepository.get(sql, job.id))!;
}
