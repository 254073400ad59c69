/**
 * Row types with the platform's column names, mirrored from the repositories in
 * `main/store/` as plain interfaces so the renderer imports no Node code.
 * `tests/unit/contract/contract-sync.test.ts` checks that each mirror and its repository
 * type stay assignable both ways. Timestamps are ISO 8601 strings.
 */
import type { ImportType, JobStatus, JobType, ScrapeStatus, StageEvent } from './vocabulary.ts';

/** A `background_jobs` row. */
export interface BackgroundJobRow {
  id: string;
  job_type: JobType;
  status: JobStatus;
  progress: number;
  current_stage: string | null;
  last_heartbeat: string | null;
  document_id: string | null;
  filename: string | null;
  metadata: Record<string, unknown>;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  failed_at: string | null;
  updated_at: string;
  error: string | null;
  retry_count: number;
  next_attempt_at: string | null;
}

/** A `job_stage_events` row: one entry of a job's append-only history. */
export interface StageEventRow {
  id: string;
  job_id: string;
  stage: string | null;
  event: StageEvent;
  attempt: number;
  detail: Record<string, unknown>;
  created_at: string;
}

/** One stage of a job, folded from its events. */
export interface StageSummary {
  name: string;
  status: 'pending' | 'processing' | 'completed' | 'failed';
  started_at: string | null;
  completed_at: string | null;
}

/** Output counts of a job's document. */
export interface DocumentCounts {
  pages: number;
  chunks: number;
  tiles: number;
  materials: number;
}

/** A `materials` row. */
export interface MaterialRow {
  id: string;
  dedupe_key: string;
  name: string;
  sku: string | null;
  category: string | null;
  material_type: string | null;
  dimensions: string | null;
  thickness: string | null;
  finish: string | null;
  color: string | null;
  price: number | null;
  currency: string | null;
  manufacturer: string | null;
  source_type: 'pdf' | 'import' | 'scrape';
  source_name: string | null;
  source_url: string | null;
  document_id: string | null;
  page_number: number | null;
  job_id: string | null;
  confidence: number;
  attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** A `document_tiles` row without its embedding. `file_path` is absolute on the core's disk. */
export interface TileRow {
  id: string;
  page_number: number;
  file_path: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A `data_import_jobs` row: one feed import, tied to its `xml_import` background job. */
export interface DataImportJobRow {
  id: string;
  background_job_id: string;
  source_name: string;
  import_type: ImportType;
  status: JobStatus;
  file_path: string;
  encoding: string | null;
  preset: string | null;
  total_products: number;
  processed_products: number;
  failed_products: number;
  last_committed_row: number;
  field_mappings: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  error_message: string | null;
}

/** An `import_row_failures` row: one record an import could not use. */
export interface ImportRowFailureRow {
  id: string;
  data_import_job_id: string;
  row_number: number;
  line: number | null;
  field: string;
  reason: string;
  raw_value: string | null;
  created_at: string;
  updated_at: string;
}

/** An `import_mapping_templates` row: a supplier's saved mapping for one field signature. */
export interface ImportMappingTemplateRow {
  id: string;
  supplier: string;
  field_signature: string;
  import_type: ImportType;
  field_mappings: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** A `scraping_sessions` row, tied to its `web_scraping` background job. */
export interface ScrapingSessionRow {
  id: string;
  background_job_id: string;
  source_url: string;
  status: ScrapeStatus;
  total_pages: number;
  completed_pages: number;
  failed_pages: number;
  materials_processed: number;
  progress_percentage: number;
  scraping_config: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  error_message: string | null;
}

/** A `scraping_pages` row: one URL a session discovered, pending or fetched. */
export interface ScrapingPageRow {
  id: string;
  session_id: string;
  url: string;
  /** `sitemap` rows are sitemap files the crawler read, not pages. */
  kind: 'page' | 'sitemap';
  final_url: string | null;
  status: 'pending' | 'in_progress' | 'completed' | 'failed' | 'skipped';
  /** The crawler's classification (product, listing, challenge, not_found, ...), when fetched. */
  page_kind: string | null;
  http_status: number | null;
  depth: number;
  content_hash: string | null;
  materials_found: number;
  error: string | null;
  bytes: number | null;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  /** Dedupe keys of the products this page contributed, for a resumed crawl. */
  product_keys: string[];
  created_at: string;
  updated_at: string;
}
