/**
 * Job vocabulary mirrored from `main/jobs/job-vocabulary.ts`, so the renderer gets the values
 * without importing the core. `tests/unit/contract/contract-sync.test.ts` fails when the two
 * drift apart.
 */

export const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_TYPES = ['pdf_processing', 'web_scraping', 'xml_import'] as const;
export type JobType = (typeof JOB_TYPES)[number];

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

/** Statuses of a `scraping_sessions` row (`paused` and `cancelled` are local extensions). */
export const SCRAPE_STATUSES = [
  'pending',
  'processing',
  'scraping',
  'paused',
  'completed',
  'failed',
  'cancelled',
] as const;
export type ScrapeStatus = (typeof SCRAPE_STATUSES)[number];

/** The `import_type` of a `data_import_jobs` row. */
export const IMPORT_TYPES = ['xml', 'csv', 'json'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/**
 * Material fields a feed field can be mapped to, mirrored from the importer's
 * `TARGET_FIELDS`. Those without a `materials` column (description, image_urls,
 * product_url, stock, barcode) are stored in the material's `attributes`.
 */
export const MATERIAL_TARGET_FIELDS = [
  'name',
  'sku',
  'description',
  'category',
  'material_type',
  'dimensions',
  'thickness',
  'finish',
  'color',
  'price',
  'currency',
  'manufacturer',
  'image_urls',
  'product_url',
  'stock',
  'barcode',
] as const;
export type MaterialTargetField = (typeof MATERIAL_TARGET_FIELDS)[number];
