import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { InputError } from '../../jobs/job-errors.ts';
import type { FeedRecord, RecordFields } from './feed-types.ts';
import { feedInputError, shorten } from './feed-errors.ts';
import { CSV_RECORD_DELIMITERS, isBlankRow, type CsvDialect } from './csv-dialect.ts';

/** One parsed row with the line it starts on. */
export interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts (quoted newlines make rows span lines). */
  line: number;
}

/**
 * Streams the rows of delimited text with csv-parse. Quoted newlines, mixed line endings and
 * quotes inside unquoted cells are accepted. An unterminated quote raises an InputError with
 * its line, after the rows before it.
 */
export async function* readCsvRows(
  text: AsyncIterable<string>,
  delimiter: string,
  source: string,
  quote: boolean = true,
): AsyncGenerator<CsvRow> {
  // csv-parse's `info` option would give line numbers, but building its object for every row
  // halves the throughput, so lines are counted from the line breaks inside the cells instead.
  const parser = parse({
    delimiter,
    quote: quote ? '"' : false,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: CSV_RECORD_DELIMITERS,
  });
  // The rejection also surfaces through the parser's iterator, so it is only observed here.
  pipeline(Readable.from(text), parser).catch(() => undefined);
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield { cells, line };
      line += 1 + countLineBreaks(cells);
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvSyntaxError(error, source, line);
    throw error;
  }
}

function countLineBreaks(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

// `rowLine` is the start of the row being parsed: an unclosed quote opened there, while
// csv-parse reports the line where it gave up (the end of the file).
function csvSyntaxError(error: CsvError, source: string, rowLine: number): InputError {
  const lines = (error as CsvError & { lines?: number }).lines;
  const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
  const line = unclosed ? rowLine : lines;
  return feedInputError(
    unclosed ? 'unterminated_quote' : 'malformed_csv',
    source,
    line === undefined ? undefined : { line },
    unclosed
      ? 'A quoted cell in the row starting here is never closed, so the file is truncated or a ' +
          'quote is missing.'
      : `The CSV cannot be parsed: ${error.message}`,
    'Check the quoting near that line, or export the file again.',
    error,
  );
}

/**
 * Streams the data records of a delimited file: rows above the header are skipped, blank rows
 * are not records, and a row whose width differs from the header's is yielded with an issue.
 */
export async function* readCsvRecords(
  text: AsyncIterable<string>,
  dialect: CsvDialect,
  source: string,
): AsyncGenerator<FeedRecord> {
  let index = -1;
  let rowNumber = 0;
  for await (const row of readCsvRows(text, dialect.delimiter, source)) {
    index++;
    if (index <= dialect.headerRowIndex || isBlankRow(row.cells)) continue;
    rowNumber++;
    yield toRecord(row, dialect.columns, rowNumber, dialect.delimiter);
  }
}

function toRecord(
  row: CsvRow,
  columns: string[],
  rowNumber: number,
  delimiter: string,
): FeedRecord {
  const fields: RecordFields = {};
  const cells = trimEmptyTail(row.cells, columns.length);
  columns.forEach((column, i) => {
    const value = cells[i] ?? '';
    if (value !== '' || !column.startsWith('column_')) fields[column] = value;
  });
  const record: FeedRecord = { rowNumber, line: row.line, fields };
  if (cells.length !== columns.length) {
    record.issue = {
      field: 'row',
      reason: `The row has ${cells.length} fields but the header has ${columns.length}.`,
      rawValue: shorten(row.cells.join(delimiter)),
    };
  }
  return record;
}

// Spreadsheet exports often pad rows with empty trailing cells; those do not make a row ragged.
function trimEmptyTail(cells: string[], width: number): string[] {
  let end = cells.length;
  while (end > width && (cells[end - 1] ?? '').trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
