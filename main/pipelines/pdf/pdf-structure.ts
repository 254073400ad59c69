/**
 * A cheap look at the byte layout of a PDF, done before pdfjs parses it. pdfjs repairs a
 * damaged cross-reference table silently (it rescans the whole file for objects), so these
 * findings are the only way to tell the caller that an opened document was recovered.
 */

/** How far from the end of the file `startxref` and `%%EOF` are searched for. */
const TAIL_BYTES = 2048;

/** Facts read from the header and trailer bytes, before any parsing. */
export interface PdfStructure {
  /** Byte offset of `%PDF-`, or -1 when it is not within the first 1024 bytes. */
  headerOffset: number;
  /** Version from the header, e.g. `1.7`, or null. */
  headerVersion: string | null;
  /** Damage that pdfjs works around, each as one sentence. */
  damage: string[];
}

const latin1 = new TextDecoder('latin1');

/** Decodes bytes one character per byte, so string offsets equal byte offsets. */
function asLatin1(bytes: Uint8Array, start: number, end: number): string {
  return latin1.decode(bytes.subarray(Math.max(0, start), Math.min(bytes.length, end)));
}

/** Returns the offset of `%PDF-` in the first 1024 bytes (the limit Acrobat accepts), or -1. */
export function findPdfHeader(bytes: Uint8Array): number {
  return asLatin1(bytes, 0, 1024 + 8).indexOf('%PDF-');
}

/** Checks the object found at `offset`: a classic `xref` table or an xref stream object. */
function describeXrefTarget(bytes: Uint8Array, offset: number): string | null {
  if (offset >= bytes.length) {
    return `startxref points to byte ${offset}, past the end of the file (${bytes.length} bytes)`;
  }
  const head = asLatin1(bytes, offset, offset + 64);
  if (/^\s*xref\b/.test(head) || /^\s*\d+\s+\d+\s+obj\b/.test(head)) return null;
  return `startxref points to byte ${offset}, where there is no xref table or stream`;
}

/** Inspects header, `startxref` and `%%EOF` and lists what is damaged. */
export function inspectPdfStructure(bytes: Uint8Array): PdfStructure {
  const headerOffset = findPdfHeader(bytes);
  const version = asLatin1(bytes, headerOffset, headerOffset + 16).match(/^%PDF-(\d\.\d)/);
  const damage: string[] = [];
  const tail = asLatin1(bytes, bytes.length - TAIL_BYTES, bytes.length);

  if (!tail.includes('%%EOF')) {
    damage.push('no %%EOF marker at the end, so the file is probably truncated');
  }
  const startxref = [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1);
  if (!startxref?.[1]) {
    damage.push('no startxref entry near the end, so the cross-reference table cannot be found');
  } else {
    // Offsets count from the start of the file, but readers also accept them counted from
    // the header when junk precedes it.
    const offset = Number(startxref[1]);
    const problem = describeXrefTarget(bytes, offset);
    const shifted = headerOffset > 0 ? describeXrefTarget(bytes, offset + headerOffset) : problem;
    if (problem && shifted) damage.push(problem);
  }
  return { headerOffset, headerVersion: version?.[1] ?? null, damage };
}
