import type { RecordFields } from './feed-types.ts';

/** Key under which a repeated XML element keeps its own text inside its object. */
export const TEXT_KEY = '#text';

/** True for a structured value inside a record (a repeated element or a JSON object). */
export function isFieldObject(value: unknown): value is RecordFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns every leaf value at `path`, descending through arrays of objects, so that
 * `MIME_INFO.MIME.MIME_SOURCE` finds the source of each `MIME` element whether the record
 * has one of them (dotted keys) or several (an array of objects).
 */
export function getFieldValues(fields: RecordFields, path: string): unknown[] {
  if (path in fields) return leafValues(fields[path]);
  const segments = path.split('.');
  for (let i = segments.length - 1; i > 0; i--) {
    const value = fields[segments.slice(0, i).join('.')];
    if (Array.isArray(value) && value.some(isFieldObject)) {
      const rest = segments.slice(i).join('.');
      return value.flatMap((item) => (isFieldObject(item) ? getFieldValues(item, rest) : []));
    }
  }
  return [];
}

function leafValues(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item) =>
      isFieldObject(item) ? leafValues(item[TEXT_KEY]) : leafValues(item),
    );
  }
  return [value];
}

/** Returns the first non-empty value at `path` as trimmed text, or null. */
export function getFirstText(fields: RecordFields, path: string): string | null {
  for (const value of getFieldValues(fields, path)) {
    const text = valueToText(value);
    if (text !== null) return text;
  }
  return null;
}

/**
 * Returns the structured groups at `path`: each element of a repeated group, or the one group
 * spelled as dotted keys (`ARTICLE_PRICE.PRICE_AMOUNT`), with keys relative to `path`.
 */
export function getFieldGroups(fields: RecordFields, path: string): RecordFields[] {
  const direct = fields[path];
  if (Array.isArray(direct)) {
    return direct.map((item) => (isFieldObject(item) ? item : { [TEXT_KEY]: item }));
  }
  const group = collectPrefixed(fields, path);
  if (group) return [group];
  const segments = path.split('.');
  for (let i = segments.length - 1; i > 0; i--) {
    const value = fields[segments.slice(0, i).join('.')];
    if (Array.isArray(value) && value.some(isFieldObject)) {
      const rest = segments.slice(i).join('.');
      return value.flatMap((item) => (isFieldObject(item) ? getFieldGroups(item, rest) : []));
    }
  }
  return [];
}

function collectPrefixed(fields: RecordFields, path: string): RecordFields | null {
  const prefix = `${path}.`;
  const group: RecordFields = {};
  let found = false;
  if (fields[path] !== undefined) {
    group[TEXT_KEY] = fields[path];
    found = true;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith(prefix)) continue;
    group[key.slice(prefix.length)] = value;
    found = true;
  }
  return found ? group : null;
}

/** Lists the leaf paths of a record, with paths inside arrays of objects joined by dots. */
export function listFieldPaths(fields: RecordFields): string[] {
  const paths = new Set<string>();
  for (const [key, value] of Object.entries(fields)) {
    if (!(Array.isArray(value) && value.some(isFieldObject))) {
      paths.add(key);
      continue;
    }
    for (const item of value) {
      if (!isFieldObject(item)) continue;
      for (const sub of listFieldPaths(item)) paths.add(sub === TEXT_KEY ? key : `${key}.${sub}`);
    }
  }
  return [...paths];
}

/** Converts a leaf value to trimmed text; empty strings, null and undefined become null. */
export function valueToText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Flattens a parsed JSON object into record fields: nested objects become dotted keys, arrays
 * stay arrays and objects inside them are flattened the same way.
 */
export function flattenJsonObject(
  object: Record<string, unknown>,
  prefix = '',
  out: RecordFields = {},
): RecordFields {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix + key;
    if (isFieldObject(value) && Object.keys(value).length > 0) {
      flattenJsonObject(value, `${path}.`, out);
    } else if (Array.isArray(value)) {
      out[path] = value.map((item) => (isFieldObject(item) ? flattenJsonObject(item) : item));
    } else {
      out[path] = value;
    }
  }
  return out;
}
