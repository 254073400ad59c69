import { beforeAll, describe, expect, it } from 'vitest';
import { pdfAssetPaths } from '../../../main/pipelines/pdf/pdf-assets.ts';
import { openPdf, type OpenPdfOptions } from '../../../main/pipelines/pdf/pdf-document.ts';
import { extractPageText, type PageText } from '../../../main/pipelines/pdf/page-text.ts';
import { fixture, temporaryFolder } from './helpers/fixtures.ts';

/** Extracts the text of `pageNumber` from a fixture. */
async function pageText(
  name: string,
  pageNumber = 1,
  options: OpenPdfOptions = {},
): Promise<PageText> {
  const pdf = await openPdf(fixture(name), options);
  try {
    const page = await pdf.getPage(pageNumber);
    try {
      return await extractPageText(page);
    } finally {
      page.release();
    }
  } finally {
    await pdf.close();
  }
}

function lines(result: PageText): string[] {
  return result.text.split('\n');
}

describe('extractPageText', () => {
  describe('Corona tile sheet', () => {
    let sheet: PageText;
    beforeAll(async () => {
      sheet = await pageText('corona-tile-spec-sheet-egeo-blanco-20x20-es-en.pdf');
    });

    it('keeps label and value on one line', () => {
      expect(lines(sheet)).toContain('Referencia:  202204001  CUADRADO');
      expect(lines(sheet)).toContain('Formato:  20.5X20.5 cm  CUADRADO');
      expect(lines(sheet)).toContain('Color:  BLANCO\\WHITE');
      expect(lines(sheet)).toContain('ACABADO |FINISH  Brillo/Mate');
    });

    it('keeps comma decimals whole', () => {
      expect(lines(sheet)).toContain('M2 POR CAJA  1,51');
      expect(lines(sheet)).toContain('SQ FT APPROX  16,25350473');
      expect(lines(sheet)).toContain('PESO BRUTO CAJA kg  18,7844');
    });

    it('reports the page geometry', () => {
      expect(sheet.hasTextLayer).toBe(true);
      expect(sheet.width).toBe(612);
      expect(sheet.height).toBe(792);
      expect(sheet.rotation).toBe(0);
      expect(sheet.warnings).toEqual([]);
    });

    it('keeps the Excel error value of the second sheet', async () => {
      const second = await pageText('corona-tile-spec-sheet-adriatico-azul-20x20-es-en.pdf');
      expect(lines(second)).toContain('Colección:  #N/D');
      expect(lines(second)).toContain('Formato:  20.5X20.5 Cm  CUADRADO');
    });
  });

  describe('Leier price list', () => {
    const file = 'leier-arlista-2024-building-materials-price-list-hu.pdf';
    let prices: PageText;
    beforeAll(async () => {
      prices = await pageText(file, 4);
    });

    it('writes a table row as one line with cells in order', () => {
      expect(lines(prices)).toContain(
        'TA 30/100 talpas betoncső, csaphornyos illesztéssel  300  40  1 000  100  piros  9  6 400  6 400',
      );
      expect(lines(prices)).toContain(
        'LEF 50 1:1,5  500  1 130  1 200  1 575  165  1 430  182 700  194 900',
      );
    });

    it('joins a wrapped product name with its prices', () => {
      const row = lines(prices).find((l) => l.includes('TO 30/200 L/I tokos betoncső'));
      expect(row).toBe(
        'Tokos betoncső  TO 30/200 L/I tokos betoncső integrált gumitömítéssel  300  70  2 000  450  21 200  24 700',
      );
    });

    it('keeps neighbouring prices apart', () => {
      expect(prices.text).toContain('108 200  132 800');
      expect(prices.text).not.toMatch(/\d 400\d/);
    });

    it('keeps Hungarian accents', () => {
      expect(prices.text).toContain('Érvényes: 2024. március 1-től.');
      expect(prices.text).toContain('Áraink az ÁFA-t nem tartalmazzák.');
    });

    it('reads the left column of the contents before the right one', async () => {
      const contents = await pageText(file, 3);
      const lastLeft = contents.text.indexOf('LVB vasbeton akna, fedlapok');
      const firstRight = contents.text.indexOf('Átemelő elem, akna fenékelemek');
      expect(lastLeft).toBeGreaterThan(0);
      expect(firstRight).toBeGreaterThan(lastLeft);
    });
  });

  describe('two-column paper', () => {
    let paper: PageText;
    beforeAll(async () => {
      paper = await pageText('pdfjs-tracemonkey-two-column-paper.pdf', 1);
    });

    it('reads the left column before the right one', () => {
      const left = paper.text.indexOf(
        'Keywords JavaScript, just-in-time compilation, trace trees.',
      );
      const right = paper.text.indexOf('and is used for the application logic of browser-based');
      expect(left).toBeGreaterThan(0);
      expect(right).toBeGreaterThan(left);
    });

    it('keeps column lines apart', () => {
      expect(lines(paper)).toContain(
        'Dynamic languages such as JavaScript are more difficult to com-',
      );
      expect(lines(paper)).toContain(
        'chines must provide a low startup time and high performance.',
      );
    });

    it('puts superscripts on their line', () => {
      expect(lines(paper)).toContain(
        'Andreas Gal∗+, Brendan Eich∗, Mike Shaver∗, David Anderson∗, David Mandelin∗,',
      );
    });
  });

  describe('rotated pages', () => {
    it('reads a /Rotate 90 page in landscape', async () => {
      const page = await pageText('pdfjs-rotation-page2-rotate90.pdf', 2);
      expect(page.rotation).toBe(90);
      expect(page.width).toBe(792);
      expect(page.height).toBe(612);
      expect(page.text).toBe(
        'This is my second page. It will have a landscape layout.\nSecond line here.',
      );
    });

    it('keeps numbers of a rotated table apart', async () => {
      const table = await pageText('pdfplumber-nics-background-checks-rotated-table.pdf');
      expect(table.rotation).toBe(90);
      const california = lines(table).find((l) => l.startsWith('California'));
      expect(california).toMatch(/^California {2}98 452 {2}41 181 {2}35 007 {2}4 559 {2}0 /);
      expect(california).toMatch(/ {2}180 116$/);
    });
  });

  describe('pages without text', () => {
    it.each([
      ['pdfjs-cmykjpeg-image.pdf', 1],
      ['active-paints-shade-card-image-only.pdf', 1],
      ['active-paints-shade-card-image-only.pdf', 7],
    ])('flags %s page %i as having no text layer', async (name, pageNumber) => {
      const page = await pageText(name, pageNumber);
      expect(page.hasTextLayer).toBe(false);
      expect(page.text).toBe('');
      expect(page.warnings).toHaveLength(1);
      expect(page.warnings[0]).toMatch(/^no text layer: the page has no text/);
    });

    it('flags text that cannot be decoded without CMaps', async () => {
      const empty = await temporaryFolder();
      try {
        const assets = { ...pdfAssetPaths(), cMapDir: empty.dir };
        const page = await pageText('pdfjs-issue3521-gbk-cmap-chinese.pdf', 1, { assets });
        expect(page.hasTextLayer).toBe(false);
        expect(page.warnings[0]).toMatch(/^no text layer: the page draws text/);
      } finally {
        await empty.remove();
      }
    });
  });

  describe('non-Latin scripts', () => {
    it('decodes GBK Chinese through the CMaps', async () => {
      const page = await pageText('pdfjs-issue3521-gbk-cmap-chinese.pdf');
      expect(page.text).toBe('我们都是黑体字');
    });

    it('decodes Chinese in a font without ToUnicode', async () => {
      const page = await pageText('pdfjs-xiaobiaosong-no-tounicode-garbled-text.pdf');
      expect(page.text).toContain('关于红军作战的原则');
      expect(page.text).toContain('（一九三七年八月一日）');
      expect(page.warnings).toEqual([]);
    });

    it('reads vertical Japanese columns right to left', async () => {
      const page = await pageText('pdfjs-vertical-japanese-text.pdf');
      expect(page.text).toBe('あいうえお\n日本語');
    });

    it('reads Arabic words right to left', async () => {
      const page = await pageText('pdfjs-arabic-cid-truetype-rtl.pdf');
      const first = lines(page)[0] ?? '';
      expect(lines(page)).toHaveLength(4);
      expect(first.split(' ')).toHaveLength(3);
      expect(first).toMatch(/^[\u0600-\u06ff\ufb50-\ufeff ]+$/);
      expect(first.startsWith('ا')).toBe(true);
      expect(page.warnings).toEqual([]);
    });
  });

  it('returns line boxes on the page', async () => {
    const page = await pageText('pdfjs-xref-command-missing.pdf');
    const [line] = page.lines;
    expect(line?.text).toBe('Reduced test-case');
    const [x0, y0, x1, y1] = line?.box ?? [];
    expect(x0).toBeCloseTo(10, 0);
    expect(x1).toBeCloseTo(153.8, 0);
    expect(y0).toBeLessThan(30);
    expect(y1).toBeGreaterThan(30);
  });

  it('rejects with the reason of an aborted signal', async () => {
    const pdf = await openPdf(fixture('pdfjs-rotation-page2-rotate90.pdf'));
    const page = await pdf.getPage(1);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(extractPageText(page, { signal: controller.signal })).rejects.toThrow('stop');
    await pdf.close();
  });
});

describe('extractPageText on a whole document', () => {
  it('finds a text layer on all 26 Leier pages', async () => {
    const pdf = await openPdf(fixture('leier-arlista-2024-building-materials-price-list-hu.pdf'));
    const withoutText: number[] = [];
    try {
      for (let n = 1; n <= pdf.pageCount; n += 1) {
        const page = await pdf.getPage(n);
        if (!(await extractPageText(page)).hasTextLayer) withoutText.push(n);
        page.release();
      }
    } finally {
      await pdf.close();
    }
    expect(withoutText).toEqual([]);
  });
});
