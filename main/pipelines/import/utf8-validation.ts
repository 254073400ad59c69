/**
 * Byte-level UTF-8 checks used to locate an invalid byte once the native decoder has rejected
 * a chunk, and to keep a multi-byte character that straddles two chunks together.
 */

/** Number of continuation bytes a lead byte announces, or -1 for a byte that cannot lead. */
function continuationCount(lead: number): number {
  if (lead < 0x80) return 0;
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

/** Valid range of the first continuation byte after `lead` (RFC 3629, table 3-7 of Unicode). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Returns the index of the first byte that breaks UTF-8 validity, or `bytes.length`. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const count = continuationCount(lead);
    if (count < 0) return i;
    if (count > 0 && !continuationValid(bytes, i, count)) return i;
    i += count + 1;
  }
  return bytes.length;
}

function continuationValid(bytes: Uint8Array, start: number, count: number): boolean {
  const [low, high] = secondByteRange(bytes[start] ?? 0);
  for (let k = 1; k <= count; k++) {
    const byte = bytes[start + k];
    if (byte === undefined) return false;
    const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (byte < min || byte > max) return false;
  }
  return true;
}

/**
 * Returns how many bytes at the end of `bytes` start a multi-byte character that is not yet
 * complete (0-3). Those bytes are held back until the next chunk arrives.
 */
export function incompleteUtf8TailLength(bytes: Uint8Array): number {
  const from = Math.max(0, bytes.length - 3);
  for (let i = bytes.length - 1; i >= from; i--) {
    const byte = bytes[i] ?? 0;
    if (byte >= 0x80 && byte <= 0xbf) continue;
    const count = continuationCount(byte);
    const available = bytes.length - i - 1;
    return count > available ? bytes.length - i : 0;
  }
  return 0;
}
