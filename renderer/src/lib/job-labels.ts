/** Short names of job types as the UI prints them ("Retry 3 failed PDF jobs?"). */
const TYPE_LABELS: Record<string, string> = {
  pdf_processing: 'PDF',
  web_scraping: 'scrape',
  xml_import: 'import',
};

/** Returns the short label of a job type, or the raw type when it is unknown. */
export function jobTypeLabel(jobType: string): string {
  return TYPE_LABELS[jobType] ?? jobType;
}

/** Returns a stage name as words: `text_extracted` becomes `text extracted`. */
export function stageLabel(stage: string | null | undefined): string {
  return stage ? stage.replaceAll('_', ' ') : '–';
}

/** The fields of a job that name it in lists. */
export interface NamedJob {
  id: string;
  filename: string | null;
  metadata: Record<string, unknown>;
}

/**
 * Returns the name staff recognise a job by: the file for PDF and feed jobs, the start
 * URL for a scrape, else the first 8 characters of the id.
 */
export function jobDisplayName(job: NamedJob): string {
  if (job.filename) return job.filename;
  for (const key of ['url', 'source_url', 'start_url', 'source_name', 'source']) {
    const value = job.metadata?.[key];
    if (typeof value === 'string' && value) return value;
  }
  return `Job ${job.id.slice(0, 8)}`;
}

/**
 * Shortens a core error for a one-line cell: the core prefixes the file's path (and a byte
 * range), which the row already names, so everything up to the first ": " after a path
 * is dropped. The detail view shows the whole message.
 */
export function briefError(error: string): string {
  const match = /^(?:[A-Za-z]:)?[\\/][^:]*?(?: \([^)]*\))?: (.+)$/s.exec(error);
  return match ? match[1]! : error;
}
