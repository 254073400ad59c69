import { InputError } from '../../jobs/job-errors.ts';

/** A place in a feed file; any combination of parts may be known. */
export interface FeedLocation {
  line?: number;
  column?: number;
  byteOffset?: number;
  row?: number;
}

/** Formats a location as `line 12, column 4, byte offset 300` for an error message. */
export function describeLocation(location: FeedLocation): string | undefined {
  const parts: string[] = [];
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.column !== undefined) parts.push(`column ${location.column}`);
  if (location.byteOffset !== undefined) parts.push(`byte offset ${location.byteOffset}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Creates the {@link InputError} this library throws for a bad feed file. */
export function feedInputError(
  code: string,
  source: string,
  location: FeedLocation | undefined,
  problem: string,
  fix: string,
  cause?: unknown,
): InputError {
  const where = location ? describeLocation(location) : undefined;
  const detail = where ? { source, location: where, problem, fix } : { source, problem, fix };
  return new InputError(code, detail, cause === undefined ? undefined : { cause });
}

/** Shortens a raw value for a message or a row failure. */
export function shorten(value: string, max = 200): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
