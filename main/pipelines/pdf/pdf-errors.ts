import { PasswordResponses } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError, PasswordRequiredError } from '../../jobs/job-errors.ts';

/** Error codes this module raises, besides `password_required` from PasswordRequiredError. */
export type PdfErrorCode =
  | 'file_not_found'
  | 'file_unreadable'
  | 'empty_file'
  | 'not_a_pdf'
  | 'corrupt_pdf'
  | 'corrupt_page';

/** Maps a failed `readFile` to an input error; returns the error itself when it is not one. */
export function classifyReadError(source: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') {
    return new InputError(
      'file_not_found',
      { source, problem: 'The file does not exist.', fix: 'Check the path and upload it again.' },
      { cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') {
    const problem =
      code === 'EISDIR'
        ? 'The path is a folder, not a file.'
        : 'The file cannot be read (permission denied).';
    return new InputError(
      'file_unreadable',
      { source, problem, fix: 'Point the job at a readable PDF file.' },
      { cause: error },
    );
  }
  return error;
}

/** Builds the error for a zero-byte file. */
export function emptyFileError(source: string): InputError {
  return new InputError('empty_file', {
    source,
    location: 'byte 0',
    problem: 'The file is empty (0 bytes), so the upload or download probably failed.',
    fix: 'Upload the PDF again from the original.',
  });
}

/** Binary signatures of formats that are often uploaded by mistake under a .pdf name. */
const BINARY_SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (e.g. a .docx or .xlsx file)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
];

const TEXT_SIGNATURES: [RegExp, string][] = [
  [/^\s*<(!doctype html|html)/i, 'an HTML page'],
  [/^\s*<\?xml/, 'an XML file'],
  [/^\s*[{[]/, 'JSON or other text'],
];

/** Names the format of a file by its first bytes, for the not-a-PDF message. */
function describeContent(bytes: Uint8Array): string {
  const binary = BINARY_SIGNATURES.find(([magic]) => magic.every((b, i) => bytes[i] === b));
  if (binary) return binary[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const text = TEXT_SIGNATURES.find(([pattern]) => pattern.test(head));
  if (text) return text[1];
  const printable = bytes.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  return printable ? 'plain text' : 'binary data of an unknown format';
}

/** Builds the error for a file without a `%PDF-` header in its first 1024 bytes. */
export function notPdfError(source: string, bytes: Uint8Array): InputError {
  const preview = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 24))
    .replace(/[^\x20-\x7E]/g, '.');
  return new InputError('not_a_pdf', {
    source,
    location: 'bytes 0-1023',
    problem: `The file is not a PDF: no %PDF- header in the first 1024 bytes; it looks like ${describeContent(bytes)} (starts with "${preview}").`,
    fix: 'Export or save the document as PDF and upload that file.',
  });
}

/**
 * Maps an error from pdfjs `getDocument` to an input error. Password errors become
 * PasswordRequiredError; every other parse failure is `corrupt_pdf`, with pdfjs's message and
 * the damage `inspectPdfStructure` found.
 */
export function classifyOpenError(source: string, error: unknown, damage: string[]): InputError {
  const name = (error as { name?: unknown } | null)?.name;
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'PasswordException') {
    return new PasswordRequiredError(source, code === PasswordResponses.INCORRECT_PASSWORD, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const found = damage.length > 0 ? ` The file shows: ${damage.join('; ')}.` : '';
  return new InputError(
    'corrupt_pdf',
    {
      source,
      problem: `The PDF is damaged and cannot be opened (pdfjs: "${message}").${found}`,
      fix: 'Get a fresh copy of the file, or open it in a PDF viewer and save it again as PDF.',
    },
    { cause: error },
  );
}

/** Builds the error for a page whose objects cannot be parsed. */
export function corruptPageError(source: string, pageNumber: number, error: unknown): InputError {
  const message = error instanceof Error ? error.message : String(error);
  return new InputError(
    'corrupt_page',
    {
      source,
      location: `page ${pageNumber}`,
      problem: `The page cannot be read (pdfjs: "${message}").`,
      fix: 'Open the file in a PDF viewer, save it again as PDF and rerun the job.',
    },
    { cause: error },
  );
}
