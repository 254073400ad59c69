import type { MaterialDraft } from '../../materials/material-draft.ts';
import type { FeedRecord, RecordFields } from './feed-types.ts';
import type { FeedMapping } from './feed-mapping.ts';
import { shorten } from './feed-errors.ts';
import { TARGET_FIELDS, type TargetField } from './mapping-dictionary.ts';
import {
  collectImageUrls,
  firstPerSource,
  formatDimensions,
  mappingSources,
  readMappedTexts,
  readStock,
  withUnit,
  type SourcedText,
} from './material-values.ts';
import { isExcelScientific, isUrl } from './value-patterns.ts';
import { extractCurrency, normalizeCurrencyCode, parsePrice } from './value-normalization.ts';

/**
 * Record field a preset sets on records that update only some material fields (a BMEcat
 * T_UPDATE_PRICES transaction): a list of target field names. Such records may lack a name,
 * and their material carries `attributes.updateOnly` so the store leaves other fields alone.
 */
export const UPDATE_ONLY_FIELD = '_update_only';

/** A record that did not become a material, with the field at fault and the reason. */
export interface RowFailure {
  rowNumber: number;
  line?: number;
  /** Target field or record part at fault. */
  field: string;
  reason: string;
  rawValue: string;
}

export type MappingResult = { material: MaterialDraft } | { failure: RowFailure };

type Texts = Record<TargetField, SourcedText[]>;

/** Turns one record into a material draft, or into a row failure naming the field at fault. */
export function applyMapping(record: FeedRecord, mapping: FeedMapping): MappingResult {
  if (record.issue) return { failure: failureOf(record, record.issue) };
  const texts = Object.fromEntries(
    TARGET_FIELDS.map((target) => [target, readMappedTexts(record.fields, mapping.fields[target])]),
  ) as Texts;
  const updateOnly = readUpdateOnly(record.fields);
  const name = texts.name[0]?.text ?? '';
  if (name === '' && !updateOnly) {
    const field = mappingSources(mapping.fields.name)[0] ?? 'name';
    return {
      failure: failureOf(record, { field, reason: 'The product name is empty.', rawValue: '' }),
    };
  }
  const price = readPrice(texts, mapping);
  if ('error' in price) return { failure: failureOf(record, price.error) };
  const material = buildMaterial(record, mapping, texts, name, price);
  if (updateOnly) material.attributes['updateOnly'] = updateOnly;
  return { material };
}

function failureOf(record: FeedRecord, issue: { field: string; reason: string; rawValue: string }) {
  const failure: RowFailure = { rowNumber: record.rowNumber, ...issue };
  if (record.line !== undefined) failure.line = record.line;
  return failure;
}

function readUpdateOnly(fields: RecordFields): string[] | null {
  const value = fields[UPDATE_ONLY_FIELD];
  return Array.isArray(value) ? value.map(String) : null;
}

type PriceResult =
  | { amount: number | null; currency: string | null }
  | { error: { field: string; reason: string; rawValue: string } };

function readPrice(texts: Texts, mapping: FeedMapping): PriceResult {
  const explicit = readCurrency(texts.currency[0]?.text);
  const first = texts.price[0];
  if (!first) return { amount: null, currency: explicit ?? mapping.options.defaultCurrency };
  if (typeof first.raw === 'number') {
    return { amount: first.raw, currency: explicit ?? mapping.options.defaultCurrency };
  }
  const parsed = parsePrice(first.text, {
    decimalSeparator: mapping.options.decimalSeparator,
    defaultCurrency: mapping.options.defaultCurrency,
  });
  if (parsed === null) return { amount: null, currency: explicit };
  if ('error' in parsed) {
    return { error: { field: first.path, reason: parsed.error, rawValue: shorten(first.text) } };
  }
  return { amount: parsed.amount, currency: explicit ?? parsed.currency };
}

