/**
 * The `xml_import` job (feeds of every import_type). Stages: `feed_detected` (the file opens
 * and its format is confirmed), `products_imported` (records mapped to materials and
 * committed in batches) and `import_completed`.
 *
 * Each batch of products, its row failures and the `data_import_jobs` counters and resume
 * cursor (`last_committed_row`) are committed in one transaction. A resumed import skips the
 * records up to the cursor, so counters count every product once and no row is duplicated.
 * Materials are upserted on `productKey`, so a rerun of the same feed adds nothing and an
 * updated feed updates in place.
 */
import { stat } from 'node:fs/promises';
import { InputError } from '../../jobs/job-errors.ts';
import type { JobRunContext, JobRunner } from '../../jobs/job-runner.ts';
import type { MaterialDraft } from '../../materials/material-draft.ts';
import type { Sql } from '../../store/database.ts';
import {
  importsRepository,
  type DataImportJobRow,
  type ImportRowFailure,
} from '../../store/imports-repository.ts';
import { jobsRepository } from '../../store/jobs-repository.ts';
import { materialsRepository } from '../../store/materials-repository.ts';
import { parseFeedMapping } from './feed-mapping.ts';
import { previewFeed } from './feed-preview.ts';
import { readFeedProducts } from './feed-products.ts';
import { productKey } from './product-key.ts';

/** Products committed per transaction. */
export const IMPORT_BATCH_SIZE = 500;

interface Batch {
  materials: Array<{ rowNumber: number; material: MaterialDraft }>;
  failures: ImportRowFailure[];
  lastRow: number;
}

export interface ImportJobRunnerOptions {
  /** Called after each batch commits, with its number (1-based); used to inject crashes in tests. */
  onBatchCommitted?: (jobId: string, batchNumber: number) => void;
}

export function createImportJobRunner(options: ImportJobRunnerOptions = {}): JobRunner {
  return {
    jobType: 'xml_import',
    async run(context) {
      const sql = context.database.sql;
      const row = await importsRepository.getByJob(sql, context.job.id);
      if (!row) throw new Error(`Import job ${context.job.id} has no data_import_jobs row.`);

      try {
        await importsRepository.setStatus(sql, row.id, 'processing');
        if (!context.completedStages.has('feed_detected')) await detectFeed(context, row);
        if (!context.completedStages.has('products_imported')) {
          await importProducts(context, row, options.onBatchCommitted);
        }
        if (!context.completedStages.has('import_completed')) await completeImport(context, row);
      } catch (error) {
        await recordImportOutcome(sql, row, context, error);
        throw error;
      }
    },
  };
}

async function detectFeed(context: JobRunContext, row: DataImportJobRow): Promise<void> {
  await context.beginStage('feed_detected');
  const preview = await previewFeed(row.file_path, {
    encoding: row.encoding ?? undefined,
    recordPath: parseFeedMapping(row.field_mappings).recordPath ?? undefined,
    profileRecords: 1,
    sampleRecords: 0,
    signal: context.signal,
  });
  await context.completeStage('feed_detected', {
    format: preview.format,
    encoding: preview.encoding.name,
    preset: preview.preset?.id ?? null,
    size_bytes: preview.sizeBytes,
  });
}

