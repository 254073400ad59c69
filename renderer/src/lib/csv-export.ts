/**
 * Serialises rows as RFC 4180 CSV: comma separated, CRLF line ends, a field quoted when it
 * contains a comma, quote, CR or LF, and quotes doubled inside a quoted field.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading =, +, - or @ makes spreadsheets evaluate the cell, so such text gets a quote
  // prefix; supplier feeds are untrusted input.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
