/**
 * JSON parsing that tolerates the mistakes found in real JSON-LD blocks: JavaScript comments,
 * trailing commas, raw line breaks inside strings, and `<!-- -->` or CDATA wrappers.
 */

/** Parses `text` as JSON, repairing common JSON-LD mistakes first if plain parsing fails. */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(repairJson(text));
  }
}

/**
 * Rewrites near-JSON into JSON: removes comments and trailing commas outside strings and
 * escapes control characters inside strings. Text inside strings is otherwise left alone.
 */
export function repairJson(text: string): string {
  const unwrapped = text
    .trim()
    .replace(/^(?:<!--|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\]\]>)$/, '')
    .replace(/;\s*$/, '');
  return removeTrailingCommas(removeComments(unwrapped));
}

function removeComments(text: string): string {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index] ?? '';
    const next = text[index + 1];
    if (character === '"') {
      const end = stringEnd(text, index);
      output += escapeControlCharacters(text.slice(index, end));
      index = end;
    } else if (character === '/' && next === '/') {
      index = lineEnd(text, index);
    } else if (character === '/' && next === '*') {
      const close = text.indexOf('*/', index + 2);
      index = close < 0 ? text.length : close + 2;
    } else {
      output += character;
      index += 1;
    }
  }
  return output;
}

function removeTrailingCommas(text: string): string {
  const trailingComma = /,\s*[}\]]/y;
  let output = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index] ?? '';
    if (character === '"') {
      const end = stringEnd(text, index);
      output += text.slice(index, end);
      index = end;
      continue;
    }
    trailingComma.lastIndex = index;
    if (character !== ',' || !trailingComma.test(text)) output += character;
    index += 1;
  }
  return output;
}

/** Returns the index just past the string literal that starts at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const character = text[index];
    if (character === '\\') index += 2;
    else if (character === '"') return index + 1;
    else index += 1;
  }
  return text.length;
}

function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 ? text.length : newline;
}

function escapeControlCharacters(literal: string): string {
  // eslint-disable-next-line no-control-regex
  return literal.replace(/[\u0000-\u001f]/g, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
