import { writeFile } from 'node:fs/promises';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/**
 * Writes a synthetic price-list catalog of `pages` A4 pages. Each page has a heading and 30
 * product rows (code, name, dimensions, comma-decimal price, coloured swatch), so every
 * stage (text, render, tiles, materials) has work on every page.
 */
export async function generateCatalogPdf(path: string, pages: number): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let pageIndex = 0; pageIndex < pages; pageIndex += 1) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Ceramic tiles price list, page ${pageIndex + 1}`, {
      x: 40,
      y: 800,
      size: 16,
      font,
    });
    for (let row = 0; row < 30; row += 1) {
      const y = 760 - row * 24;
      const code = `T${String(pageIndex * 30 + row).padStart(5, '0')}`;
      const price = `${(10 + ((pageIndex * 30 + row) % 90)).toString()},${String(row % 100).padStart(2, '0')} EUR`;
      page.drawRectangle({
        x: 40,
        y: y - 4,
        width: 14,
        height: 14,
        color: rgb((row % 5) / 5, 0.4, 0.6),
      });
      page.drawText(`${code}  Porcelain tile ${row + 1}  60x60 cm  ${price}`, {
        x: 64,
        y,
        size: 10,
        font,
      });
    }
  }
  await writeFile(path, await pdf.save());
}
