/**
 * Starting feed imports: preview a feed (detect and propose, import nothing), then enqueue it
 * as an `xml_import` job with a `data_import_jobs` row. A mapping saved as a supplier's
 * template is reused for the next feed from that supplier with the same fields.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { basename, extname, resolve } from 'node:path';
import type { JobEngine } from '../../jobs/job-engine.ts';
import type { Database } from '../../store/database.ts';
import {
  importsRepository,
  type DataImportJobRow,
  type ImportMappingTemplateRow,
} from '../../store/imports-repository.ts';
import { jobsRepository, type BackgroundJobRow } from '../../store/jobs-repository.ts';
import { InputError } from '../../jobs/job-errors.ts';
import { emptyMapping, parseFeedMapping, type FeedMapping } from './feed-mapping.ts';
import { previewFeed, type FeedPreview } from './feed-preview.ts';
import { TARGET_FIELDS, type TargetField } from './mapping-dictionary.ts';

export interface ImportPreview extends FeedPreview {
  sourceName: string;
  /** Hash of the sorted field paths: a template applies to feeds with the same fields. */
  fieldSignature: string;
  /** The supplier's saved mapping for these fields, when one exists. */
  template: FeedMapping | null;
  /** The stored template row behind `template`. */
  templateRow: ImportMappingTemplateRow | null;
}

export interface StartImportOptions {
  /** Supplier or feed name; products are keyed by it. Defaults to the file's base name. */
  sourceName?: string;
  /** The mapping to use; defaults to the supplier's template, else the proposed mapping. */
  mapping?: unknown;
  /** Overrides the detected encoding (e.g. `windows-1252`, `cp850`). */
  encoding?: string;
  /** Saves the mapping as the supplier's template for feeds with the same fields. */
  saveTemplate?: boolean;
  /** XML element path or JSON array path of the records, when detection picks the wrong one. */
  recordPath?: string;
  /**
   * One feed field per target, chosen by a person (the console's mapping editor). Applied
   * over the proposed mapping at confidence 1; targets left out are unmapped. Ignored when
   * `mapping` is given.
   */
  fieldChoices?: Partial<Record<TargetField, string>>;
}

/** Returns a source name for a file: its base name without the extension. */
export function defaultSourceName(filePath: string): string {
  return basename(filePath, extname(filePath));
}

export function fieldSignature(preview: FeedPreview): string {
  const paths = preview.fields.map((field) => field.path).sort();
  return createHash('sha256').update(JSON.stringify(paths)).digest('hex').slice(0, 32);
}

export async function previewImport(
  database: Database,
  filePath: string,
  options: { sourceName?: string; encoding?: string; recordPath?: string } = {},
): Promise<ImportPreview> {
  const absolute = resolve(filePath);
  await checkImportInput(absolute, options.encoding);
  const preview = await previewFeed(absolute, {
    encoding: options.encoding,
    recordPath: options.recordPath,
  });
  const sourceName = options.sourceName ?? defaultSourceName(absolute);
  const signature = fieldSignature(preview);
  const stored = await importsRepository.findTemplate(database.sql, sourceName, signature);
  return {
    ...preview,
    sourceName,
    fieldSignature: signature,
    template: stored ? parseFeedMapping(stored.field_mappings, `template of ${sourceName}`) : null,
    templateRow: stored ?? null,
  };
}

/**
 * Previews the feed, picks its mapping and enqueues the import job. A feed that cannot be
 * read still becomes a job, which then fails at `feed_detected` with the reader's error, so
 * the failure shows in the queue like any other.
 */
export async function startImport(
  database: Database,
  engine: JobEngine,
  filePath: string,
  options: StartImportOptions = {},
): Promise<{
  job: BackgroundJobRow;
  dataImportJob: DataImportJobRow;
  preview: ImportPreview | null;
}> {
  await checkImportInput(resolve(filePath), options.encoding);
  const requestedMapping = options.mapping
    ? parseFeedMapping(options.mapping, 'the given mapping')
    : null;
  const recordPath = options.recordPath ?? requestedMapping?.recordPath ?? undefined;
  let preview: ImportPreview;
  try {
    preview = await previewImport(database, filePath, { ...options, recordPath });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return enqueueUnreadableFeed(database, engine, resolve(filePath), options);
  }
  const chosenMapping =
    requestedMapping ??
    (options.fieldChoices
      ? applyFieldChoices(preview.proposedMapping, options.fieldChoices)
      : null);
  if (chosenMapping) checkMappedFields(preview, chosenMapping);
  const base = chosenMapping ?? preview.template ?? preview.proposedMapping;
  const mapping = recordPath ? { ...base, recordPath } : base;

  const { job, dataImportJob } = await database.transaction(async (tx) => {
    const job = await jobsRepository.insert(tx, {
      jobType: 'xml_import',
      filename: basename(preview.source),
      metadata: {
        file_path: preview.source,
        source_name: preview.sourceName,
        import_type: preview.importType,
        preset: preview.preset?.id ?? null,
      },
    });
    const dataImportJob = await importsRepository.insert(tx, {
      backgroundJobId: job.id,
      sourceName: preview.sourceName,
      importType: preview.importType,
      filePath: preview.source,
      encoding: options.encoding ?? null,
      preset: preview.preset?.id ?? null,
      fieldMappings: mapping as unknown as Record<string, unknown>,
    });
    if (options.saveTemplate) {
      await importsRepository.saveTemplate(tx, {
        supplier: preview.sourceName,
        fieldSignature: preview.fieldSignature,
        importType: preview.importType,
        fieldMappings: mapping as unknown as Record<string, unknown>,
      });
    }
    return { job, dataImportJob };
  });

  engine.emit('job:changed', job.id);
  engine.kick();
  return { job, dataImportJob, preview };
}

