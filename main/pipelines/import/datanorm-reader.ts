import type { FeedRecord, RecordFields } from './feed-types.ts';
import { feedInputError } from './feed-errors.ts';
import { readCsvRows, type CsvRow } from './csv-reader.ts';

// Field names of the DATANORM 4 record types, as the specification names them. The A record
// (Artikelsatz) starts an article, the B record (Artikelsatz 2) with the same article number
// completes it, S records (Warengruppensatz) list product groups in a .WRG file.
const A_FIELDS = [
  'Satzart',
  'Verarbeitungskennzeichen',
  'Artikelnummer',
  'Textkennzeichen',
  'Kurztext1',
  'Kurztext2',
  'Preiskennzeichen',
  'Preiseinheit',
  'Mengeneinheit',
  'Preis',
  'Rabattgruppe',
  'Hauptwarengruppe',
  'Langtextschluessel',
];
const B_FIELDS = [
  'Satzart',
  'Verarbeitungskennzeichen',
  'Artikelnummer',
  'Matchcode',
  'AltArtikelnummer',
  'Katalogseite',
  'RohstoffMerker',
  'RohstoffKennzahl',
  'RohstoffGewicht',
  'EAN',
  'Anbindungsnummer',
  'Warengruppe',
  'Kostenarten',
  'MinVerpackungsmenge',
  'ErstellerKuerzel',
  'Referenznummer',
];
const S_FIELDS = [
  'Satzart',
  'Reserviert',
  'Hauptwarengruppe',
  'HauptwarengruppeName',
  'Warengruppe',
  'WarengruppeName',
];

/** Context keys filled from the fixed-width V (Vorlaufsatz) header line. */
export const DATANORM_HEADER_KEYS = {
  date: 'V.Datum',
  version: 'V.Version',
  currency: 'V.Waehrung',
  text1: 'V.Informationstext1',
  text2: 'V.Informationstext2',
  text3: 'V.Informationstext3',
};

interface PendingArticle {
  record: FeedRecord;
  articleNumber: string;
}

/**
 * Streams a DATANORM 4 file: each A record together with its B record becomes one record,
 * each S record (product group) one record. Other record types (prices, discounts, long
 * texts) are skipped.
 */
export async function* readDatanormRecords(
  text: AsyncIterable<string>,
  source: string,
): AsyncGenerator<FeedRecord> {
  const context: Record<string, string> = {};
  let pending: PendingArticle | null = null;
  let rowNumber = 0;
  for await (const row of readCsvRows(text, ';', source, false)) {
    const type = (row.cells[0] ?? '').trim().charAt(0);
    if (type === 'V') {
      readHeader(row, context, source);
    } else if (type === 'A') {
      if (pending) yield pending.record;
      const fields = namedFields(A_FIELDS, row.cells);
      const record = { rowNumber: ++rowNumber, line: row.line, fields, context };
      pending = { record, articleNumber: String(fields['Artikelnummer'] ?? '') };
    } else if (type === 'B' && pending && row.cells[2]?.trim() === pending.articleNumber) {
      Object.assign(pending.record.fields, withoutKeys(namedFields(B_FIELDS, row.cells)));
    } else if (type === 'S') {
      yield {
        rowNumber: ++rowNumber,
        line: row.line,
        fields: namedFields(S_FIELDS, row.cells),
        context,
      };
    }
  }
  if (pending) yield pending.record;
}

function namedFields(names: string[], cells: string[]): RecordFields {
  const fields: RecordFields = {};
  names.forEach((name, i) => {
    const value = (cells[i] ?? '').trim();
    if (value !== '') fields[name] = value;
  });
  return fields;
}

function withoutKeys(fields: RecordFields): RecordFields {
  const rest = { ...fields };
  for (const key of ['Satzart', 'Verarbeitungskennzeichen', 'Artikelnummer']) delete rest[key];
  return rest;
}

// V 010199<40 info><40 info><35 info>04EUR: date DDMMYY, three texts, version, currency.
function readHeader(row: CsvRow, context: Record<string, string>, source: string): void {
  const line = row.cells.join(';');
  const version = line.slice(123, 125).trim();
  if (version !== '04') {
    throw feedInputError(
      'unsupported_datanorm_version',
      source,
      { line: row.line },
      `The DATANORM header names version "${version || line.slice(0, 20)}"; only DATANORM 4 is read.`,
      'Ask the supplier for a DATANORM 4 export, or for a CSV or BMEcat file.',
    );
  }
  context[DATANORM_HEADER_KEYS.date] = line.slice(2, 8);
  context[DATANORM_HEADER_KEYS.text1] = line.slice(8, 48).trim();
  context[DATANORM_HEADER_KEYS.text2] = line.slice(48, 88).trim();
  context[DATANORM_HEADER_KEYS.text3] = line.slice(88, 123).trim();
  context[DATANORM_HEADER_KEYS.version] = version;
  context[DATANORM_HEADER_KEYS.currency] = line.slice(125, 128).trim();
}
