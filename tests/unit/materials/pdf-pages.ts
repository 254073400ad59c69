/** Reads fixture PDFs through the real page-text pipeline, as the PDF job does. */

import { fileURLToPath } from 'node:url';
import { extractPageText } from '../../../main/pipelines/pdf/page-text.ts';
import { openPdf } from '../../../main/pipelines/pdf/pdf-document.ts';

/** Absolute path of a file in `tests/fixtures/pdf/`. */
export function pdfFixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/pdf/${name}`, import.meta.url));
}

/** Returns the page text of every page of a fixture PDF, in page order. */
export async function readPdfPages(
  name: string,
): Promise<Array<{ pageNumber: number; text: string }>> {
  const pdf = await openPdf(pdfFixture(name));
  try {
    const pages: Array<{ pageNumber: number; text: string }> = [];
    for (let pageNumber = 1; pageNumber <= pdf.pageCount; pageNumber += 1) {
      const page = await pdf.getPage(pageNumber);
      try {
        pages.push({ pageNumber, text: (await extractPageText(page)).text });
      } finally {
        page.release();
      }
    }
    return pages;
  } finally {
    await pdf.close();
  }
}
