import type { RecordFields } from './feed-types.ts';
import type { FieldMapping } from './feed-mapping.ts';
import { getFieldValues, valueToText } from './record-fields.ts';
import { looksLikeNumber, splitReferenceList } from './value-patterns.ts';

/** Lists the source paths of a field mapping. */
export function mappingSources(mapping: FieldMapping | undefined): string[] {
  if (!mapping || mapping.source === null) return [];
  return Array.isArray(mapping.source) ? mapping.source : [mapping.source];
}

/** A value read for a target field together with the path it came from. */
export interface SourcedText {
  path: string;
  text: string;
  /** The value before conversion to text (a JSON number stays a number here). */
  raw: unknown;
}

/** Reads every non-empty value of the mapped sources, in source order. */
export function readMappedTexts(
  fields: RecordFields,
  mapping: FieldMapping | undefined,
): SourcedText[] {
  const texts: SourcedText[] = [];
  for (const path of mappingSources(mapping)) {
    for (const value of getFieldValues(fields, path)) {
      const text = valueToText(value);
      if (text !== null) texts.push({ path, text, raw: value });
    }
  }
  return texts;
}

const UNIT_SUFFIX = /(?:^|[\s_(-])(mm|cm|m|in|inch|ft)\)?$/i;

/**
 * Appends a unit to a bare number: from a sibling field named like the path plus `Unit`
 * (`thickness` and `thicknessUnit`) or from a unit suffix of the name (`thickness_mm`,
 * `Width (cm)`).
 */
export function withUnit(fields: RecordFields, sourced: SourcedText): string {
  if (!looksLikeNumber(sourced.text)) return sourced.text;
  const unit = unitOf(fields, sourced.path);
  return unit ? `${sourced.text} ${unit}` : sourced.text;
}

function unitOf(fields: RecordFields, path: string): string | null {
  for (const sibling of [`${path}Unit`, `${path}_unit`, `${path}.unit`]) {
    const unit = valueToText(getFieldValues(fields, sibling)[0]);
    if (unit) return unit;
  }
  return UNIT_SUFFIX.exec(path)?.[1] ?? null;
}

/** Keeps the first value of each source path, in source order. */
export function firstPerSource(texts: SourcedText[]): SourcedText[] {
  const seen = new Set<string>();
  return texts.filter((t) => !seen.has(t.path) && seen.add(t.path));
}

/** Formats dimensions from one text or from several extents, keeping the source's units. */
export function formatDimensions(fields: RecordFields, texts: SourcedText[]): string | null {
  if (texts.length === 0) return null;
  if (texts.length === 1 && texts[0]) return withUnit(fields, texts[0]);
  const units = texts.map((t) => (looksLikeNumber(t.text) ? unitOf(fields, t.path) : null));
  const sameUnit = units.every((u) => u !== null && u === units[0]);
  if (sameUnit) return `${texts.map((t) => t.text).join(' x ')} ${units[0]}`;
  return texts.map((t) => withUnit(fields, t)).join(' x ');
}

/** Collects image references from every value, splitting cells that list several. */
export function collectImageUrls(texts: SourcedText[]): string[] {
  const urls = new Set<string>();
  for (const { text } of texts) {
    for (const part of splitReferenceList(text)) urls.add(part);
  }
  return [...urls];
}

/** Stock as a number when the value is one, otherwise the availability text. */
export function readStock(text: string | undefined): { stock?: number; availability?: string } {
  if (text === undefined) return {};
  const compact = text.replace(/\s/g, '');
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(compact)) return { stock: Number(compact.replace(',', '.')) };
  return { availability: text };
}
