import { PDFDateString, PermissionFlag } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Document information, from the Info dictionary with XMP as the fallback. */
export interface PdfMetadata {
  title: string | null;
  author: string | null;
  subject: string | null;
  producer: string | null;
  creator: string | null;
  /** ISO 8601 in UTC, or null when missing or not a valid PDF date. */
  creationDate: string | null;
  modificationDate: string | null;
  /** The catalog's /Version when set, else the header's, e.g. `1.7` (as pdfjs reports it). */
  pdfVersion: string | null;
}

/**
 * Permissions the document's owner grants (PDF 32000-1, table 22). Every flag is true for an
 * unencrypted file. pdfjs ignores these flags, so text and images are still extracted, and
 * the caller decides what to do with a restricted file.
 */
export interface PdfPermissions {
  print: boolean;
  printHighQuality: boolean;
  modify: boolean;
  copy: boolean;
  copyForAccessibility: boolean;
  annotate: boolean;
  fillForms: boolean;
  assemble: boolean;
}

type InfoDictionary = Record<string, unknown>;

/** Returns a trimmed non-empty string, or null. */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\0/g, '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Converts a PDF date (`D:20130801125645+02'00'`) to ISO 8601, or null. */
export function pdfDateToIso(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const date = PDFDateString.toDateObject(raw);
  if (date && !Number.isNaN(date.getTime())) return date.toISOString();
  // XMP dates are ISO 8601 already.
  const parsed = new Date(raw);
  return /^\d{4}-\d{2}/.test(raw) && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null;
}

/** Reads Info and XMP metadata; Info wins because every producer writes it. */
export async function readMetadata(doc: PDFDocumentProxy): Promise<{
  metadata: PdfMetadata;
  encrypted: boolean;
}> {
  const { info, metadata: xmp } = await doc.getMetadata();
  const dict = (info ?? {}) as InfoDictionary;
  const fromXmp = (name: string): string | null => text(xmp?.get(name));
  const metadata: PdfMetadata = {
    title: text(dict.Title) ?? fromXmp('dc:title'),
    author: text(dict.Author) ?? fromXmp('dc:creator'),
    subject: text(dict.Subject) ?? fromXmp('dc:description'),
    producer: text(dict.Producer) ?? fromXmp('pdf:producer'),
    creator: text(dict.Creator) ?? fromXmp('xmp:creatortool'),
    creationDate: pdfDateToIso(dict.CreationDate) ?? pdfDateToIso(fromXmp('xmp:createdate')),
    modificationDate: pdfDateToIso(dict.ModDate) ?? pdfDateToIso(fromXmp('xmp:modifydate')),
    pdfVersion: text(dict.PDFFormatVersion),
  };
  return { metadata, encrypted: text(dict.EncryptFilterName) !== null };
}

/** Reads the permission flags; pdfjs returns null when nothing is restricted. */
export async function readPermissions(doc: PDFDocumentProxy): Promise<PdfPermissions> {
  const flags = await doc.getPermissions();
  const allows = (flag: number): boolean => flags === null || flags.includes(flag);
  return {
    print: allows(PermissionFlag.PRINT),
    printHighQuality: allows(PermissionFlag.PRINT_HIGH_QUALITY),
    modify: allows(PermissionFlag.MODIFY_CONTENTS),
    copy: allows(PermissionFlag.COPY),
    copyForAccessibility: allows(PermissionFlag.COPY_FOR_ACCESSIBILITY),
    annotate: allows(PermissionFlag.MODIFY_ANNOTATIONS),
    fillForms: allows(PermissionFlag.FILL_INTERACTIVE_FORMS),
    assemble: allows(PermissionFlag.ASSEMBLE),
  };
}
