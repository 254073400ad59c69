/**
 * Opening PDF files with pdfjs (`pdfjs-dist/legacy/build/pdf.mjs`, version 5) in plain Node.
 *
 * The functions in this folder are the PDF compute layer: `openPdf` gives a `PdfHandle`,
 * `extractPageText` (page-text.ts) rebuilds a page's text in reading order, `renderPage` and
 * `writePageImage` (page-render.ts) rasterise a page, and `generateTiles` (page-tiles.ts) cuts a
 * page image into tiles. Each takes an optional `AbortSignal` and rejects with `signal.reason`
 * when it fires. Pages are processed one at a time, so call `page.release()` after each page.
 * `handle.close()` destroys the pdfjs loading task, which lets the process exit.
 *
 * Asset folders. pdfjs reads these from disk at run time, and there is no network fallback:
 * - `cmaps/`: packed Adobe CMaps. Without them text in CJK fonts that are not embedded (GBK,
 *   Shift-JIS, vertical Japanese) is silently dropped from the text layer.
 * - `standard_fonts/`: the 14 standard fonts, for PDFs that reference Helvetica and the like
 *   without embedding them.
 * - `wasm/`: OpenJPEG, JBIG2 and QCMS decoders for JPEG 2000, JBIG2 and ICC images.
 * - `iccs/`: ICC profiles for CMYK images.
 * By default they are taken from the installed `pdfjs-dist` package. A packaged app that keeps
 * `pdfjs-dist` inside an asar archive unpacks those folders and passes `assets:
 * pdfAssetPaths(unpackedRoot)` (or each folder by name) to `openPdf`.
 *
 * Errors. Bad input raises `InputError` (main/jobs/job-errors.ts); its message names the file,
 * the problem and the fix. Codes:
 * - `file_not_found`: the path does not exist.
 * - `file_unreadable`: the path is a folder or cannot be read.
 * - `empty_file`: the file has 0 bytes (a failed upload or download).
 * - `not_a_pdf`: no `%PDF-` header in the first 1024 bytes, e.g. an HTML page or image saved
 *   with a .pdf name; the message says what the file looks like.
 * - `password_required` (PasswordRequiredError): encrypted with a user password; its
 *   `wrongPassword` is false when none was given and true when the given one is incorrect.
 * - `corrupt_pdf`: pdfjs could not open the file even after rebuilding its cross-reference
 *   table (a truncated file, a missing trailer or a broken xref); the message quotes pdfjs.
 * - `corrupt_page` (from `getPage`): one page's objects cannot be parsed.
 * A damaged file that pdfjs does recover opens normally and lists the damage in
 * `PdfHandle.warnings`. Other exceptions are bugs or environment faults and are rethrown.
 */
