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
