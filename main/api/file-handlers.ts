/** Handlers of `files:ingest` and `files:upload`: PDFs become jobs, feeds need a preview. */
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { IngestItem } from '../../contract/calls/files-calls.ts';
import { MAX_UPLOAD_BYTES } from '../../contract/calls/files-calls.ts';
import type { ImportType } from '../../contract/vocabulary.ts';
import { InputError } from '../jobs/job-errors.ts';
import type { ApiContext, CallHandlers } from './api-context.ts';
import { ApiFailure, toFailure } from './api-errors.ts';

/** Feed extensions and the import type each one previews as. */
const FEED_TYPES: Record<string, ImportType> = {
  '.xml': 'xml',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
};

export const fileHandlers: CallHandlers<'files:ingest' | 'files:upload'> = {
  async 'files:ingest'(input, context) {
    const items: IngestItem[] = [];
    for (const path of input.paths) items.push(await ingestPath(context, path, input.password));
    return { items };
  },

  async 'files:upload'(input, context) {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_UPLOAD_BYTES) {
      throw new ApiFailure(
        'invalid_input',
        `${input.name}: the upload holds ${bytes.length} bytes; send 1 byte to 256 MiB.`,
      );
    }
    const path = await saveUpload(context.core.database.dataDir, input.name, bytes);
    context.logger.info({ path, bytes: bytes.length }, 'Upload saved.');
    return { items: [await ingestPath(context, path, input.password)] };
  },
};

/** Ingests one path; a problem with this file becomes a `rejected` item, not a failed call. */
async function ingestPath(
  context: ApiContext,
  path: string,
  password: string | undefined,
): Promise<IngestItem> {
  const absolute = resolve(path);
  try {
    const extension = extname(absolute).toLowerCase();
    if (extension === '.pdf') {
      return {
        path: absolute,
        kind: 'job',
        job: await context.core.ingestPdf(absolute, { password }),
      };
    }
    const importType = FEED_TYPES[extension];
    if (!importType) throw unsupportedType(absolute, extension);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isFile()) throw missingFile(absolute);
    return { path: absolute, kind: 'needs_preview', importType };
  } catch (error) {
    const result = toFailure(error, 'files:ingest', context.logger);
    if (result.ok) throw new Error('toFailure returned a success.');
    return { path: absolute, kind: 'rejected', error: result.error };
  }
}

/**
 * Writes an upload to `<data dir>/uploads/<first 16 hex digits of its SHA-256>/<name>`, so
 * the same file uploaded twice lands on one path (and the PDF pipeline resumes its job).
 */
async function saveUpload(dataDir: string, name: string, bytes: Buffer): Promise<string> {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const folder = join(dataDir, 'uploads', digest);
  await mkdir(folder, { recursive: true });
  const path = join(folder, safeFileName(name));
  await writeFile(path, bytes);
  return path;
}

/** Keeps the last path segment of a browser-supplied name, without control characters. */
export function safeFileName(name: string): string {
  const last = basename(name.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload' : cleaned;
}

function unsupportedType(source: string, extension: string): InputError {
  return new InputError('unsupported_file_type', {
    source,
    problem: `Files of type ${extension || '(no extension)'} cannot be ingested.`,
    fix: 'Drop a PDF catalog, or an XML, CSV or JSON feed.',
  });
}

function missingFile(source: string): InputError {
  return new InputError('file_not_found', {
    source,
    problem: 'The file does not exist or is not a regular file.',
    fix: 'Check the path and try again.',
  });
}
