/**
 * The job vocabulary shared by the engine, the CLI, the renderer and the database check
 * constraints in `supabase/migrations/`. Change a list here and in the migration together.
 */

export const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_TYPES = ['pdf_processing', 'web_scraping', 'xml_import'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** Statuses a job never leaves on its own; only a retry moves a failed job back to pending. */
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

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

/** Events recorded in `job_stage_events`, the append-only history of a job. */
export const STAGE_EVENTS = [
  'started',
  'completed',
  'failed',
  'stalled',
  'recovered',
  'retry_scheduled',
  'cancelled',
] as const;
export type StageEvent = (typeof STAGE_EVENTS)[number];

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

export function isJobType(value: string): value is JobType {
  return (JOB_TYPES as readonly string[]).includes(value);
}