async function importProducts(
  context: JobRunContext,
  row: DataImportJobRow,
  onBatchCommitted: ImportJobRunnerOptions['onBatchCommitted'],
): Promise<void> {
  await context.beginStage('products_imported');
  const sql = context.database.sql;
  const mapping = parseFeedMapping(row.field_mappings);
  const resumeAfter =
    (await importsRepository.getByJob(sql, context.job.id))?.last_committed_row ?? 0;
  const totalBytes = (await stat(row.file_path)).size;
  let bytesRead = 0;
  let batch: Batch = { materials: [], failures: [], lastRow: resumeAfter };
  let batchNumber = 0;

  const flush = async () => {
    if (batch.materials.length === 0 && batch.failures.length === 0) return;
    const committed = batch;
    batch = { materials: [], failures: [], lastRow: committed.lastRow };
    await context.database.transaction((tx) => commitBatch(tx, context, row, committed));
    batchNumber += 1;
    onBatchCommitted?.(context.job.id, batchNumber);
    await context.setProgress(5 + 90 * (bytesRead / Math.max(1, totalBytes)));
  };

  try {
    const products = readFeedProducts(row.file_path, {
      mapping,
      encoding: row.encoding ?? undefined,
      signal: context.signal,
      onProgress: (progress) => {
        bytesRead = progress.bytesRead;
        context.touch();
      },
    });
    for await (const product of products) {
      if (product.rowNumber <= resumeAfter) continue;
      if ('material' in product) {
        batch.materials.push({ rowNumber: product.rowNumber, material: product.material });
      } else batch.failures.push(product.failure);
      batch.lastRow = product.rowNumber;
      if (batch.materials.length + batch.failures.length >= IMPORT_BATCH_SIZE) await flush();
    }
  } catch (error) {
    // Products read before a file-level fault are kept: commit them, then fail.
    if (error instanceof InputError) await flush();
    throw error;
  }
  await flush();
  await context.completeStage('products_imported', { last_row: batch.lastRow });
}

async function commitBatch(
  tx: Sql,
  context: JobRunContext,
  row: DataImportJobRow,
  batch: Batch,
): Promise<void> {
  let processed = 0;
  for (const { rowNumber, material } of batch.materials) {
    const key = `import:${productKey(row.source_name, material)}`;
    if (Array.isArray(material.attributes.updateOnly)) {
      const updated = await materialsRepository.updatePrice(tx, key, {
        price: material.price,
        currency: material.currency,
        jobId: context.job.id,
      });
      if (updated) processed += 1;
      else batch.failures.push(missingProductFailure(rowNumber, material));
      continue;
    }
    await materialsRepository.upsert(tx, key, material, {
      sourceType: 'import',
      sourceName: row.source_name,
      jobId: context.job.id,
    });
    processed += 1;
  }
  let failed = 0;
  for (const failure of batch.failures) {
    if (await importsRepository.addFailure(tx, row.id, failure)) failed += 1;
  }
  await importsRepository.recordBatch(tx, row.id, {
    processed,
    failed,
    lastRow: batch.lastRow,
  });
}

/** Builds the row failure of a price update for a product this source never imported. */
function missingProductFailure(rowNumber: number, material: MaterialDraft): ImportRowFailure {
  return {
    rowNumber,
    field: 'sku',
    reason:
      'This price update names a product that no earlier import from this source created; ' +
      'import the full catalog first, with the same source name.',
    rawValue: material.sku ?? '',
  };
}

async function completeImport(context: JobRunContext, row: DataImportJobRow): Promise<void> {
  await context.beginStage('import_completed');
  const sql = context.database.sql;
  const current = (await importsRepository.getByJob(sql, context.job.id))!;
  const summary = {
    total_products: current.processed_products + current.failed_products,
    processed_products: current.processed_products,
    failed_products: current.failed_products,
  };
  await context.completeStage('import_completed', summary, async (tx) => {
    await importsRepository.setTotal(tx, row.id, summary.total_products);
    await importsRepository.setStatus(tx, row.id, 'completed');
    await jobsRepository.mergeMetadata(tx, context.job.id, { summary });
  });
}

/**
 * Mirrors an interrupted attempt onto the `data_import_jobs` row: cancelled when the job was
 * cancelled, pending when the engine stopped or the job stalled (it will resume), failed
 * otherwise (a retry sets it back to processing).
 */
async function recordImportOutcome(
  sql: Sql,
  row: DataImportJobRow,
  context: JobRunContext,
  error: unknown,
): Promise<void> {
  const job = await jobsRepository.get(sql, context.job.id);
  if (job?.status === 'cancelled') {
    await importsRepository.setStatus(sql, row.id, 'cancelled');
  } else if (context.signal.aborted) {
    await importsRepository.setStatus(sql, row.id, 'pending');
  } else {
    await importsRepository.setStatus(sql, row.id, 'failed', (error as Error).message);
  }
}
