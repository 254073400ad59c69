import { extname } from 'node:path';
import type { FeedFormat, ImportType } from './feed-types.ts';
import { feedInputError } from './feed-errors.ts';

/** The syntax of a feed as read from its content. */
export interface DetectedFormat {
  format: FeedFormat;
  importType: ImportType;
  /** Set when the file name suggests another format than the content. */
  warning?: string;
}

const IMPORT_TYPES: Record<FeedFormat, ImportType> = {
  xml: 'xml',
  csv: 'csv',
  datanorm: 'csv',
  json: 'json',
  jsonl: 'json',
};

const EXTENSION_FORMATS: Record<string, FeedFormat> = {
  '.xml': 'xml',
  '.rss': 'xml',
  '.atom': 'xml',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.001': 'datanorm',
  '.wrg': 'datanorm',
};

const BINARY_SIGNATURES: { bytes: number[]; name: string; fix: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document', fix: 'Import it as a PDF job.' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    name: 'a ZIP archive (an .xlsx or .ods workbook is one)',
    fix: 'Unpack it, or save the sheet as CSV (UTF-8), and import that file.',
  },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive', fix: 'Decompress it and import the feed inside.' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    name: 'a legacy Excel (.xls) workbook',
    fix: 'Save the sheet as CSV (UTF-8) and import that file.',
  },
];

/** Rejects files that are not text feeds: empty files, archives, PDFs and spreadsheets. */
export function rejectNonTextFeed(sample: Uint8Array, source: string, utf16: boolean): void {
  if (sample.length === 0) throw emptyFileError(source);
  for (const signature of BINARY_SIGNATURES) {
    if (signature.bytes.every((byte, i) => sample[i] === byte)) {
      throw feedInputError(
        'unsupported_format',
        source,
        undefined,
        `The file is ${signature.name}, not an XML, CSV or JSON feed.`,
        signature.fix,
      );
    }
  }
  const zero = utf16 ? -1 : sample.indexOf(0);
  if (zero !== -1) {
    throw feedInputError(
      'unsupported_format',
      source,
      { byteOffset: zero },
      'The file contains NUL bytes, so it is binary rather than a text feed.',
      'Export the data as XML, CSV or JSON text.',
    );
  }
}

/** Error for a file without any content once a BOM and whitespace are removed. */
export function emptyFileError(source: string) {
  return feedInputError(
    'empty_file',
    source,
    undefined,
    'The file is empty.',
    'Check that the export or download finished, then import the complete file.',
  );
}

/** Detects the feed syntax from the decoded start of the file; the extension only warns. */
export function detectFormat(head: string, fileName: string, source: string): DetectedFormat {
  const text = head.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start === '') throw emptyFileError(source);
  const format = formatFromContent(start, source);
  const byExtension = EXTENSION_FORMATS[extname(fileName).toLowerCase()];
  const detected: DetectedFormat = { format, importType: IMPORT_TYPES[format] };
  if (byExtension && IMPORT_TYPES[byExtension] !== detected.importType) {
    detected.warning = `The file name ends in ${extname(fileName)} but the content is ${format}.`;
  }
  return detected;
}

function formatFromContent(start: string, source: string): FeedFormat {
  if (start.startsWith('<')) {
    if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(start)) {
      throw feedInputError(
        'unsupported_format',
        source,
        undefined,
        'The file is an HTML page, not an XML feed.',
        'Import the page as a web scraping job, or ask the supplier for the feed URL.',
      );
    }
    return 'xml';
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    return isJsonLines(start) ? 'jsonl' : 'json';
  }
  if (/^V [ 0-9]{6}/.test(start) && /^[ABSDTPR];/m.test(start)) return 'datanorm';
  return 'csv';
}

// JSON Lines: the first line is a complete JSON value on its own and the next non-blank line
// starts another one. A pretty-printed JSON document fails the first test.
function isJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [first, second] = lines;
  if (first === undefined || second === undefined) return false;
  if (!/^\s*[[{]/.test(second)) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}