/** Builds a mapping from one chosen field per target, keeping the base's preset and options. */
function applyFieldChoices(
  base: FeedMapping,
  choices: Partial<Record<TargetField, string>>,
): FeedMapping {
  const fields = { ...base.fields };
  for (const target of TARGET_FIELDS) {
    const source = choices[target];
    fields[target] = source ? { source, confidence: 1 } : { source: null, confidence: 0 };
  }
  return { ...base, fields };
}

/**
 * Rejects, before any job exists, what is a mistake in the request rather than in the feed:
 * a path that is not a file, or an encoding name iconv-lite does not know.
 */
async function checkImportInput(filePath: string, encoding: string | undefined): Promise<void> {
  const info = await stat(filePath).catch(() => undefined);
  if (!info?.isFile()) {
    throw new InputError('file_not_found', {
      source: filePath,
      problem: info ? 'This is a folder, not a feed file.' : 'The file does not exist.',
      fix: 'Pass the path of an XML, CSV or JSON feed.',
    });
  }
  if (encoding && !iconv.encodingExists(encoding)) {
    throw new InputError('unknown_encoding', {
      source: filePath,
      problem: `The encoding "${encoding}" is not known.`,
      fix: 'Use a name such as utf-8, utf-16le, iso-8859-1, windows-1252 or cp850.',
    });
  }
}

/**
 * Rejects a mapping that names fields the feed does not have, which would otherwise fail
 * every row. NOTE: fields are those of the profiled records (the first 500), so a field
 * that first appears later in the file is reported as missing.
 */
function checkMappedFields(preview: ImportPreview, mapping: FeedMapping): void {
  const known = new Set(preview.fields.map((field) => field.path));
  const missing: string[] = [];
  for (const field of Object.values(mapping.fields)) {
    let sources: string[] = [];
    if (Array.isArray(field.source)) sources = field.source;
    else if (field.source) sources = [field.source];
    for (const source of sources) if (!known.has(source)) missing.push(source);
  }
  if (missing.length === 0) return;
  throw new InputError('unknown_mapping_field', {
    source: preview.source,
    problem: `The mapping names ${missing.map((name) => `"${name}"`).join(', ')}, which the feed does not have.`,
    fix: `Map only fields of this feed: ${[...known].slice(0, 20).join(', ')}${known.size > 20 ? ', ...' : ''}.`,
  });
}

async function enqueueUnreadableFeed(
  database: Database,
  engine: JobEngine,
  filePath: string,
  options: StartImportOptions,
): Promise<{ job: BackgroundJobRow; dataImportJob: DataImportJobRow; preview: null }> {
  const extension = extname(filePath).toLowerCase();
  const importType = extension === '.xml' ? 'xml' : extension.startsWith('.json') ? 'json' : 'csv';
  const sourceName = options.sourceName ?? defaultSourceName(filePath);
  const { job, dataImportJob } = await database.transaction(async (tx) => {
    const job = await jobsRepository.insert(tx, {
      jobType: 'xml_import',
      filename: basename(filePath),
      metadata: { file_path: filePath, source_name: sourceName, import_type: importType },
    });
    const dataImportJob = await importsRepository.insert(tx, {
      backgroundJobId: job.id,
      sourceName,
      importType,
      filePath,
      encoding: options.encoding ?? null,
      fieldMappings: emptyMapping() as unknown as Record<string, unknown>,
    });
    return { job, dataImportJob };
  });
  engine.emit('job:changed', job.id);
  engine.kick();
  return { job, dataImportJob, preview: null };
}

/** Enqueues a past import again with its stored mapping and source. */
export async function rerunImport(
  database: Database,
  engine: JobEngine,
  backgroundJobId: string,
): Promise<{ job: BackgroundJobRow; dataImportJob: DataImportJobRow }> {
  const previous = await importsRepository.getByJob(database.sql, backgroundJobId);
  if (!previous) throw new Error(`Job ${backgroundJobId} is not a feed import.`);
  const { job, dataImportJob } = await startImport(database, engine, previous.file_path, {
    sourceName: previous.source_name,
    mapping: previous.field_mappings,
    encoding: previous.encoding ?? undefined,
  });
  return { job, dataImportJob };
}