function readCurrency(text: string | undefined): string | null {
  if (text === undefined) return null;
  return normalizeCurrencyCode(text) ?? extractCurrency(text).currency;
}

function buildMaterial(
  record: FeedRecord,
  mapping: FeedMapping,
  texts: Texts,
  name: string,
  price: { amount: number | null; currency: string | null },
): MaterialDraft {
  const first = (target: TargetField) => texts[target][0]?.text ?? null;
  const thickness = texts.thickness[0];
  const material: MaterialDraft = {
    name,
    sku: first('sku'),
    category: first('category'),
    materialType: first('material_type'),
    dimensions: formatDimensions(record.fields, firstPerSource(texts.dimensions)),
    thickness: thickness ? withUnit(record.fields, thickness) : null,
    finish: first('finish'),
    color: first('color'),
    price: price.amount,
    currency: price.currency,
    manufacturer: first('manufacturer'),
    confidence: recordConfidence(mapping, texts, price.amount),
    attributes: buildAttributes(record, mapping, texts),
  };
  const url = texts.product_url.find((t) => isUrl(t.text));
  if (url) material.sourceUrl = url.text;
  return material;
}

function recordConfidence(mapping: FeedMapping, texts: Texts, price: number | null): number {
  const hasExtras = texts.description.length > 0 || texts.image_urls.length > 0;
  const score =
    0.5 * mapping.fields.name.confidence +
    (texts.sku.length > 0 ? 0.2 : 0) +
    (price !== null ? 0.2 : 0) +
    (hasExtras ? 0.1 : 0);
  return Math.round(Math.min(1, score) * 100) / 100;
}

function buildAttributes(record: FeedRecord, mapping: FeedMapping, texts: Texts) {
  const attributes: Record<string, unknown> = {};
  const description = texts.description[0]?.text;
  if (description) attributes['description'] = description;
  const images = collectImageUrls(texts.image_urls);
  if (images.length > 0) attributes['imageUrls'] = images;
  const productUrl = texts.product_url[0]?.text;
  if (productUrl) attributes['productUrl'] = productUrl;
  Object.assign(attributes, readStock(texts.stock[0]?.text));
  const barcode = texts.barcode[0]?.text;
  if (barcode) attributes['barcode'] = barcode;
  const warnings = excelWarnings(record.fields);
  if (warnings.length > 0) attributes['warnings'] = warnings;
  Object.assign(attributes, unmappedFields(record.fields, mapping));
  return attributes;
}

function excelWarnings(fields: RecordFields): string[] {
  const warnings: string[] = [];
  for (const [path, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || !isExcelScientific(value)) continue;
    warnings.push(
      `${path}: "${value}" is a number Excel rewrote in scientific notation, so its digits are ` +
        'lost; export the column as text.',
    );
  }
  return warnings;
}

// Computed once per mapping object; an import applies the same mapping to every record.
const mappedPathCache = new WeakMap<FeedMapping, Set<string>>();

function mappedPaths(mapping: FeedMapping): Set<string> {
  let paths = mappedPathCache.get(mapping);
  if (!paths) {
    paths = new Set(TARGET_FIELDS.flatMap((t) => mappingSources(mapping.fields[t])));
    mappedPathCache.set(mapping, paths);
  }
  return paths;
}

// Fields no mapping reads stay on the material: preset-derived ones (`_variants`) under their
// name without the underscore, raw feed fields under `sourceFields`.
function unmappedFields(fields: RecordFields, mapping: FeedMapping): Record<string, unknown> {
  const mapped = mappedPaths(mapping);
  const derived: Record<string, unknown> = {};
  const raw: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(fields)) {
    if (mapped.has(path) || path === UPDATE_ONLY_FIELD || value === '' || value === null) continue;
    if (path.startsWith('_')) derived[path.slice(1)] = value;
    else raw[path] = value;
  }
  if (Object.keys(raw).length > 0) derived['sourceFields'] = raw;
  return derived;
}
