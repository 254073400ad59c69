import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, PasswordRequiredError } from '../../../main/jobs/job-errors.ts';
import { pdfAssetPaths } from '../../../main/pipelines/pdf/pdf-assets.ts';
import { openPdf, type PdfHandle } from '../../../main/pipelines/pdf/pdf-document.ts';
import { extractPageText } from '../../../main/pipelines/pdf/page-text.ts';
import { fixture, temporaryFolder } from './helpers/fixtures.ts';

/** Opens `file`, expecting a rejection, and returns the error. */
async function openError(file: string, password?: string): Promise<InputError> {
  const error = await openPdf(file, { password }).then(
    async (handle) => {
      await handle.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

async function withPdf<T>(
  file: string,
  options: { password?: string },
  work: (pdf: PdfHandle) => Promise<T>,
): Promise<T> {
  const pdf = await openPdf(file, options);
  try {
    return await work(pdf);
  } finally {
    await pdf.close();
  }
}

async function firstPageText(pdf: PdfHandle): Promise<string> {
  const page = await pdf.getPage(1);
  try {
    return (await extractPageText(page)).text;
  } finally {
    page.release();
  }
}

describe('openPdf', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    tmp = await temporaryFolder();
  });
  afterAll(async () => {
    await tmp.remove();
  });

  it('rejects a zero-byte file as empty_file', async () => {
    const error = await openError(fixture('pdfplumber-empty-zero-bytes.pdf'));
    expect(error.code).toBe('empty_file');
    expect(error.message).toContain('pdfplumber-empty-zero-bytes.pdf');
    expect(error.message).toContain('0 bytes');
  });

  it('rejects a text file named .pdf as not_a_pdf', async () => {
    const file = path.join(tmp.dir, 'notes.pdf');
    await writeFile(file, 'Price list 2024\nbrick 100 HUF\n');
    const error = await openError(file);
    expect(error.code).toBe('not_a_pdf');
    expect(error.message).toContain('notes.pdf');
    expect(error.message).toContain('plain text');
    expect(error.message).toContain('%PDF-');
  });

  it('names an HTML page saved as .pdf', async () => {
    const file = path.join(tmp.dir, 'download.pdf');
    await writeFile(file, '<!DOCTYPE html><html><body>Just a moment...</body></html>');
    const error = await openError(file);
    expect(error.code).toBe('not_a_pdf');
    expect(error.problem).toContain('an HTML page');
  });

  it('rejects a missing file as file_not_found', async () => {
    const error = await openError(path.join(tmp.dir, 'absent.pdf'));
    expect(error.code).toBe('file_not_found');
  });

  it('rejects a PDF cut in half as corrupt_pdf', async () => {
    const whole = await readFile(fixture('corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf'));
    const file = path.join(tmp.dir, 'half.pdf');
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await openError(file);
    expect(error.code).toBe('corrupt_pdf');
    expect(error.message).toContain('half.pdf');
    expect(error.message).toContain('pdfjs: "Invalid PDF structure."');
    expect(error.message).toContain('probably truncated');
  });

  it('rejects a file without trailer as corrupt_pdf', async () => {
    const error = await openError(
      fixture('pdfjs-redhat-1531897-0-no-trailer-bad-stream-length.pdf'),
    );
    expect(error.code).toBe('corrupt_pdf');
    expect(error.message).toContain('Invalid Root reference');
  });

  it('asks for a missing password', async () => {
    const error = await openError(fixture('pdfjs-issue3371-user-password.pdf'));
    expect(error).toBeInstanceOf(PasswordRequiredError);
    expect(error.code).toBe('password_required');
    expect((error as PasswordRequiredError).wrongPassword).toBe(false);
  });

  it('reports a wrong password', async () => {
    const error = await openError(fixture('pdfjs-issue3371-user-password.pdf'), 'WRONG');
    expect(error).toBeInstanceOf(PasswordRequiredError);
    expect((error as PasswordRequiredError).wrongPassword).toBe(true);
  });

  it('opens with the user password', async () => {
    await withPdf(
      fixture('pdfjs-issue3371-user-password.pdf'),
      { password: 'ELXRTQWS' },
      async (pdf) => {
        expect(pdf.pageCount).toBe(1);
        expect(pdf.encrypted).toBe(true);
        expect(pdf.metadata.creator).toBe('Kyocera FS-C2126MFP+');
        expect(pdf.metadata.creationDate).toBe('2013-06-18T13:04:50.000Z');
      },
    );
  });

  it('opens with a UTF-8 password', async () => {
    const file = fixture('pdfjs-issue6010_2-utf8-password.pdf');
    expect((await openError(file)).code).toBe('password_required');
    const text = await withPdf(file, { password: 'æøå' }, firstPageText);
    expect(text).toBe('Issue 6010');
  });

  it('opens the pdfplumber password example', async () => {
    const file = fixture('pdfplumber-password-example-pw-test.pdf');
    expect(((await openError(file, 'nope')) as PasswordRequiredError).wrongPassword).toBe(true);
    await withPdf(file, { password: 'test' }, async (pdf) => {
      expect(pdf.pageCount).toBe(4);
      expect(pdf.metadata.title).toBe('Microsoft Word - Backup4all_network_backup_solution.doc');
      expect(await firstPageText(pdf)).toContain('Backup4all');
    });
  });

  it('opens an owner-password file and flags copy restriction', async () => {
    const file = fixture('pdfjs-bug900822-rc4-owner-password-copy-restricted.pdf');
    await withPdf(file, {}, async (pdf) => {
      expect(pdf.encrypted).toBe(true);
      expect(pdf.permissions.copy).toBe(false);
      expect(pdf.permissions.modify).toBe(false);
      expect(pdf.permissions.print).toBe(true);
      expect(pdf.metadata.title).toBe('PDF Browser test');
      expect(pdf.metadata.producer).toBe('ReportBuilder');
      expect(pdf.metadata.creationDate).toBe('2013-08-01T12:56:45.000Z');
      expect(pdf.metadata.pdfVersion).toBe('1.3');
      expect(await firstPageText(pdf)).toContain('Pdf Test 1');
    });
  });

  it('warns when pdfjs rebuilt a missing xref', async () => {
    await withPdf(fixture('pdfjs-xref-command-missing.pdf'), {}, async (pdf) => {
      expect(pdf.warnings).toHaveLength(1);
      expect(pdf.warnings[0]).toContain('startxref points to byte 455');
      expect(await firstPageText(pdf)).toBe('Reduced test-case');
    });
  });

  it('warns when a truncated file still opens', async () => {
    const whole = await readFile(fixture('pdfjs-rotation-page2-rotate90.pdf'));
    const file = path.join(tmp.dir, 'rotation-half.pdf');
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    await withPdf(file, {}, async (pdf) => {
      expect(pdf.warnings.join(' ')).toContain('probably truncated');
      expect(pdf.warnings.join(' ')).toContain('no startxref');
      expect(await firstPageText(pdf)).toContain('This is my first page');
    });
  });

  it('opens the PyPDF2 file from pdfplumber without warnings', async () => {
    await withPdf(fixture('pdfplumber-malformed-from-issue-932.pdf'), {}, async (pdf) => {
      expect(pdf.warnings).toEqual([]);
      expect(pdf.encrypted).toBe(false);
      expect(pdf.metadata.producer).toBe('PyPDF2');
      expect(await firstPageText(pdf)).toBe('2021  3  31');
    });
  });

  it('reads metadata of the Leier price list', async () => {
    const file = fixture('leier-arlista-2024-building-materials-price-list-hu.pdf');
    await withPdf(file, {}, async (pdf) => {
      expect(pdf.pageCount).toBe(26);
      expect(pdf.metadata.creator).toBe('Adobe InDesign 18.5 (Macintosh)');
      expect(pdf.metadata.modificationDate).toBe('2024-06-14T11:51:43.000Z');
      expect(pdf.metadata.pdfVersion).toBe('1.5');
      expect(pdf.permissions.copy).toBe(true);
    });
  });

  it('rejects page numbers outside the document', async () => {
    await withPdf(fixture('pdfjs-rotation-page2-rotate90.pdf'), {}, async (pdf) => {
      await expect(pdf.getPage(0)).rejects.toThrow(RangeError);
      await expect(pdf.getPage(3)).rejects.toThrow(RangeError);
    });
  });

  it('rejects with the reason of an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('job cancelled'));
    const opening = openPdf(fixture('pdfjs-rotation-page2-rotate90.pdf'), {
      signal: controller.signal,
    });
    await expect(opening).rejects.toThrow('job cancelled');
  });

  it('takes asset folders from the given root', () => {
    const assets = pdfAssetPaths('/opt/kai/pdfjs');
    expect(assets.cMapDir).toBe(path.join('/opt/kai/pdfjs', 'cmaps') + '/');
    expect(assets.standardFontDir.endsWith('standard_fonts/')).toBe(true);
    expect(assets.wasmDir.endsWith('wasm/')).toBe(true);
  });

  it('destroys the pdfjs document on close', async () => {
    const pdf = await openPdf(fixture('pdfjs-rotation-page2-rotate90.pdf'));
    const page = await pdf.getPage(1);
    await pdf.close();
    await expect(page.proxy.getTextContent()).rejects.toThrow();
    await expect(pdf.getPage(1)).rejects.toThrow('after close()');
    await pdf.close();
  });
});
