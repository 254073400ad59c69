import { describe, expect, it } from 'vitest';
import { sniffCsvDialect, sniffDelimiter } from '../../../main/pipelines/import/csv-dialect.ts';
import { openFeed } from '../../../main/pipelines/import/feed-source.ts';
import { readFeedRecords } from '../../../main/pipelines/import/feed-products.ts';
import type { FeedRecord } from '../../../main/pipelines/import/feed-types.ts';
import { caught, fixture } from './import-test-helpers.ts';

// Raw records, without a preset's grouping of rows into products.
async function records(name: string): Promise<FeedRecord[]> {
  const all: FeedRecord[] = [];
  for await (const record of readFeedRecords(fixture('csv', name), { preset: null }))
    all.push(record);
  return all;
}

describe('sniffDelimiter', () => {
  const cases: [string, string][] = [
    ['pallmann-parquet-price-list-fr.csv', ','],
    ['balloon-shop-preisliste-semicolon-bom.csv', ';'],
    ['prestashop-products-import-semicolon.csv', ';'],
    ['kai-tab-delimited.tsv', '\t'],
    ['kai-pipe-delimited.csv', '|'],
    // Its product URLs contain pipes, so the comma must win on consistency.
    ['indiamart-scraped-products.csv', ','],
  ];

  it.each(cases)('finds the delimiter of %s', async (name, delimiter) => {
    const feed = await openFeed(fixture('csv', name));
    expect(feed.csv?.delimiter).toBe(delimiter);
  });

  it('prefers the wider consistent split', () => {
    expect(sniffDelimiter('code;name;price\n1;Hoodie;4,0\n2;Vest;41,18\n')).toBe(';');
  });
});

describe('sniffCsvDialect', () => {
  it('skips a report preamble', async () => {
    // Lines 1-12 of the Freudenhof list are address, title and blank rows. Line 14 names the
    // columns, and line 13 has the first half of two-line headers such as "Preis / Euro".
    const feed = await openFeed(fixture('csv', 'freudenhof-preisliste-excel-layout-de.csv'));
    expect(feed.csv?.headerRowIndex).toBe(13);
    expect(feed.csv?.columns).toContain('Artikelbezeichnung');
    expect(feed.csv?.columns).toContain('Preis Euro');
  });

  it('takes row one as header', () => {
    const dialect = sniffCsvDialect('sku,name,price\n1,Tile,2.00\n2,Brick,0.50\n');
    expect(dialect.headerRowIndex).toBe(0);
    expect(dialect.columns).toEqual(['sku', 'name', 'price']);
  });

  it('numbers unnamed columns', () => {
    expect(sniffCsvDialect(',name,\n1,Tile,x\n').columns).toEqual(['column_1', 'name', 'column_3']);
  });
});

describe('readCsvRecords', () => {
  it('reads rows after the preamble', async () => {
    // 152 lines; the header is line 14 and 137 of the 138 lines after it are not blank.
    const rows = await records('freudenhof-preisliste-excel-layout-de.csv');
    expect(rows).toHaveLength(137);
    expect(rows[0]?.line).toBe(16);
    expect(rows[0]?.fields['Artikelbezeichnung']).toBe('Eier, Größe L    (63- 73g)');
  });

  it('reads mixed line endings', async () => {
    // 150 lines, 109 of them ending in CRLF: a header and 149 price rows.
    const rows = await records('pallmann-parquet-price-list-fr.csv');
    expect(rows).toHaveLength(149);
    expect(rows.at(-1)?.line).toBe(150);
    expect(rows.every((row) => !String(row.fields['prix_vente_ttc']).includes('\r'))).toBe(true);
  });

  it('keeps quoted newlines inside a cell', async () => {
    // 101 records on 420 lines: the Body (HTML) cells span several lines.
    const rows = await records('shopify-admin-export-stoneflame-soapstone-multiline-pt.csv');
    expect(rows).toHaveLength(101);
    expect(String(rows[0]?.fields['Body (HTML)'])).toContain('\n');
  });

  it('strips the BOM', async () => {
    const rows = await records('woocommerce-product-export-2024-bom.csv');
    expect(Object.keys(rows[0]?.fields ?? {})[0]).toBe('ID');
  });

  it('keeps codes as text', async () => {
    const rows = await records('metallider-rebar-steel-products-bom-cyrillic.csv');
    expect(rows[0]?.fields['code']).toBe('00181');
    expect(rows[0]?.fields['barcode']).toBe('2000000001975');
  });

  it('marks ragged rows without stopping', async () => {
    const rows = await records('kai-ragged-rows.csv');
    expect(rows.map((row) => row.issue?.field ?? 'ok')).toEqual(['ok', 'row', 'row', 'ok']);
    expect(rows[1]?.issue?.reason).toBe('The row has 2 fields but the header has 3.');
    expect(rows[2]?.line).toBe(4);
  });

  it('reports an unterminated quote', async () => {
    const rows: FeedRecord[] = [];
    const error = await caught(async () => {
      for await (const record of readFeedRecords(fixture('csv', 'kai-unterminated-quote.csv'))) {
        rows.push(record);
      }
    });
    expect(error.code).toBe('unterminated_quote');
    // The quote opens in the Q-2 row on line 3 and is still open at the end of the file.
    expect(error.message).toContain('(line 3)');
    expect(rows.map((row) => row.fields['sku'])).toEqual(['Q-1']);
  });

  it('decodes a UTF-16 file with BOM', async () => {
    const rows = await records('kai-utf16le-bom.csv');
    expect(rows.map((row) => row.fields['Bezeichnung'])).toEqual(['Grüße 60x60', 'Ölfarbe weiß']);
  });
});
