import { feedInputError } from './feed-errors.ts';
import { createJsonTokenizer, type JsonSyntaxFault, type JsonToken } from './json-tokens.ts';

/** Record path of a top-level JSON array. */
export const JSON_ROOT_PATH = '$';

/** An array of objects found in a JSON document. */
export interface JsonArrayCandidate {
  /** `$` for the top-level array, else `$.` followed by the dotted keys, e.g. `$.products`. */
  path: string;
  depth: number;
  objectCount: number;
}

interface Frame extends JsonContainer {
  candidate?: JsonArrayCandidate;
}

// Arrays named like these hold the products of an API response or export.
const PRODUCT_ARRAY_NAMES =
  /^(products?|items?|data|results?|offers?|articles?|records|entries|produ[ci]tos|produits|artikel|товары)$/i;

/** A container being read: its kind, its key path and the key last seen in it. */
export interface JsonContainer {
  kind: 'object' | 'array';
  keys: string[];
  key?: string;
}

/** Returns the key path of a container opened inside `parent`. */
export function childKeyPath(parent: JsonContainer | undefined): string[] {
  if (!parent) return [];
  if (parent.kind === 'array') return parent.keys;
  return [...parent.keys, parent.key ?? ''];
}

/** Converts a key path to a record path string. */
export function jsonRecordPath(keys: readonly string[]): string {
  return keys.length === 0 ? JSON_ROOT_PATH : `${JSON_ROOT_PATH}.${keys.join('.')}`;
}

/** Splits a record path back into keys. */
export function jsonRecordKeys(path: string): string[] {
  return path === JSON_ROOT_PATH ? [] : path.replace(/^\$\./, '').split('.');
}

/** Lists the arrays of objects in the start of a JSON document, up to any syntax error. */
export function scanJsonArrays(sample: string): {
  candidates: JsonArrayCandidate[];
  fault?: JsonSyntaxFault;
} {
  const candidates = new Map<string, JsonArrayCandidate>();
  const stack: Frame[] = [];
  const { tokens, fault } = createJsonTokenizer()(sample);
  for (const token of tokens) visit(token, stack, candidates);
  return fault
    ? { candidates: [...candidates.values()], fault }
    : { candidates: [...candidates.values()] };
}

function visit(
  token: JsonToken,
  stack: Frame[],
  candidates: Map<string, JsonArrayCandidate>,
): void {
  const top = stack.at(-1);
  if (token.name === 'keyValue' && top) top.key = token.value;
  if (token.name === 'startObject' || token.name === 'startArray') {
    const keys = childKeyPath(top);
    if (token.name === 'startObject' && top?.candidate) top.candidate.objectCount++;
    const frame: Frame = { kind: token.name === 'startObject' ? 'object' : 'array', keys };
    // Arrays nested in arrays are not product lists; only arrays under keys or the root count.
    if (frame.kind === 'array' && top?.kind !== 'array') {
      const path = jsonRecordPath(keys);
      frame.candidate = candidates.get(path) ?? { path, depth: keys.length, objectCount: 0 };
      candidates.set(path, frame.candidate);
    }
    stack.push(frame);
  }
  if (token.name === 'endObject' || token.name === 'endArray') stack.pop();
}

/**
 * Picks the product array: the shallowest array holding objects, then the one with the most
 * objects, then one with a product-like name.
 */
export function chooseJsonRecordPath(candidates: JsonArrayCandidate[], source: string): string {
  const usable = candidates.filter((c) => c.objectCount > 0);
  const named = (c: JsonArrayCandidate) => PRODUCT_ARRAY_NAMES.test(c.path.split('.').at(-1) ?? '');
  usable.sort(
    (a, b) =>
      a.depth - b.depth || b.objectCount - a.objectCount || Number(named(b)) - Number(named(a)),
  );
  const best = usable[0];
  if (best) return best.path;
  throw feedInputError(
    'no_records',
    source,
    undefined,
    'The JSON holds no array of objects, so there is no list of products to import.',
    'Provide a top-level array of products, an object holding one (such as {"products": [...]}), ' +
      'or JSON Lines with one product per line.',
  );
}
