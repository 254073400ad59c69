import { z } from 'zod';
import { defineCall } from '../call-spec.ts';
import type {
  BackgroundJobRow,
  DataImportJobRow,
  ImportMappingTemplateRow,
  ImportRowFailureRow,
} from '../rows.ts';
import {
  IMPORT_TYPES,
  JOB_STATUSES,
  MATERIAL_TARGET_FIELDS,
  type ImportType,
  type MaterialTargetField,
} from '../vocabulary.ts';
import { filePathSchema, idSchema } from './common-schemas.ts';

/** One field found in a feed, with what the preview saw of it. */
export interface PreviewField {
  /** Field path as the readers name it (`PRODUCT_DETAILS.EAN`, `@id`, a CSV header). */
  path: string;
  /** Share of sampled records where the field is present and non-empty, 0 to 1. */
  fillRate: number;
  /** Up to 5 distinct sample values, shortened. */
  samples: string[];
}

/** A proposed mapping of one feed field onto one `materials` column. */
export interface ProposedMapping {
  target: MaterialTargetField;
  source: string;
  /** From 0 to 1; the view requests confirmation below its own threshold. */
  confidence: number;
}

export interface ImportPreview {
  path: string;
  importType: ImportType;
  /** Concrete syntax: xml, csv, json, jsonl or datanorm. */
  format: string;
  encoding: string;
  /** A known supplier layout the preview recognised, or null. */
  preset: string | null;
  /** A saved template whose field signature matches, or null. */
  template: ImportMappingTemplateRow | null;
  /** Records read for the preview (not the whole file). */
  sampledRecords: number;
  /** XML element path or JSON array path of the records; null for CSV and DATANORM. */
  recordPath: string | null;
  fields: PreviewField[];
  mapping: ProposedMapping[];
  /** Problems that did not stop the preview, such as a syntax error after the sample. */
  warnings: string[];
}

/** Feed field per target column; unmapped columns are left out. */
export const importMappingSchema = z.partialRecord(
  z.enum(MATERIAL_TARGET_FIELDS),
  z.string().min(1).max(500),
);

export const importsStartInput = z.strictObject({
  path: filePathSchema,
  mapping: importMappingSchema.refine((mapping) => mapping.name !== undefined, {
    message: 'Map a feed field to name; every material needs one.',
  }),
  /** Supplier or feed name stored as `source_name` on the materials. */
  sourceName: z.string().trim().min(1).max(200),
  saveAsTemplate: z.boolean().default(false),
  preset: z.string().max(100).optional(),
  /** The preview's `recordPath`, passed back unchanged. */
  recordPath: z.string().min(1).max(500).nullable().optional(),
});

export interface ImportStarted {
  job: BackgroundJobRow;
  importJob: DataImportJobRow;
}

export interface ImportFailuresOutput {
  total: number;
  failures: ImportRowFailureRow[];
  /** All failures as CSV (row_number, line, field, reason, raw_value) when `format` is csv. */
  csv: string | null;
}

export const importsCalls = {
  'imports:preview': defineCall<ImportPreview>()(
    z.strictObject({
      path: filePathSchema,
      /** Supplier name whose saved template to look for; defaults to the file's base name. */
      sourceName: z.string().trim().min(1).max(200).optional(),
    }),
    { timeoutMs: 60_000 },
  ),
  'imports:start': defineCall<ImportStarted>()(importsStartInput, { timeoutMs: 30_000 }),
  'imports:list': defineCall<{ imports: DataImportJobRow[] }>()(
    z.strictObject({
      statuses: z.array(z.enum(JOB_STATUSES)).optional(),
      types: z.array(z.enum(IMPORT_TYPES)).optional(),
      limit: z.number().int().min(1).max(5_000).default(200),
    }),
  ),
  'imports:failures': defineCall<ImportFailuresOutput>()(
    z.strictObject({
      importId: idSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5_000).default(500),
      format: z.enum(['rows', 'csv']).default('rows'),
    }),
    { timeoutMs: 60_000 },
  ),
  'imports:templates': defineCall<{ templates: ImportMappingTemplateRow[] }>()(
    z.strictObject({ supplier: z.string().trim().min(1).max(200).optional() }),
  ),
};
