import { z } from 'zod';
import { defineCall } from '../call-spec.ts';
import type { ApiError } from '../result.ts';
import type { BackgroundJobRow, TileRow } from '../rows.ts';
import type { ImportType } from '../vocabulary.ts';
import { filePathSchema, idSchema } from './common-schemas.ts';

/** Largest file `files:upload` accepts, in bytes (before base64). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** The outcome for one ingested file. */
export type IngestItem =
  | { path: string; kind: 'job'; job: BackgroundJobRow }
  /** A feed: the import view previews it (`imports:preview`) before `imports:start`. */
  | { path: string; kind: 'needs_preview'; importType: ImportType }
  | { path: string; kind: 'rejected'; error: ApiError };

export interface IngestOutput {
  items: IngestItem[];
}

export const filesIngestInput = z.strictObject({
  paths: z.array(filePathSchema).min(1).max(500),
  /** User password for encrypted PDFs, applied to every PDF in the batch. */
  password: z.string().min(1).max(1_024).optional(),
});

export const filesUploadInput = z.strictObject({
  /** The file's name as the browser reports it; only its last path segment is used. */
  name: z.string().min(1).max(255),
  /** The file's bytes, base64-encoded. */
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, 'The file is larger than 256 MiB.'),
  password: z.string().min(1).max(1_024).optional(),
});

/** A tile with a URL the renderer can put in `<img src>`. */
export interface TileView extends Omit<TileRow, 'file_path'> {
  url: string;
}

export interface DocumentTilesOutput {
  /** Null when the job has no document yet. */
  documentId: string | null;
  total: number;
  tiles: TileView[];
}

export const filesCalls = {
  /** PDFs become jobs; XML, CSV and JSON feeds come back as `needs_preview`. */
  'files:ingest': defineCall<IngestOutput>()(filesIngestInput, { timeoutMs: 120_000 }),
  /** Saves bytes under `<data dir>/uploads/`, then ingests the saved file like a path. */
  'files:upload': defineCall<IngestOutput>()(filesUploadInput, { timeoutMs: 300_000 }),
  'documents:tiles': defineCall<DocumentTilesOutput>()(
    z.strictObject({
      jobId: idSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(2_000).default(200),
    }),
  ),
};
