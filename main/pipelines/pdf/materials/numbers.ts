/**
 * Locale-tolerant number parsing for catalogue text, where `1.234,50`, `1,234.50`, `12 900`
 * and `19,8` all occur, often in the same document.
 */

/** Spaces used as thousands separators: space, no-break space, narrow no-break space, thin space. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
/** A space-grouped number: groups of three digits after the first (`1 520 000,50`). */
const SPACE_GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;

/**
 * Parses a decimal written with any common separator convention, or returns null.
 *
 * Rules, in order. Spaces are thousands separators and must split three-digit groups. When
 * both `.` and `,` occur, the last one is the decimal mark. A single separator followed by
 * exactly three digits is a thousands separator (`1.234` is 1234, `1,234` is 1234), otherwise
 * it is the decimal mark (`12,90` is 12.9). Apostrophes (`1'234.50`, Swiss style) are thousands separators.
 */
export function parseLocaleNumber(raw: string): number | null {
  const trimmed = raw.trim();
  if (/\d[ \u00a0\u202f\u2009]/.test(trimmed) && !SPACE_GROUPED.test(trimmed)) return null;
  const text = trimmed.replace(GROUP_SPACES, '').replace(/'/g, '');
  if (!/^[+-]?\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return null;

  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalMark = lastDot > lastComma ? '.' : ',';
    const groupMark = decimalMark === '.' ? ',' : '.';
    normalised = text.split(groupMark).join('').replace(decimalMark, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    normalised = normaliseSingleSeparator(text, lastDot >= 0 ? '.' : ',');
  } else {
    normalised = text;
  }

  if (!/^[+-]?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

function normaliseSingleSeparator(text: string, mark: '.' | ','): string {
  const parts = text.split(mark);
  const groupsAreThousands = parts.length > 2 || parts[parts.length - 1]!.length === 3;
  if (groupsAreThousands) {
    const [head, ...tail] = parts;
    const wellGrouped = head!.replace(/^[+-]/, '').length <= 3 && tail.every((p) => p.length === 3);
    return wellGrouped ? parts.join('') : 'invalid';
  }
  return parts.join('.');
}