import { readFile } from 'node:fs/promises';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type {
  PDFDocumentLoadingTask,
  PDFDocumentProxy,
  PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import { normaliseAssetPaths, pdfAssetPaths, type PdfAssetPaths } from './pdf-assets.ts';
import {
  classifyOpenError,
  classifyReadError,
  corruptPageError,
  emptyFileError,
  notPdfError,
} from './pdf-errors.ts';
import { readMetadata, readPermissions } from './pdf-metadata.ts';
import type { PdfMetadata, PdfPermissions } from './pdf-metadata.ts';
import { inspectPdfStructure } from './pdf-structure.ts';

export type { PdfAssetPaths, PdfMetadata, PdfPermissions };

/** Options for `openPdf`. */
export interface OpenPdfOptions {
  /** User password of an encrypted file; any Unicode string (pdfjs encodes it as needed). */
  password?: string;
  /** Asset folders; defaults to those of the installed pdfjs-dist. */
  assets?: PdfAssetPaths;
  signal?: AbortSignal;
}

/** One page of an open document. Call `release()` when done to free its parsed resources. */
export interface PdfPage {
  /** 1-based. */
  readonly pageNumber: number;
  /** The file path given to `openPdf`, for messages. */
  readonly source: string;
  /** The pdfjs page, for calls this module does not wrap. */
  readonly proxy: PDFPageProxy;
  /** The document, whose canvas factory `renderPage` uses. */
  readonly document: PDFDocumentProxy;
  release(): void;
}

/** An open PDF document. */
export interface PdfHandle {
  readonly source: string;
  readonly pageCount: number;
  readonly metadata: PdfMetadata;
  /** True when the file has an /Encrypt dictionary, including owner-password-only files. */
  readonly encrypted: boolean;
  readonly permissions: PdfPermissions;
  /** Damage pdfjs recovered from while opening, one sentence each; empty for a sound file. */
  readonly warnings: string[];
  /** Loads page `pageNumber` (1-based); throws RangeError outside 1..pageCount. */
  getPage(pageNumber: number): Promise<PdfPage>;
  /** Destroys the document and its loading task; safe to call twice. */
  close(): Promise<void>;
}

/** Reads the file and rejects an empty one before pdfjs parses it. */
async function readPdfBytes(filePath: string, signal?: AbortSignal): Promise<Uint8Array> {
  let buffer: Buffer;
  try {
    buffer = await readFile(filePath, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw classifyReadError(filePath, error);
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.length === 0) throw emptyFileError(filePath);
  return bytes;
}

/** Starts pdfjs on `data`, which pdfjs takes ownership of. */
function startLoading(data: Uint8Array, options: OpenPdfOptions): PDFDocumentLoadingTask {
  const assets = normaliseAssetPaths(options.assets ?? pdfAssetPaths());
  return getDocument({
    data,
    password: options.password,
    cMapUrl: assets.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDir,
    wasmUrl: assets.wasmDir,
    iccUrl: assets.iccDir,
    isEvalSupported: false,
    useSystemFonts: false,
    // pdfjs prints warnings with console.log; damage is reported through `warnings` instead.
    verbosity: VerbosityLevel.ERRORS,
  });
}

/** Awaits the loading task, destroying it when `signal` fires. */
async function awaitDocument(
  task: PDFDocumentLoadingTask,
  signal?: AbortSignal,
): Promise<PDFDocumentProxy> {
  if (!signal) return task.promise;
  const onAbort = (): void => void task.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await task.promise;
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Wraps a pdfjs page. */
function wrapPage(doc: PDFDocumentProxy, source: string, proxy: PDFPageProxy): PdfPage {
  return {
    pageNumber: proxy.pageNumber,
    source,
    proxy,
    document: doc,
    release: () => void proxy.cleanup(),
  };
}

/**
 * Opens a PDF file. Reads it into memory, checks the header, opens it with pdfjs and reads
 * metadata and permissions. Throws an InputError for bad input (codes in the module comment).
 */
export async function openPdf(filePath: string, options: OpenPdfOptions = {}): Promise<PdfHandle> {
  options.signal?.throwIfAborted();
  const bytes = await readPdfBytes(filePath, options.signal);
  const structure = inspectPdfStructure(bytes);
  if (structure.headerOffset < 0) throw notPdfError(filePath, bytes);

  // pdfjs transfers the buffer it is given, so it gets a copy and `bytes` stays readable.
  const task = startLoading(bytes.slice(), options);
  let doc: PDFDocumentProxy;
  try {
    doc = await awaitDocument(task, options.signal);
  } catch (error) {
    await task.destroy();
    if (options.signal?.aborted) throw options.signal.reason;
    throw classifyOpenError(filePath, error, structure.damage);
  }

  try {
    options.signal?.throwIfAborted();
    const { metadata, encrypted } = await readMetadata(doc);
    const permissions = await readPermissions(doc);
    return createHandle(task, doc, filePath, {
      metadata,
      encrypted,
      permissions,
      warnings: structure.damage.map((d) => `Damaged PDF recovered by pdfjs: ${d}.`),
    });
  } catch (error) {
    await task.destroy();
    throw error;
  }
}

interface DocumentFacts {
  metadata: PdfMetadata;
  encrypted: boolean;
  permissions: PdfPermissions;
  warnings: string[];
}

function createHandle(
  task: PDFDocumentLoadingTask,
  doc: PDFDocumentProxy,
  source: string,
  facts: DocumentFacts,
): PdfHandle {
  let closed = false;
  return {
    source,
    pageCount: doc.numPages,
    ...facts,
    async getPage(pageNumber: number): Promise<PdfPage> {
      if (closed) throw new Error(`${source}: getPage(${pageNumber}) called after close().`);
      if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
        throw new RangeError(`${source}: page ${pageNumber} is outside 1..${doc.numPages}.`);
      }
      try {
        return wrapPage(doc, source, await doc.getPage(pageNumber));
      } catch (error) {
        throw corruptPageError(source, pageNumber, error);
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await task.destroy();
    },
  };
}
