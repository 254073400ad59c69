import type { FeedRecord, RecordFields } from '../feed-types.ts';
import { DATANORM_HEADER_KEYS } from '../datanorm-reader.ts';
import { valueToText } from '../record-fields.ts';
import { NOT_A_PRODUCT_FIELD, type FeedPreset } from './preset-types.ts';

// Preiseinheit: the price applies to 1, 10, 100 or 1000 units.
const PRICE_UNITS: Record<string, number> = { '0': 1, '1': 10, '2': 100, '3': 1000 };

/**
 * DATANORM 4 article files (.001) and product group files (.WRG). The price (Preis) is written
 * in cents for the quantity of the Preiseinheit and becomes a price per unit. The currency
 * comes from the V header line.
 */
export const datanormPreset: FeedPreset = {
  id: 'datanorm',
  label: 'DATANORM 4',
  detect: (sniff) => sniff.format === 'datanorm',
  fields: {
    name: 'Kurztext1',
    sku: 'Artikelnummer',
    description: 'Kurztext2',
    price: '_price',
    currency: '_currency',
    barcode: 'EAN',
  },
  async *transform(records) {
    for await (const record of records) yield { ...record, fields: deriveFields(record) };
  },
};

function deriveFields(record: FeedRecord): RecordFields {
  const fields: RecordFields = { ...record.fields };
  if (fields['Satzart'] === 'S') {
    fields[NOT_A_PRODUCT_FIELD] =
      'The DATANORM file lists product groups (S records), not articles.';
    return fields;
  }
  const cents = valueToText(fields['Preis']);
  const units = PRICE_UNITS[valueToText(fields['Preiseinheit']) ?? '0'] ?? 1;
  if (cents !== null && /^\d+$/.test(cents)) fields['_price'] = Number(cents) / 100 / units;
  if (units !== 1) fields['_price_per_units'] = units;
  const currency = record.context?.[DATANORM_HEADER_KEYS.currency];
  if (currency) fields['_currency'] = currency;
  return fields;
}
