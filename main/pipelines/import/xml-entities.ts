import type { SaxesParser } from 'saxes';
import { feedInputError, shorten, type FeedLocation } from './feed-errors.ts';

/**
 * Entities declared in a DOCTYPE internal subset. External entities (SYSTEM or PUBLIC) and
 * external DTDs are never read: a reference to an external entity raises an InputError.
 * Internal entities are expanded with bounds so that nested definitions (the "billion laughs"
 * document) cannot exhaust memory.
 */
export const ENTITY_LIMITS = {
  /** Maximum characters one entity may expand to. */
  maxEntityLength: 64 * 1024,
  /** Maximum nesting of entity references inside entity values. */
  maxDepth: 8,
  /** Maximum characters all entity references of one document may expand to. */
  maxTotalExpansion: 16 * 1024 * 1024,
};

interface EntityDeclaration {
  name: string;
  value?: string;
  externalId?: string;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses the general entity declarations of a DOCTYPE body as saxes reports it. */
export function parseEntityDeclarations(doctype: string): EntityDeclaration[] {
  const start = doctype.indexOf('[');
  const end = doctype.lastIndexOf(']');
  if (start === -1 || end <= start) return [];
  const subset = doctype.slice(start + 1, end).replace(/<!--[\s\S]*?-->/g, '');
  const declaration =
    /<!ENTITY\s+(%\s+)?([^\s"'%>]+)\s+(?:"([^"]*)"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))\s*>/g;
  const found: EntityDeclaration[] = [];
  for (const match of subset.matchAll(declaration)) {
    const [, parameter, name, double, single, externalId] = match;
    if (parameter || !name) continue;
    if (externalId) found.push({ name, externalId: externalId.trim() });
    else found.push({ name, value: double ?? single ?? '' });
  }
  return found;
}

/**
 * Registers the internal subset's entities on a saxes parser. Saxes looks entities up in
 * `parser.ENTITIES` and inserts the value as text, so each entity becomes a getter that
 * expands it within {@link ENTITY_LIMITS} or raises for an external entity.
 */
export function installDoctypeEntities(
  parser: SaxesParser,
  doctype: string,
  source: string,
  where: () => FeedLocation,
): void {
  const declarations = new Map(parseEntityDeclarations(doctype).map((d) => [d.name, d]));
  const expanded = new Map<string, string>();
  let total = 0;
  const expand = (name: string, depth: number): string => {
    const cached = expanded.get(name);
    if (cached !== undefined) return cached;
    const value = expandDeclaration(declarations, name, depth, expand, source, where);
    expanded.set(name, value);
    return value;
  };
  for (const name of declarations.keys()) {
    Object.defineProperty(parser.ENTITIES, name, {
      configurable: true,
      enumerable: true,
      get() {
        const value = expand(name, 0);
        total += value.length;
        if (total > ENTITY_LIMITS.maxTotalExpansion) throw entityLimitError(source, where(), name);
        return value;
      },
    });
  }
}

function expandDeclaration(
  declarations: Map<string, EntityDeclaration>,
  name: string,
  depth: number,
  expand: (name: string, depth: number) => string,
  source: string,
  where: () => FeedLocation,
): string {
  const declaration = declarations.get(name);
  if (!declaration) throw undefinedEntityError(source, where(), name);
  if (declaration.externalId !== undefined) {
    throw externalEntityError(source, where(), name, declaration.externalId);
  }
  if (depth > ENTITY_LIMITS.maxDepth) throw entityLimitError(source, where(), name);
  let result = '';
  const parts = (declaration.value ?? '').split(/(&[^;&\s]+;)/);
  for (const part of parts) {
    result += part.startsWith('&') && part.endsWith(';') ? resolveReference(part, depth) : part;
    if (result.length > ENTITY_LIMITS.maxEntityLength) {
      throw entityLimitError(source, where(), name);
    }
  }
  return result;

  function resolveReference(reference: string, level: number): string {
    const inner = reference.slice(1, -1);
    if (inner.startsWith('#x')) return codePointText(parseInt(inner.slice(2), 16), reference);
    if (inner.startsWith('#')) return codePointText(parseInt(inner.slice(1), 10), reference);
    return PREDEFINED[inner] ?? expand(inner, level + 1);
  }
}

function codePointText(code: number, reference: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : reference;
}

function externalEntityError(source: string, at: FeedLocation, name: string, id: string) {
  return feedInputError(
    'xml_external_entity',
    source,
    at,
    `The document uses the external entity &${name}; (${shorten(id, 120)}), and external ` +
      'entities are never read.',
    'Ask the supplier for a feed without external entities, or replace the reference with text.',
  );
}

function entityLimitError(source: string, at: FeedLocation, name: string) {
  return feedInputError(
    'xml_entity_limit',
    source,
    at,
    `Expanding the entity &${name}; exceeds the limit of ${ENTITY_LIMITS.maxEntityLength} ` +
      `characters per entity, ${ENTITY_LIMITS.maxDepth} nesting levels or ` +
      `${ENTITY_LIMITS.maxTotalExpansion} characters per document.`,
    'The DOCTYPE defines nested entities that blow up when expanded; remove them from the feed.',
  );
}

function undefinedEntityError(source: string, at: FeedLocation, name: string) {
  return feedInputError(
    'malformed_xml',
    source,
    at,
    `The entity &${name}; is used but not declared.`,
    'Declare the entity in the DOCTYPE or replace it with the character it stands for.',
  );
}
