import type { ImportRowFailureRow } from '../store/imports-repository.ts';

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats import row failures as RFC 4180 CSV with a header row. */
export function failuresToCsv(failures: ImportRowFailureRow[]): string {
  const header = 'row_number,line,field,reason,raw_value';
  const rows = failures.map((failure) =>
    [failure.row_number, failure.line, failure.field, failure.reason, failure.raw_value]
      .map(csvCell)
      .join(','),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}
