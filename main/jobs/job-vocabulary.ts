/**
 * The job vocabulary of the engine and the CLI. The status, type and stage-event lists live
 * in `contract/vocabulary.ts` and in the check constraints of `supabase/migrations/`, so
 * change them in both places together.
 */

import {
  JOB_STATUSES,
  JOB_TYPES,
  STAGE_EVENTS,
  type JobStatus,
  type JobType,
  type StageEvent,
} from '../../contract/vocabulary.ts';

// Statuses, types and stage events are defined once, in the contract the UI shares.
export { JOB_STATUSES, JOB_TYPES, STAGE_EVENTS };
export type { JobStatus, JobType, StageEvent };

/** The nine checkpointed stages of a PDF job, in the order they run. */
export const PDF_STAGES = [
  'pdf_loaded',
  'text_extracted',
  'chunks_created',
  'images_extracted',
  'tiles_generated',
  'embeddings_created',
  'materials_extracted',
  'materials_linked',
  'document_indexed',
] as const;
export type PdfStage = (typeof PDF_STAGES)[number];

/** Stages of a feed import (`xml_import` jobs of any import_type). */
export const IMPORT_STAGES = ['feed_detected', 'products_imported', 'import_completed'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** Stages of a scraping session (`web_scraping` jobs). */
export const SCRAPE_STAGES = ['site_discovered', 'pages_scraped', 'session_completed'] as const;
export type ScrapeStage = (typeof SCRAPE_STAGES)[number];

/** Returns the stage order of a job type, for stage summaries. */
export function stagesOf(jobType: JobType): readonly string[] {
  if (jobType === 'pdf_processing') return PDF_STAGES;
  if (jobType === 'xml_import') return IMPORT_STAGES;
  return SCRAPE_STAGES;
}

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

export function isJobType(value: string): value is JobType {
  return (JOB_TYPES as readonly string[]).includes(value);
}
