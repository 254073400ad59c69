/**
 * The `pdf_processing` job: nine checkpointed stages in `PDF_STAGES` order. Each stage reads
 * its input from the store (so a resumed job needs nothing from the attempt that crashed),
 * runs heavy work in a worker process, and commits its rows with its checkpoint. Stages are
 * idempotent: rows are upserted on natural keys, so rerunning a stage adds nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../../jobs/job-errors.ts';
import type { JobRunContext, JobRunner } from '../../jobs/job-runner.ts';
import { PDF_STAGES, type PdfStage } from '../../jobs/job-vocabulary.ts';
import { documentsRepository } from '../../store/documents-repository.ts';
import { jobsRepository } from '../../store/jobs-repository.ts';
import type { WorkerProcess } from '../../workers/worker-process.ts';
import { pdfStageHandlers, type PdfStageInput } from './pdf-stages.ts';

/** Metadata a PDF job carries: the path of the file to process. */
export interface PdfJobMetadata {
  file_path: string;
}

export interface PdfJobRunnerOptions {
  /** Starts a worker process for one job attempt. */
  startWorker(context: JobRunContext): WorkerProcess;
}

export function createPdfJobRunner(options: PdfJobRunnerOptions): JobRunner {
  return {
    jobType: 'pdf_processing',
    async run(context) {
      const filePath = String((context.job.metadata as Partial<PdfJobMetadata>).file_path ?? '');
      if (!filePath) throw new Error(`PDF job ${context.job.id} has no file_path in its metadata.`);

      const worker = options.startWorker(context);
      try {
        const documentId = await ensureDocument(context, filePath);
        const input: PdfStageInput = {
          context,
          worker,
          filePath,
          documentId,
          password: context.secrets.password,
          outputDir: join(context.dataDir, 'documents', documentId),
        };
        for (const [index, stage] of PDF_STAGES.entries()) {
          if (context.completedStages.has(stage)) continue;
          await runStage(input, stage, index);
        }
      } finally {
        await worker.close();
      }
    },
  };
}

async function runStage(input: PdfStageInput, stage: PdfStage, index: number): Promise<void> {
  const { context } = input;
  await context.beginStage(stage);
  await context.setProgress(Math.floor((index / PDF_STAGES.length) * 100));

  const reportFraction = async (fraction: number) => {
    const overall = ((index + Math.max(0, Math.min(1, fraction))) / PDF_STAGES.length) * 100;
    await context.setProgress(overall);
  };
  const result = await pdfStageHandlers[stage](input, reportFraction);
  await context.completeStage(stage, result.detail, result.persist);
}

/**
 * Hashes the file and finds or creates its `documents` row. Runs before the first stage
 * on every attempt, so the job's document is known even when `pdf_loaded` must rerun.
 */
async function ensureDocument(context: JobRunContext, filePath: string): Promise<string> {
  if (context.job.document_id) return context.job.document_id;

  const info = await stat(filePath).catch((error: NodeJS.ErrnoException) => {
    throw new InputError('file_not_found', {
      source: filePath,
      problem: `The file cannot be read (${error.code ?? error.message}).`,
      fix: 'Check that the file exists and is readable, then retry the job.',
    });
  });
  const sha256 = await hashFile(filePath);
  const sql = context.database.sql;
  const document = await documentsRepository.upsert(sql, {
    sha256,
    filename: basename(filePath),
    fileSize: info.size,
  });
  await jobsRepository.setDocument(sql, context.job.id, document.id);
  return document.id;
}

export async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
