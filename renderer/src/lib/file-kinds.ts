/** What a dropped or chosen file becomes: a PDF job, a feed import, or nothing. */
export type FileKind = 'pdf' | 'feed' | 'unsupported';

const FEED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xml', '.json', '.jsonl', '.ndjson'];

/**
 * Classifies a file by its name. A `.pdf` always becomes a PDF job, even when its bytes are
 * not a PDF, so the core rejects it with a message that names the file and the fix.
 */
export function fileKind(name: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (FEED_EXTENSIONS.some((extension) => lower.endsWith(extension))) return 'feed';
  return 'unsupported';
}
