import type { FeedRecord } from './feed-types.ts';
import { shorten } from './feed-errors.ts';
import { getFieldValues, listFieldPaths, valueToText } from './record-fields.ts';
import { classifyValue, isExcelScientific, type ValueKind } from './value-patterns.ts';
import { guessDecimalSeparator, type DecimalSeparator } from './value-normalization.ts';

/** Records profiled by default when previewing a feed. */
export const DEFAULT_PROFILE_RECORDS = 500;

const SAMPLE_VALUES = 5;
const TRACKED_DISTINCT = 1000;
const DECIMAL_EVIDENCE_VALUES = 200;

/** Warnings about a field's values. */
export type FieldFlag =
  /** Values such as `4.6347E+11`: Excel converted long numbers and the digits are lost. */
  | 'excel_scientific_notation'
  /** Codes such as `00181` whose leading zeros must survive (they are kept as text). */
  | 'leading_zeros'
  | 'html';

/** Summary of one field over the first records of a feed. */
export interface FieldProfile {
  path: string;
  /** Profiled records with a non-empty value. */
  filled: number;
  /** `filled` divided by the records profiled, rounded to 2 decimals. */
  fillRate: number;
  /** The first five distinct non-empty values, shortened to 200 characters. */
  samples: string[];
  /** The most frequent kind among the values. */
  kind: ValueKind;
  kinds: Partial<Record<ValueKind, number>>;
  /** Distinct values divided by values seen (distinct values are tracked up to 1000). */
  distinctRatio: number;
  maxLength: number;
  /** True when some record has several values (a repeated element or an array). */
  multiValued: boolean;
  flags: FieldFlag[];
  /** Decimal separator of the field's numbers, when it has numbers. */
  decimalSeparator?: DecimalSeparator;
}

interface FieldAccumulator {
  path: string;
  filled: number;
  values: number;
  samples: string[];
  distinct: Set<string>;
  kinds: Map<ValueKind, number>;
  maxLength: number;
  multiValued: boolean;
  flags: Set<FieldFlag>;
  numeric: string[];
}

/** Builds field profiles from records, in the order fields first appear. */
export function profileFields(records: readonly FeedRecord[]): FieldProfile[] {
  const fields = new Map<string, FieldAccumulator>();
  for (const record of records) {
    for (const path of listFieldPaths(record.fields)) {
      let field = fields.get(path);
      if (!field) {
        field = createAccumulator(path);
        fields.set(path, field);
      }
      addValues(field, getFieldValues(record.fields, path));
    }
  }
  return [...fields.values()].map((field) => finishProfile(field, records.length));
}

function createAccumulator(path: string): FieldAccumulator {
  return {
    path,
    filled: 0,
    values: 0,
    samples: [],
    distinct: new Set(),
    kinds: new Map(),
    maxLength: 0,
    multiValued: false,
    flags: new Set(),
    numeric: [],
  };
}

function addValues(field: FieldAccumulator, values: unknown[]): void {
  let filled = false;
  if (values.length > 1) field.multiValued = true;
  for (const value of values) {
    const text = valueToText(value);
    if (text === null) continue;
    filled = true;
    field.values++;
    field.maxLength = Math.max(field.maxLength, text.length);
    if (field.distinct.size < TRACKED_DISTINCT) field.distinct.add(text);
    if (field.samples.length < SAMPLE_VALUES && !field.samples.includes(shorten(text))) {
      field.samples.push(shorten(text));
    }
    const kind = classifyValue(text);
    field.kinds.set(kind, (field.kinds.get(kind) ?? 0) + 1);
    flagValue(field, text, kind);
  }
  if (filled) field.filled++;
}

function flagValue(field: FieldAccumulator, text: string, kind: ValueKind): void {
  if (isExcelScientific(text)) field.flags.add('excel_scientific_notation');
  if (/^0\d+$/.test(text)) field.flags.add('leading_zeros');
  if (kind === 'html') field.flags.add('html');
  const numeric = kind === 'decimal' || kind === 'integer' || kind === 'price';
  if (numeric && field.numeric.length < DECIMAL_EVIDENCE_VALUES) field.numeric.push(text);
}

function finishProfile(field: FieldAccumulator, recordCount: number): FieldProfile {
  const kinds = Object.fromEntries(field.kinds) as Partial<Record<ValueKind, number>>;
  let kind: ValueKind = 'text';
  let kindCount = 0;
  for (const [candidate, count] of field.kinds) {
    if (count > kindCount) [kind, kindCount] = [candidate, count];
  }
  const profile: FieldProfile = {
    path: field.path,
    filled: field.filled,
    fillRate: recordCount === 0 ? 0 : Math.round((field.filled / recordCount) * 100) / 100,
    samples: field.samples,
    kind,
    kinds,
    distinctRatio:
      field.values === 0 ? 0 : Math.round((field.distinct.size / field.values) * 100) / 100,
    maxLength: field.maxLength,
    multiValued: field.multiValued,
    flags: [...field.flags],
  };
  if (field.numeric.length > 0) profile.decimalSeparator = guessDecimalSeparator(field.numeric);
  return profile;
}
